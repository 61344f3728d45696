import type { TrialReport } from '../report/trial-report.js';
import type { Proportion } from '../stats/estimate.js';
import { fixed, percent } from './format.js';
import { safetyHeadline } from './sections/safety.js';
import { notEstimableText } from './sections/survival.js';

/**
 * The key numbers of a report in a few aligned lines, for a terminal: the data cut and the
 * settings that defaulted, the 90-day complication rates and mortality, the safety headline,
 * the 6-week PSA response, the doubling times and their change, and the 2-year estimates with
 * their numbers at risk (or why they are not estimable).
 *
 * @param report - a report from `buildTrialReport`.
 * @returns plain text lines joined by newlines (no colour codes).
 * @example console.log(reportSummary(report));
 */
export function reportSummary(report: TrialReport): string {
  const rows: [string, string][] = [];
  const rate = (r: Proportion) =>
    `${r.count}/${r.n} ${percent(r.estimate)} (95% CI ${percent(r.lower)} to ${percent(r.upper)})`;
  const comp = report.complications;
  for (const [key, label] of [
    ['any', 'Any complication, 90 days'],
    ['major', 'Major (IIIa+), 90 days'],
    ['mortality', 'Death within 90 days'],
  ] as const) {
    const row = comp.rows.find((r) => r.key === key);
    if (row !== undefined) rows.push([label, rate(row)]);
  }
  const headline = safetyHeadline(report.safety);
  rows.push(['Safety monitor', headline.text]);
  const lm = report.psaLandmark;
  rows.push(['Complete PSA response, 6 wk', rate(lm.completeResponse)]);
  const dt = report.psaDoublingTime;
  const { pre, post } = dt.summary;
  rows.push([
    'PSADT, months, median',
    `before ${fixed(pre.median, 1)} (n = ${pre.n}), after ${fixed(post.median, 1)} (n = ${post.n})`,
  ]);
  rows.push([
    'PSADT change (log-slope)',
    `n = ${dt.n} with both slopes, median ${fixed(dt.medianChange, 4)}/month` +
      (dt.wilcoxon === null ? '' : `, Wilcoxon p = ${fixed(dt.wilcoxon.pValue, 4)}`),
  ]);
  for (const s of report.survival) {
    const two = s.at[1];
    let text = 'NA';
    if (two !== undefined) {
      text = two.estimable
        ? `${percent(two.survival)} (95% CI ${percent(two.lower)} to ${percent(two.upper)}), ${two.nRisk} at risk`
        : `${notEstimableText(two.time)}, 0 at risk`;
      text += `; ${s.events} event${s.events === 1 ? '' : 's'}`;
    }
    rows.push([`${s.label.replace(/ \(.*\)$/, '')}, 2 y`, text]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const defaulted = report.settings.filter((s) => s.defaulted && s.name === 'rule');
  const head = `${report.title}\nData cut ${report.asOf}: ${report.cohort.n} patients${
    report.excluded.length > 0 ? `, ${report.excluded.length} excluded as invalid` : ''
  }${defaulted.length > 0 ? `; stopping rule ${report.safety.rule} is the default (none given)` : ''}`;
  return [head, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)].join('\n');
}

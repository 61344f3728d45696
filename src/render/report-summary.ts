import type { TrialReport } from '../report/trial-report.js';
import { fixed, percent } from './format.js';

/**
 * The key numbers of a report in a few aligned lines, for a terminal: the data cut, the 90-day
 * complication rates, the safety decision, the 6-week PSA response, the doubling-time change and
 * the 2-year survival estimates.
 *
 * @param report - a report from `buildTrialReport`.
 * @returns plain text lines joined by newlines (no colour codes).
 * @example console.log(reportSummary(report));
 */
export function reportSummary(report: TrialReport): string {
  const rows: [string, string][] = [];
  const rate = (r: {
    count: number;
    n: number;
    rate: number | null;
    lower: number | null;
    upper: number | null;
  }) => `${r.count}/${r.n} ${percent(r.rate)} (95% CI ${percent(r.lower)} to ${percent(r.upper)})`;
  const comp = report.complications;
  const any = comp.rows.find((r) => r.key === 'any');
  const major = comp.rows.find((r) => r.key === 'major');
  if (any !== undefined) rows.push(['Any complication, 90 days', rate(any)]);
  if (major !== undefined) rows.push(['Major (IIIa+), 90 days', rate(major)]);
  const m = report.safety.monitor;
  rows.push([
    'Safety monitor',
    `${m.decision.toUpperCase()}: ${m.events} major in ${m.evaluable} evaluable, ${m.pending} pending (${report.safety.rule})`,
  ]);
  const lm = report.psaLandmark;
  rows.push(['Complete PSA response, 6 wk', rate(lm.completeResponse)]);
  const dt = report.psaDoublingTime;
  rows.push([
    'PSADT change (log-slope)',
    `n = ${dt.n}, median ${fixed(dt.medianChange, 4)}/month` +
      (dt.wilcoxon === null ? '' : `, Wilcoxon p = ${fixed(dt.wilcoxon.pValue, 4)}`),
  ]);
  for (const s of report.survival) {
    const two = s.at[1];
    rows.push([
      `${s.label.replace(/ \(.*\)$/, '')}, 2 y`,
      two === undefined
        ? 'NA'
        : `${percent(two.survival)} (95% CI ${percent(two.lower)} to ${percent(two.upper)}), ${s.events} events`,
    ]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const head = `${report.title}\nData cut ${report.asOf}: ${report.cohort.n} patients${
    report.excluded.length > 0 ? `, ${report.excluded.length} excluded as invalid` : ''
  }`;
  return [head, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)].join('\n');
}

import { DAYS_PER_MONTH } from '../model/iso-date.js';
import type { BoundaryPlotInput } from '../plot/boundary-plot.js';
import { boundaryPlot } from '../plot/boundary-plot.js';
import { kaplanMeierPlot } from '../plot/kaplan-meier-plot.js';
import { waterfallPlot } from '../plot/waterfall-plot.js';
import type { TrialReport } from '../report/trial-report.js';
import { fixed, percent, percentInterval, withInterval } from './format.js';

// A report as a list of blocks that know nothing of their output format: the Markdown and HTML
// renderers walk the same blocks, so the two can never disagree about a number.

/** One piece of a rendered report. Text is plain: each renderer escapes it for its format. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns to right-align (numbers). */
      readonly numeric?: readonly number[];
    }
  | {
      readonly kind: 'figure';
      /** File name the SVG is written to beside report.md, e.g. `plots/safety.svg`. */
      readonly file: string;
      readonly svg: string;
      readonly caption: string;
    }
  | { readonly kind: 'callout'; readonly tone: 'ok' | 'alert' | 'note'; readonly text: string };

const months = (days: number) => days / DAYS_PER_MONTH;

/**
 * The blocks of a trial report, in reading order, with the plots rendered as SVG.
 *
 * @param report - a report from `buildTrialReport`.
 * @returns the blocks; `reportToMarkdown` and `reportToHtml` render them.
 * @example reportDocument(buildTrialReport(patients)).filter((b) => b.kind === 'figure');
 */
export function reportDocument(report: TrialReport): Block[] {
  const blocks: Block[] = [];
  const { cohort, complications: comp, safety, psaLandmark: lm, psaDoublingTime: dt } = report;
  blocks.push({ kind: 'heading', level: 1, text: report.title });
  blocks.push({
    kind: 'paragraph',
    text:
      `Data cut ${report.asOf}. slnd-stats ${report.libraryVersion}.` +
      (report.source === null
        ? ''
        : ` Input ${report.source.path}, SHA-256 ${report.source.sha256}.`),
  });

  if (report.excluded.length > 0) {
    blocks.push({
      kind: 'callout',
      tone: 'alert',
      text: `${report.excluded.length} patient(s) were excluded as invalid and are not analysed.`,
    });
    blocks.push({
      kind: 'table',
      header: ['Patient', 'Reasons'],
      rows: report.excluded.map((e) => [e.patientId ?? '(no id)', e.reasons.join('; ')]),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Cohort' });
  blocks.push({
    kind: 'table',
    header: ['Item', 'Value'],
    rows: [
      ['Patients operated', String(cohort.n)],
      ['Surgery dates', `${cohort.firstSurgery ?? 'NA'} to ${cohort.lastSurgery ?? 'NA'}`],
      [
        'Median follow-up, months (95% CI)',
        withInterval(
          cohort.medianFollowUpMonths.estimate,
          cohort.medianFollowUpMonths.lower,
          cohort.medianFollowUpMonths.upper,
        ),
      ],
      ['Deaths', String(cohort.deaths)],
      ['Not yet operated at the data cut', String(cohort.notYetOperated.length)],
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Complications within 90 days (Clavien-Dindo)' });
  blocks.push({
    kind: 'table',
    header: ['Worst grade per patient', 'Patients', 'Rate', '95% CI (exact)'],
    numeric: [1, 2],
    rows: comp.rows.map((r) => [
      r.label,
      `${r.count}/${r.n}`,
      percent(r.rate),
      percentInterval(r.lower, r.upper),
    ]),
  });
  blocks.push({
    kind: 'paragraph',
    text:
      `${comp.totalEvents} complication(s) in all. Comprehensive Complication Index per patient: ` +
      `median ${fixed(comp.cci.median, 1)} (IQR ${fixed(comp.cci.q1, 1)} to ${fixed(comp.cci.q3, 1)}).`,
  });
  if (comp.notes.length > 0) blocks.push({ kind: 'list', items: comp.notes });

  const m = safety.monitor;
  blocks.push({ kind: 'heading', level: 2, text: 'Safety monitor' });
  blocks.push({
    kind: 'callout',
    tone: m.decision === 'stop' ? 'alert' : 'ok',
    text:
      m.decision === 'stop'
        ? `STOP: ${m.events} major complication(s) in ${m.evaluable} evaluable patients crosses the boundary.`
        : `Continue: ${m.events} major complication(s) in ${m.evaluable} evaluable patients; the boundary is not crossed.`,
  });
  blocks.push({ kind: 'paragraph', text: safety.description });
  blocks.push({
    kind: 'table',
    header: ['Item', 'Value'],
    rows: [
      ['Evaluable patients', String(m.evaluable)],
      ['Major complications (IIIa or higher) within 90 days', String(m.events)],
      ['Pending (inside their 90-day window)', String(m.pending)],
      ['Follow-up ended early without an event (not counted)', String(m.incomplete)],
    ],
  });
  const oc = safety.operatingCharacteristics;
  blocks.push({
    kind: 'table',
    header: ['True rate', 'P(stop)', 'Expected patients'],
    numeric: [0, 1, 2],
    rows: oc.p.map((p, i) => [
      fixed(p, 2),
      fixed(oc.crossProbability[i] ?? null, 3),
      fixed(oc.expectedSampleSize[i] ?? null, 1),
    ]),
  });
  const plotInput: BoundaryPlotInput = {
    looks: safety.looks,
    maxAllowed: safety.maxAllowed,
    observed: safety.path,
    decision: m.decision,
  };
  blocks.push({
    kind: 'figure',
    file: 'plots/safety-boundary.svg',
    svg: boundaryPlot(plotInput, {
      title: 'Major complications against evaluable patients',
      idPrefix: 'safety',
    }),
    caption:
      'Cumulative major complications after each evaluable patient, with the stopping boundary.',
  });

  blocks.push({ kind: 'heading', level: 2, text: 'PSA 6 weeks after sLND' });
  blocks.push({
    kind: 'table',
    header: ['Item', 'Value'],
    rows: [
      ['Patients with a PSA at day 42 +- 14', `${lm.evaluable}/${cohort.n}`],
      [
        'PSA, ng/mL: median (IQR)',
        `${fixed(lm.median, 3)} (${fixed(lm.q1, 3)} to ${fixed(lm.q3, 3)})`,
      ],
      [
        'Complete biochemical response (< 0.2 ng/mL)',
        `${lm.completeResponse.count}/${lm.completeResponse.n}, ${percent(lm.completeResponse.rate)} (95% CI ${percentInterval(lm.completeResponse.lower, lm.completeResponse.upper)})`,
      ],
      [
        'Undetectable (< 0.1 ng/mL)',
        `${lm.undetectable.count}/${lm.undetectable.n}, ${percent(lm.undetectable.rate)} (95% CI ${percentInterval(lm.undetectable.lower, lm.undetectable.upper)})`,
      ],
    ],
  });
  if (lm.notEvaluable.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `No PSA in the landmark window: ${lm.notEvaluable.join(', ')}.`,
    });
  }
  if (lm.waterfall.length > 0) {
    blocks.push({
      kind: 'figure',
      file: 'plots/psa-waterfall.svg',
      svg: waterfallPlot(lm.waterfall, { title: 'PSA change at 6 weeks', idPrefix: 'waterfall' }),
      caption:
        'Percent change of PSA at 6 weeks from the last PSA before the sLND, one bar per patient.',
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'PSA doubling time before and after sLND' });
  const c = dt.categories;
  blocks.push({
    kind: 'table',
    header: ['Kinetics after sLND', 'Patients'],
    numeric: [1],
    rows: [
      ['Slowed (longer doubling time)', String(c.slowed)],
      ['Accelerated', String(c.accelerated)],
      ['No rise after sLND', String(c['no-post-rise'])],
      ['Not evaluable', String(c['not-evaluable'])],
    ],
  });
  blocks.push({
    kind: 'paragraph',
    text:
      `Paired log-slopes (per month) in ${dt.n} patient(s): median change post - pre ` +
      `${fixed(dt.medianChange, 4)} (IQR ${fixed(dt.iqr?.[0] ?? null, 4)} to ${fixed(dt.iqr?.[1] ?? null, 4)})` +
      (dt.wilcoxon === null
        ? '; no test (no non-zero difference).'
        : `; ${dt.wilcoxon.method}: V = ${dt.wilcoxon.statistic}, p = ${fixed(dt.wilcoxon.pValue, 4)}.`),
  });
  if (dt.pairs.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['Patient', 'PSADT before, months', 'PSADT after, months', 'Change in log-slope'],
      numeric: [1, 2, 3],
      rows: dt.pairs.map((p) => [
        p.patientId,
        p.preSlopePerMonth > 0 ? fixed(Math.LN2 / p.preSlopePerMonth, 1) : 'not rising',
        p.postSlopePerMonth > 0 ? fixed(Math.LN2 / p.postSlopePerMonth, 1) : 'not rising',
        fixed(p.change, 4),
      ]),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Time-to-event endpoints (2 years)' });
  blocks.push({
    kind: 'table',
    header: [
      'Endpoint',
      'Patients',
      'Events',
      '1 year (95% CI)',
      '2 years (95% CI)',
      'Median, months (95% CI)',
    ],
    numeric: [1, 2],
    rows: report.survival.map((s) => {
      const at = (i: number) => {
        const row = s.at[i];
        return row === undefined
          ? 'NA'
          : `${percent(row.survival)} (${percentInterval(row.lower, row.upper)})`;
      };
      const md = s.median;
      return [
        s.label,
        String(s.n),
        String(s.events),
        at(0),
        at(1),
        withInterval(
          md.estimate === null ? null : months(md.estimate),
          md.lower === null ? null : months(md.lower),
          md.upper === null ? null : months(md.upper),
        ),
      ];
    }),
  });
  for (const s of report.survival) {
    if (s.n === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: s.label });
    blocks.push({
      kind: 'figure',
      file: `plots/km-${s.endpoint}.svg`,
      svg: kaplanMeierPlot([{ label: s.label, fit: s.fit }], {
        title: s.label,
        idPrefix: `km-${s.endpoint}`,
        riskTimes: s.riskTable.map((r) => months(r.time)),
      }),
      caption: `${s.label}: Kaplan-Meier estimate with its 95% confidence band; ticks mark censored patients; numbers at risk below the axis.`,
    });
    blocks.push({
      kind: 'table',
      header: ['Months', ...s.riskTable.map((r) => fixed(months(r.time), 0))],
      numeric: s.riskTable.map((_, i) => i + 1),
      rows: [
        ['At risk', ...s.riskTable.map((r) => String(r.nRisk))],
        ['Events (cumulative)', ...s.riskTable.map((r) => String(r.cumulativeEvents))],
        ['Censored (cumulative)', ...s.riskTable.map((r) => String(r.cumulativeCensored))],
      ],
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Methods' });
  for (const text of report.methods) blocks.push({ kind: 'paragraph', text });
  return blocks;
}

import type { BaselineRow, TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';
import { fixed } from '../format.js';

/** The rows of one variable: gtsummary's layout, levels indented under a categorical label. */
function rowsOf(row: BaselineRow, digits: number): string[][] {
  const missing = String(row.missing);
  if (row.type === 'continuous') {
    const value =
      row.n === 0
        ? 'not recorded'
        : `${fixed(row.median, digits)} (${fixed(row.q1, digits)}, ${fixed(row.q3, digits)})`;
    return [[row.label, value, missing]];
  }
  if (row.n === 0) return [[row.label, 'not recorded', missing]];
  return [
    [row.label, '', missing],
    ...(row.levels ?? []).map((l) => [
      `\u00a0\u00a0\u00a0\u00a0${l.level}`,
      `${l.count} (${l.percent === null ? 'NA' : `${l.percent.toFixed(0)}%`})`,
      '',
    ]),
  ];
}

/** Decimals of each continuous variable's summary: counts and grades whole, the rest 1. */
const DIGITS: Readonly<Record<string, number>> = {
  imagingPositiveNodes: 0,
  nodesRemoved: 0,
  nodesPositive: 0,
  psaAtSurgery: 2,
};

/**
 * Table 1, the baseline characteristics, as `gtsummary::tbl_summary` prints them: median (Q1,
 * Q3) for continuous variables, n (%) of the patients with the value for categorical ones, and
 * the number missing beside every row. Variables no patient has say "not recorded".
 */
export function baselineBlocks(report: TrialReport): Block[] {
  const { baseline } = report;
  const absent = baseline.rows.filter((r) => r.n === 0).map((r) => r.label);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Baseline characteristics' },
    {
      kind: 'table',
      header: ['Characteristic', `N = ${baseline.n}`, 'Missing'],
      rows: baseline.rows.flatMap((r) => rowsOf(r, DIGITS[r.variable] ?? 1)),
      numeric: [2],
    },
    {
      kind: 'paragraph',
      text: 'Median (Q1, Q3) with the quartiles of R quantile(type = 2), as gtsummary; n (%) of the patients with the value recorded. PSA at sLND is the last PSA on or before the sLND within 90 days; the doubling time before sLND is that of the 12 calendar months before it (patients whose PSA was not rising have none and count as missing).',
    },
  ];
  if (absent.length > 0 && baseline.n > 0) {
    blocks.push({
      kind: 'callout',
      tone: 'note',
      text: `Not recorded for any patient: ${absent.join('; ')}. The cohort can carry them (docs/data-model.md); without them Table 1 and the exploratory predictors are incomplete.`,
    });
  }
  return blocks;
}

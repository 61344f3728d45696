import {
  PSA_DOUBLING_TIME_LEFT_OUT,
  type PsaDoublingTimeChangeCategory,
} from '../../psa/psa-doubling-time-change.js';
import type { DoublingTimeSummary } from '../../psa/psa-doubling-time-comparison.js';
import type { TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';
import { fixed, plural } from '../format.js';

/** Each category of `psaDoublingTimeChange` in words. */
export const CATEGORY_LABELS: Readonly<Record<PsaDoublingTimeChangeCategory, string>> = {
  slowed: 'Slowed (longer doubling time)',
  accelerated: 'Accelerated (shorter or equal doubling time)',
  'no-post-rise': 'Not rising after sLND',
  'rising-below-threshold': 'Rising, but still below 0.2 ng/mL (no doubling time yet)',
  'too-few-values': 'Too few PSA values after sLND to tell',
  'not-evaluable': 'Not evaluable: no pre-sLND doubling time',
};

/** ln 2 / slope in months, or `not rising` for a slope <= 0 (or one too small to invert). */
const doublingTime = (slope: number) => {
  const months = Math.LN2 / slope;
  return slope > 0 && Number.isFinite(months) ? fixed(months, 1) : 'not rising';
};

const dt = (s: DoublingTimeSummary) =>
  `${fixed(s.median, 1)} (${fixed(s.q1, 1)} to ${fixed(s.q3, 1)})`;

/**
 * The change in PSA doubling time: categories, median (IQR) doubling times before and after,
 * and the paired Wilcoxon test with its n and who is left out of it and why, in one line.
 */
export function psaDoublingTimeBlocks(report: TrialReport): Block[] {
  const d = report.psaDoublingTime;
  const leftOut = new Map<PsaDoublingTimeChangeCategory, number>();
  for (const e of d.excluded) leftOut.set(e.category, (leftOut.get(e.category) ?? 0) + 1);
  const leftOutText = [...leftOut]
    .map(([category, count]) => `${count} ${PSA_DOUBLING_TIME_LEFT_OUT[category]}`)
    .join(', ');
  const test =
    d.wilcoxon === null
      ? 'no test (no patient has both slopes)'
      : `${d.wilcoxon.method}: V = ${d.wilcoxon.statistic}, p = ${fixed(d.wilcoxon.pValue, 4)}`;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'PSA doubling time before and after sLND' },
    {
      kind: 'table',
      header: ['PSA doubling time, months', 'Patients with a rising PSA', 'Median (IQR)'],
      numeric: [1],
      rows: [
        ['Before sLND (12 months up to surgery)', String(d.summary.pre.n), dt(d.summary.pre)],
        [
          'After sLND (from the nadir, up to 2 years)',
          String(d.summary.post.n),
          dt(d.summary.post),
        ],
      ],
    },
    {
      kind: 'table',
      header: ['Kinetics after sLND', 'Patients'],
      numeric: [1],
      rows: Object.entries(d.categories).map(([category, count]) => [
        CATEGORY_LABELS[category as PsaDoublingTimeChangeCategory],
        String(count),
      ]),
    },
    {
      kind: 'paragraph',
      text:
        `Paired comparison of the log-slopes (per month) on the ${plural(d.n, 'patient')} with both a ` +
        `pre- and a post-sLND slope` +
        (leftOutText === '' ? '' : `; left out: ${leftOutText}`) +
        `. Median change post - pre ${fixed(d.medianChange, 4)} (IQR ${fixed(d.iqr?.[0] ?? null, 4)} ` +
        `to ${fixed(d.iqr?.[1] ?? null, 4)}); ${test}.`,
    },
  ];
  if (d.pairs.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['Patient', 'PSADT before, months', 'PSADT after, months', 'Change in log-slope'],
      numeric: [1, 2, 3],
      rows: d.pairs.map((p) => [
        p.patientId,
        doublingTime(p.preSlopePerMonth),
        doublingTime(p.postSlopePerMonth),
        fixed(p.change, 4),
      ]),
    });
  }
  return blocks;
}

import type { PsaSeries } from './read-psa-trajectories.js';

// Internal: what psaTrajectoriesPlot needs to know of all the series before drawing: the span
// of months and PSA values, and how many values and ADT starts of each kind there are. Found
// by loops, never Math.min(...values): a spread overflows the stack from about 120,000 values
// (issue 11 item 6).

/** The extent and counts of the series. */
export interface PsaTrajectoryExtent {
  /** Months drawn, including 0 (the sLND) and every ADT start of a drawn patient. */
  readonly minMonths: number;
  readonly maxMonths: number;
  /** Smallest and largest positive PSA, the reference lines included. */
  readonly minPositive: number;
  readonly maxValue: number;
  /** Values of 0 (drawn at the axis floor). */
  readonly zeros: number;
  /** Positive values flagged undetectable (drawn at their detection limit). */
  readonly atLimit: number;
  readonly values: number;
  /** Patients with values (drawn), and those of them with an ADT start. */
  readonly drawn: number;
  readonly adtCount: number;
}

/** Scans the series once; `referenceLines` widen the PSA span so that every line is drawn. */
export function psaTrajectoryExtent(
  list: readonly PsaSeries[],
  referenceLines: readonly number[],
): PsaTrajectoryExtent {
  let minMonths = 0;
  let maxMonths = 0;
  let minPositive = Number.POSITIVE_INFINITY;
  let maxValue = 0;
  for (const r of referenceLines) {
    minPositive = Math.min(minPositive, r);
    maxValue = Math.max(maxValue, r);
  }
  let zeros = 0;
  let atLimit = 0;
  let values = 0;
  let drawn = 0;
  let adtCount = 0;
  for (const p of list) {
    if (p.points.length === 0) continue;
    drawn += 1;
    for (const pt of p.points) {
      values += 1;
      minMonths = Math.min(minMonths, pt.months);
      maxMonths = Math.max(maxMonths, pt.months);
      if (pt.value === 0) zeros += 1;
      else {
        minPositive = Math.min(minPositive, pt.value);
        maxValue = Math.max(maxValue, pt.value);
        if (pt.undetectable) atLimit += 1;
      }
    }
    if (p.adtStartMonths !== null) {
      adtCount += 1;
      minMonths = Math.min(minMonths, p.adtStartMonths);
      maxMonths = Math.max(maxMonths, p.adtStartMonths);
    }
  }
  // No positive value and no reference line: the axis is drawn around 1 ng/mL.
  if (minPositive === Number.POSITIVE_INFINITY) minPositive = maxValue = 1;
  return { minMonths, maxMonths, minPositive, maxValue, zeros, atLimit, values, drawn, adtCount };
}

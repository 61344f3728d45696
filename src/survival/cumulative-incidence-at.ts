import { assertObject, assertOpenUnitInterval } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { zValue } from '../stats/z-value.js';
import { readTimes } from './_internal/read-times.js';
import type { CumulativeIncidence } from './cumulative-incidence.js';

/** Options of {@link cumulativeIncidenceAt}. */
export interface CumulativeIncidenceAtOptions {
  /** Two-sided confidence level of the intervals, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/** One cause's cumulative incidence read at one time. */
export interface CumulativeIncidenceAtRow {
  readonly time: number;
  readonly cause: number;
  /**
   * F(t): the estimate at the last distinct time <= t (0 before the first); null beyond the
   * last time, where cmprsk's `timepoints` gives NA.
   */
  readonly estimate: number | null;
  /** sqrt of cmprsk's variance at the same time; null with the estimate. */
  readonly stdErr: number | null;
  /** Interval limits on the log(-log) scale; null when F is 0 or 1 or null (no interval). */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The cumulative incidence of each cause at chosen times, with confidence intervals: the values
 * of R's `cmprsk::timepoints(cuminc(time, status), times)` (the estimate and variance at the
 * last distinct time <= t, 0 before the first; times beyond the last one have none, NA in R), and
 * the interval of
 * Pintilie (Competing Risks: A Practical Perspective, 2006), as `tidycmprsk::cuminc` computes
 * it: F^exp(+-z se / (F log F)), i.e. a normal interval for log(-log F) mapped back, so the
 * limits stay inside (0, 1).
 *
 * @param fit - a result of `cumulativeIncidence`.
 * @param times - a time or times, each finite and >= 0.
 * @param options - `confLevel` (default 0.95).
 * @returns one row per cause and time: causes ascending, then times ascending.
 * @throws {TypeError} when `fit` is not a `cumulativeIncidence` result or `times` not numbers.
 * @throws {RangeError} for a negative or non-finite time, or a `confLevel` outside (0, 1).
 * @example
 * const fit = cumulativeIncidence([
 *   { time: 1, status: 1 }, { time: 2, status: 2 }, { time: 3, status: 0 }, { time: 4, status: 1 },
 * ]);
 * cumulativeIncidenceAt(fit, [2.5])[0]; // => { time: 2.5, cause: 1, estimate: 0.25, ... }
 */
export function cumulativeIncidenceAt(
  fit: CumulativeIncidence,
  times: number | readonly number[],
  options: CumulativeIncidenceAtOptions = {},
): CumulativeIncidenceAtRow[] {
  assertObject('fit', fit);
  assertObject('options', options);
  const { confLevel = 0.95 } = options;
  assertOpenUnitInterval('options.confLevel', confLevel);
  if (!Array.isArray(fit.time) || !Array.isArray(fit.causes)) {
    throw new TypeError(
      `fit must be a result of cumulativeIncidence ({ causes, time, estimate, variance }). Value: ${describeValue(fit)}.`,
    );
  }
  const ts = [...readTimes('times', times)].sort((a, b) => a - b);
  const z = zValue(confLevel);
  const rows: CumulativeIncidenceAtRow[] = [];
  for (const cause of fit.causes) {
    const estimates = fit.estimate[cause] ?? [];
    const variances = fit.variance[cause] ?? [];
    let j = -1;
    for (const t of ts) {
      while (j + 1 < fit.time.length && fit.time[j + 1]! <= t) j++;
      if (fit.time.length === 0 || t > fit.time[fit.time.length - 1]!) {
        rows.push({ time: t, cause, estimate: null, stdErr: null, lower: null, upper: null });
        continue;
      }
      const estimate = j < 0 ? 0 : estimates[j]!;
      const stdErr = j < 0 ? 0 : Math.sqrt(Math.max(0, variances[j]!));
      rows.push({ time: t, cause, estimate, stdErr, ...logLogLimits(estimate, stdErr, z) });
    }
  }
  return rows;
}

/** F^exp(+-z se / (F log F)): the limits of a normal interval for log(-log F). */
function logLogLimits(
  estimate: number,
  stdErr: number,
  z: number,
): { lower: number | null; upper: number | null } {
  if (!(estimate > 0 && estimate < 1)) return { lower: null, upper: null };
  const spread = (z * stdErr) / (estimate * Math.abs(Math.log(estimate)));
  return { lower: estimate ** Math.exp(spread), upper: estimate ** Math.exp(-spread) };
}

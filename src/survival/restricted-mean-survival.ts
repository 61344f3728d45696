import { assertNonNegative, assertObject } from '../_lib/assert.js';
import type { KaplanMeierFit } from './kaplan-meier.js';

/** Restricted mean survival time up to `tau` with its standard error. */
export interface RestrictedMean {
  readonly tau: number;
  readonly estimate: number;
  readonly stdErr: number;
}

/**
 * The restricted mean survival time, the area under the Kaplan-Meier curve from 0 to `tau`,
 * with its standard error, as R's `print(fit, rmean = tau)` (survival:::survmean).
 *
 * With curve times t_1 < ... < t_m <= tau, t_0 = 0 and t_{m+1} = tau, the rectangles are
 * r_j = (t_j - t_{j-1}) S(t_{j-1}) for j = 1..m+1, and
 * - estimate = sum_j r_j
 * - var = sum_{j=1..m} h_j (sum_{i > j} r_i)^2 with h_j = d_j / (n_j (n_j - d_j)) (0 when
 *   n_j = d_j or d_j = 0): the area beyond t_j squared, weighted by its Greenwood term.
 * R stops with an error when tau is below the first curve time; here the answer is then the
 * plain area tau (S = 1 throughout) with standard error 0.
 *
 * @param fit A fit from {@link kaplanMeier}.
 * @param tau The truncation time, finite and >= 0.
 * @returns `{ tau, estimate, stdErr }` in the fit's time unit.
 * @throws {TypeError} when `fit` is not an object or `tau` not a number.
 * @throws {RangeError} when `tau` is negative or not finite.
 * @example
 * const fit = kaplanMeier({ time: [2, 4, 6], event: [1, 0, 1] });
 * restrictedMeanSurvival(fit, 5).estimate; // => 4 (2 + 2 * 2/3 + 1 * 2/3, up to rounding)
 */
export function restrictedMeanSurvival(fit: KaplanMeierFit, tau: number): RestrictedMean {
  assertObject('fit', fit);
  assertNonNegative('tau', tau);
  const m = fit.time.length;
  let kept = 0;
  while (kept < m && fit.time[kept]! <= tau) kept++;
  const rect = new Float64Array(kept + 1);
  let prevT = 0;
  let prevS = 1;
  let estimate = 0;
  for (let j = 0; j < kept; j++) {
    rect[j] = (fit.time[j]! - prevT) * prevS;
    estimate += rect[j]!;
    prevT = fit.time[j]!;
    prevS = fit.survival[j]!;
  }
  rect[kept] = (tau - prevT) * prevS;
  estimate += rect[kept]!;
  const variance = greenwoodSum(fit, rect, kept, 1);
  // Areas beyond 1e154 (times near the largest doubles) square to Infinity: the sum is then
  // taken of the areas in units of tau (each at most 1) and scaled back, so the standard
  // error stays finite (R reports Inf). Ordinary data never reach this.
  const stdErr = Number.isFinite(variance)
    ? Math.sqrt(variance)
    : tau * Math.sqrt(greenwoodSum(fit, rect, kept, tau));
  return { tau, estimate, stdErr };
}

/**
 * sum_j h_j (sum_{i > j} r_i / scale)^2, over j from the last kept time backwards, as R
 * accumulates cumsum(rev(rectangles)).
 */
function greenwoodSum(
  fit: KaplanMeierFit,
  rect: Float64Array,
  kept: number,
  scale: number,
): number {
  let beyond = 0;
  let variance = 0;
  for (let j = kept - 1; j >= 0; j--) {
    beyond += rect[j + 1]! / scale;
    const n = fit.nRisk[j]!;
    const d = fit.nEvent[j]!;
    const h = n - d === 0 ? 0 : d / (n * (n - d));
    variance += beyond * beyond * h;
  }
  return variance;
}

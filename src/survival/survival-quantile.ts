import { assertFiniteNumber, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import type { Estimate } from '../stats/estimate.js';
import { findQuantile, QUANTILE_TOLERANCE } from './_internal/find-quantile.js';
import type { KaplanMeierFit } from './kaplan-meier.js';

/**
 * The p-quantile of the survival time (p = 0.5: the median) with its confidence interval, as
 * R's `quantile(fit, p)` (survival's `quantile.survfit`).
 *
 * The estimate is the smallest time t with S(t) <= 1 - p, with R's midpoint rule: where the
 * curve is flat at 1 - p (within tol = sqrt(machine epsilon)) from t_a up to the next drop at
 * t_b, the estimate is (t_a + t_b) / 2 (so the median of `Surv(1:10)` is 5.5); where it stays
 * flat at 1 - p to the end, the midpoint of t_a and the last time. The lower limit is the same
 * rule applied to the lower band, the upper limit to the upper band (Brookmeyer & Crowley,
 * Biometrics 1982). A curve (or band) that never falls to 1 - p gives null.
 *
 * @param fit A fit from {@link kaplanMeier}.
 * @param p Probability in [0, 1].
 * @returns `{ estimate, lower, upper }`; the limits are null for a fit with `confType: 'none'`.
 * @throws {TypeError} when `fit` is not an object or `p` not a number.
 * @throws {RangeError} when `p` is outside [0, 1].
 * @example
 * const fit = kaplanMeier({ time: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], event: new Uint8Array(10).fill(1) });
 * survivalQuantile(fit, 0.5); // => { estimate: 5.5, lower: 3, upper: null }
 */
export function survivalQuantile(fit: KaplanMeierFit, p: number): Estimate {
  assertObject('fit', fit);
  assertFiniteNumber('p', p);
  if (p < 0 || p > 1) throw new RangeError(`p must be in [0, 1]. Value: ${describeValue(p)}.`);
  const m = fit.time.length;
  const x = new Array<number>(m + 1);
  const ys = new Array<number>(m + 1);
  x[0] = 0;
  ys[0] = 0;
  for (let k = 0; k < m; k++) {
    x[k + 1] = fit.time[k]!;
    ys[k + 1] = 1 - fit.survival[k]!;
  }
  const estimate = findQuantile(x, ys, p, QUANTILE_TOLERANCE);
  if (fit.confType === 'none') return { estimate, lower: null, upper: null };
  const band = (curve: readonly (number | null)[]): number | null => {
    const yb = new Array<number>(m + 1);
    yb[0] = 0;
    for (let k = 0; k < m; k++) {
      const v = curve[k];
      yb[k + 1] = v === null || v === undefined ? Number.NaN : 1 - v;
    }
    return findQuantile(x, yb, p, QUANTILE_TOLERANCE);
  };
  return { estimate, lower: band(fit.lower), upper: band(fit.upper) };
}

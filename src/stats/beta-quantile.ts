import { logBeta, regularizedBeta } from './regularized-beta.js';

/** Newton and bisection steps allowed; the search converges in far fewer. */
const MAX_STEPS = 2000;

/**
 * The Beta(a, b) quantile: x with I_x(a, b) = p, as R's `qbeta(p, a, b)`. Newton's method on
 * the regularised incomplete beta function, kept inside a bracket that every step narrows
 * (a step that would leave it bisects instead), started from the tail approximation
 * I_x(a, b) ~ x^a / (a B(a, b)) (or its mirror near 1); it stops when a step changes x by less
 * than 1 part in 10^15. For p above 1/2 it solves the upper tail 1 - I_x(a, b) = 1 - p, whose
 * small values are computed directly.
 *
 * Internal: callers pass p in [0, 1] and a, b > 0, finite.
 *
 * @param p - the probability.
 * @param a - the first shape parameter.
 * @param b - the second shape parameter.
 * @returns the quantile in [0, 1].
 * @example betaQuantile(0.025, 3, 28); // => 0.0211171370297226 (qbeta(0.025, 3, 28))
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const lb = logBeta(a, b);
  /** The distance from the target, increasing in x. */
  const miss = (x: number): number =>
    upper ? target - regularizedBeta(x, a, b, true) : regularizedBeta(x, a, b) - target;
  const density = (x: number): number =>
    Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb);

  let lo = 0;
  let hi = 1;
  const mean = a / (a + b);
  // The tail approximations, each good where the quantile is near its end.
  const nearZero = Math.exp((Math.log(p) + Math.log(a) + lb) / a);
  const nearOne = 1 - Math.exp((Math.log1p(-p) + Math.log(b) + lb) / b);
  let x = p < regularizedBeta(mean, a, b) ? Math.min(nearZero, mean) : Math.max(nearOne, mean);
  if (!(x > 0 && x < 1)) x = mean;
  for (let step = 0; step < MAX_STEPS; step++) {
    const m = miss(x);
    if (m === 0) return x;
    if (m > 0) hi = x;
    else lo = x;
    const f = density(x);
    let next = f > 0 && Number.isFinite(f) ? x - m / f : Number.NaN;
    if (!(next > lo && next < hi)) next = lo === 0 ? hi / 2 ** 8 : (lo + hi) / 2;
    if (lo === 0 && next >= hi) next = hi / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, next) || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}

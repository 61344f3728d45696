import { normalQuantile } from './normal-quantile.js';

// Internal: the one two-sided normal critical value of the package, used by the binomial
// intervals and the survival curves' pointwise limits. Not exported from the package: the
// public functions validate the confidence level before calling it.

/**
 * The two-sided normal critical value z = qnorm(1 - (1 - confLevel) / 2), the z of R's
 * `survfit_confint`, `prop.test` and `binom::binom.confint`.
 *
 * It is computed as -qnorm(tail) with tail = (1 - confLevel) / 2, the normal quantile of the
 * tail itself: 1 - confLevel is exact for a level >= 0.5 (and accurate below), while R's
 * qnorm(1 - tail) rounds 1 - tail first, so for a confLevel of 0.9999999999999999 it is
 * qnorm(1), infinite, and the limits built on it NaN or degenerate (issue 11 item 13). For the
 * usual levels the two agree to the last bits (0.95, 0.99, 0.8: identical; 0.9: 7e-16
 * relative), far inside every fixture tolerance.
 *
 * @param confLevel - two-sided confidence level in (0, 1) (not checked).
 * @returns z > 0 for confLevel in (0, 1), finite for every such double.
 * @example zValue(0.95); // => 1.9599639845400536
 */
export function zValue(confLevel: number): number {
  return -normalQuantile((1 - confLevel) / 2, 0, 1);
}

import { upperIncompleteGamma } from './upper-incomplete-gamma.js';

/**
 * P(X > x) for X ~ chi-square(df), as R's `pchisq(x, df, lower.tail = FALSE)`: the regularised
 * upper incomplete gamma function Q(df / 2, x / 2), from `upperIncompleteGamma` (computed as
 * the upper tail directly, so small p-values keep their relative accuracy).
 *
 * Internal: callers pass x and df finite. df = 0 is the point mass at 0 (R gives 1 at x = 0).
 *
 * @example chiSquareUpperTail(3.841458820694124, 1); // => 0.05
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (df <= 0 || x <= 0) return x <= 0 ? 1 : 0;
  return upperIncompleteGamma(df / 2, x / 2);
}

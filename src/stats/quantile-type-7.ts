/**
 * The sample quantile of R's default `quantile(x, p, type = 7)` (Hyndman & Fan 1996,
 * definition 7): with the values sorted as x[1] <= ... <= x[m], index = 1 + (m - 1) p,
 * lo = floor(index), h = index - lo, Q(p) = (1 - h) x[lo] + h x[lo + 1]; computed as R's
 * `quantile.default` does (x[lo] itself when h = 0 or x[lo + 1] = x[lo]).
 *
 * Internal, shared by the CCI median and IQR of `complicationSummary` and the PSA slope
 * comparison: callers pass finite numbers and a probability in [0, 1]. The input is not mutated.
 *
 * @param values - finite numbers, in any order
 * @param p - probability in [0, 1]
 * @returns the quantile, or null (R's NA) when `values` is empty
 * @example quantileType7([0, 0, 8.66, 20.92], 0.5); // => 4.33
 */
export function quantileType7(values: readonly number[], p: number): number | null {
  const m = values.length;
  if (m === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = 1 + (m - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const atLo = sorted[lo - 1]!;
  const atHi = sorted[hi - 1]!;
  if (!(index > lo) || atHi === atLo) return atLo;
  const h = index - lo;
  return (1 - h) * atLo + h * atHi;
}

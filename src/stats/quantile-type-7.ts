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
  return quantilesType7(values, [p])[0]!;
}

/**
 * {@link quantileType7} at several probabilities, sorting the values once (a typed array's
 * numeric sort: the report takes quartiles of 10^5 values).
 *
 * @example quantilesType7([4, 1, 3, 2], [0.25, 0.5, 0.75]); // => [1.75, 2.5, 3.25]
 */
export function quantilesType7(
  values: readonly number[],
  ps: readonly number[],
): (number | null)[] {
  const m = values.length;
  if (m === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const index = 1 + (m - 1) * p;
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    const atLo = sorted[lo - 1]!;
    const atHi = sorted[hi - 1]!;
    if (!(index > lo) || atHi === atLo) return atLo;
    const h = index - lo;
    return (1 - h) * atLo + h * atHi;
  });
}

/**
 * The first quartile, the median and the third quartile ({@link quantilesType7} at 0.25, 0.5
 * and 0.75), each null for no values.
 *
 * @example quartilesType7([4, 1, 3, 2]); // => { q1: 1.75, median: 2.5, q3: 3.25 }
 */
export function quartilesType7(values: readonly number[]): {
  q1: number | null;
  median: number | null;
  q3: number | null;
} {
  const [q1 = null, median = null, q3 = null] = quantilesType7(values, [0.25, 0.5, 0.75]);
  return { q1, median, q3 };
}

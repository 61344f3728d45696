/** R's fuzz in `quantile.default` for types 1-3: 4 * .Machine$double.eps. */
const FUZZ = 4 * Number.EPSILON;

/**
 * Sample quantiles as R's `quantile(x, p, type = 2)` (Hyndman & Fan 1996, definition 2: the
 * inverse of the empirical distribution function, averaging at its jumps), the quartiles
 * `gtsummary::tbl_summary` reports. With the values sorted as x[1] <= ... <= x[m], np = m p,
 * j = floor(np + fuzz) and fuzz = 4 eps as R: Q(p) = x[j + 1] when np > j + fuzz, else
 * (x[j] + x[j + 1]) / 2, with x[0] = x[1] and x[m + 1] = x[m]. At p = 0.5 it is the median.
 *
 * Internal, for the report's baseline table: callers pass finite numbers and probabilities in
 * [0, 1]. The input is not mutated.
 *
 * @param values - finite numbers, in any order
 * @param ps - probabilities in [0, 1]
 * @returns one quantile per probability, null (R's NA) for each when `values` is empty
 * @example quantilesType2([1, 2, 3, 4], [0.25, 0.5, 0.75]); // => [1.5, 2.5, 3.5]
 */
export function quantilesType2(
  values: readonly number[],
  ps: readonly number[],
): (number | null)[] {
  const m = values.length;
  if (m === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  // x(k) for k in 0..m+1, padded as R pads: x(0) = x(1), x(m + 1) = x(m).
  const x = (k: number) => sorted[Math.min(Math.max(k, 1), m) - 1]!;
  return ps.map((p) => {
    const np = m * p;
    const j = Math.floor(np + FUZZ);
    if (np > j + FUZZ) return x(j + 1);
    const [a, b] = [x(j), x(j + 1)];
    return a === b ? a : (a + b) / 2;
  });
}

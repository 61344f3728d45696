import { assertArray, assertFiniteNumber } from '../_lib/assert.js';
import { normalCdf } from './normal-cdf.js';

/** Result of {@link wilcoxonSignedRank}, shaped like R's `htest`. */
export interface WilcoxonSignedRankResult {
  /** V: the sum of the ranks of |d| over the positive differences d. */
  readonly statistic: number;
  /** Two-sided p-value; null when every difference is zero (R: NaN, "cannot compute"). */
  readonly pValue: number | null;
  /** R's method string, e.g. "Wilcoxon signed rank exact test". */
  readonly method: string;
  /** Non-zero differences that entered the test. */
  readonly n: number;
  /** Differences equal to zero, dropped before ranking as R does (and said here). */
  readonly zeroes: number;
  /** Whether |d| had ties (then, as with zeroes, the normal approximation is used). */
  readonly ties: boolean;
}

/**
 * The paired two-sided Wilcoxon signed-rank test, as R's
 * `wilcox.test(x, y, paired = TRUE)` with its defaults (`exact = NULL`, `correct = TRUE`).
 *
 * d = x - y; zero differences are dropped; the |d| are ranked (mid-ranks for ties) and
 * V = sum of ranks of positive d. When n < 50 with no ties and no zeroes the p-value is exact,
 * from the null distribution of V (the number of subsets of 1..n with each sum, / 2^n), as R's
 * `psignrank`: p = min(1, 2 P(V' <= V)) or min(1, 2 P(V' >= V)) for V above n(n+1)/4.
 * Otherwise z = (V - n(n+1)/4 - sign * 0.5) / sqrt(n(n+1)(2n+1)/24 - sum(t^3 - t)/48), with
 * t the tie group sizes, and p = 2 min(Phi(z), 1 - Phi(z)).
 *
 * When every difference is zero (n = 0 after dropping them), V = 0 and the p-value is null:
 * R returns V = 0 with p = NaN (its normal approximation divides 0 by a standard deviation of
 * 0) and warns that it cannot compute the p-value with zeroes.
 *
 * @param x - first values (e.g. post-sLND log-slopes).
 * @param y - paired second values (e.g. pre-sLND log-slopes), same length.
 * @returns V, the two-sided p-value (null when every difference is zero) and the method; null
 *   only for empty input (R stops with "not enough (non-missing) 'x' observations").
 * @throws {TypeError} when x or y is not an array of numbers.
 * @throws {RangeError} when lengths differ or a value is not finite (naming the index).
 * @example
 * wilcoxonSignedRank([1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3],
 *   [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]);
 * // => { statistic: 40, pValue: 0.0390625, method: 'Wilcoxon signed rank exact test', ... }
 */
export function wilcoxonSignedRank(
  x: readonly number[],
  y: readonly number[],
): WilcoxonSignedRankResult | null {
  assertArray('x', x);
  assertArray('y', y);
  if (x.length !== y.length) {
    throw new RangeError(`x and y must have the same length. Value: ${x.length} and ${y.length}.`);
  }
  const d: number[] = [];
  let zeroes = 0;
  for (let i = 0; i < x.length; i++) {
    assertFiniteNumber(`x[${i}]`, x[i]);
    assertFiniteNumber(`y[${i}]`, y[i]);
    const diff = (x[i] as number) - (y[i] as number);
    if (diff === 0) zeroes++;
    else d.push(diff);
  }
  const n = d.length;
  if (x.length === 0) return null;
  if (n === 0) {
    // Every difference is zero: R's normal approximation gives V = 0 and p = 0 / 0 = NaN.
    return {
      statistic: 0,
      pValue: null,
      method: 'Wilcoxon signed rank test with continuity correction',
      n,
      zeroes,
      ties: false,
    };
  }

  const { ranks, tieSizes } = midRanks(d.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if ((d[i] as number) > 0) statistic += ranks[i] as number;
  const ties = tieSizes.some((t) => t > 1);

  if (n < 50 && !ties && zeroes === 0) {
    const p =
      statistic > (n * (n + 1)) / 4
        ? signedRankCdf(statistic - 1, n, false)
        : signedRankCdf(statistic, n, true);
    return {
      statistic,
      pValue: Math.min(2 * p, 1),
      method: 'Wilcoxon signed rank exact test',
      n,
      zeroes,
      ties,
    };
  }
  let tieTerm = 0;
  for (const t of tieSizes) tieTerm += t * t * t - t;
  const centred = statistic - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return {
    statistic,
    pValue: 2 * Math.min(normalCdf(z, 0, 1), normalCdf(-z, 0, 1)),
    method: 'Wilcoxon signed rank test with continuity correction',
    n,
    zeroes,
    ties,
  };
}

/** Mid-ranks (ties get the mean of their ranks, as R's `rank`) and the tie-group sizes. */
function midRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length).fill(0);
  const tieSizes: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number])
      end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/**
 * P(V <= q) (lower) or P(V > q) (upper) for the signed-rank statistic of n, as R's
 * `psignrank`: the counts of subsets of {1..n} by sum, summed from the nearer tail.
 */
function signedRankCdf(q: number, n: number, lower: boolean): number {
  const max = (n * (n + 1)) / 2;
  let x = Math.floor(q + 1e-7);
  if (x < 0) return lower ? 0 : 1;
  if (x >= max) return lower ? 1 : 0;
  const counts = subsetSumCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  let tailIsLower = lower;
  if (x <= (n * (n + 1)) / 4) {
    for (let i = 0; i <= x; i++) p += (counts[i] as number) * f;
  } else {
    x = max - x;
    for (let i = 0; i < x; i++) p += (counts[i] as number) * f;
    tailIsLower = !lower;
  }
  return tailIsLower ? p : 1 - p;
}

/** counts[s] = number of subsets of {1, ..., n} whose elements sum to s. */
function subsetSumCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = Math.min(max, (k * (k + 1)) / 2); s >= k; s--) {
      counts[s] = (counts[s] as number) + (counts[s - k] as number);
    }
  }
  return counts;
}

import { mean, sampleCorrelation, sampleCovariance, sampleVariance } from 'simple-statistics';

/** An ordinary least-squares line y = intercept + slope * x. */
export interface LeastSquaresFit {
  readonly slope: number;
  readonly intercept: number;
  /** Coefficient of determination; null when y is constant (R's summary.lm gives NaN). */
  readonly rSquared: number | null;
}

/**
 * Ordinary least squares of `y` on `x`, as R's `lm(y ~ x)`: slope = Sxy / Sxx with centred
 * sums (simple-statistics' two-pass sample covariance and variance, which avoid the
 * cancellation of the one-pass textbook formula), R^2 = r^2.
 *
 * Internal: callers check their arguments (finite, same length) before calling.
 *
 * @returns the fit, or null when x has no spread (fewer than 2 points or all x equal).
 * @example leastSquares([0, 1, 2], [1, 3, 5]); // => { slope: 2, intercept: 1, rSquared: 1 }
 */
export function leastSquares(x: readonly number[], y: readonly number[]): LeastSquaresFit | null {
  if (x.length < 2) return null;
  const sxx = sampleVariance(x as number[]);
  if (!(sxx > 0)) return null;
  // A constant y is a slope of exactly 0 with no R^2 (R: NaN). Tested directly, not through the
  // sums: mean(y) of equal values can round off them (6 x ln 5.3), and the centred sums would
  // turn that into a slope of +-1e-32, e.g. a "rising" constant PSA with a doubling time of
  // 1e31 months.
  const y0 = y[0]!;
  if (y.every((v) => v === y0)) return { slope: 0, intercept: y0, rSquared: null };
  const slope = sampleCovariance(x as number[], y as number[]) / sxx;
  const intercept = mean(y as number[]) - slope * mean(x as number[]);
  const syy = sampleVariance(y as number[]);
  const r = syy > 0 ? sampleCorrelation(x as number[], y as number[]) : null;
  return { slope, intercept, rSquared: r === null ? null : r * r };
}

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
 * A slope within rounding of zero relative to the data's scale, |slope| <= 4 n eps
 * sum (|x_i| + |mean x|)(|y_i| + |mean y|) / sum (x_i - mean x)^2 (eps = 2^-52), is returned as
 * exactly 0 with R^2 = 0 and intercept mean(y): a true slope of 0 (a symmetric series) computes
 * to +-1e-17 or so, in R's `lm` too, and its sign is noise. Above that bound the slope is R's to
 * rounding.
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
  const meanY = mean(y as number[]);
  // A slope within rounding of zero is zero: its sign is noise (and so is R's).
  if (Math.abs(slope) <= slopeRoundingBound(x, y)) {
    return { slope: 0, intercept: meanY, rSquared: 0 };
  }
  const intercept = meanY - slope * mean(x as number[]);
  const syy = sampleVariance(y as number[]);
  const r = syy > 0 ? sampleCorrelation(x as number[], y as number[]) : null;
  return { slope, intercept, rSquared: r === null ? null : r * r };
}

/**
 * The largest |slope| that rounding alone can produce when the true slope is 0, on the data's
 * own scale: the centred cross-product sum(dx_i dy_i) (dx = x - mean x, dy = y - mean y) of
 * doubles carries an error of at most about n eps sum (|x_i| + |mean x|)(|y_i| + |mean y|)
 * (each centring errs by eps times the values, each product and addition by eps), so a slope
 * below 4 n eps sum (|x_i| + |mean x|)(|y_i| + |mean y|) / sum dx_i^2 cannot be told from 0.
 *
 * Example: ln PSA of 0.2, 0.7, 0.7, 0.2 at 0, 30, 60, 90 days has slope exactly 0 but computes
 * to about 1e-17 per month (R's lm likewise), which read as a positive slope would be a
 * "rising" PSA with a doubling time of 1e16 months. The bound here is about 1e-14 per month;
 * a real PSA slope is many orders of magnitude larger.
 */
function slopeRoundingBound(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let scale = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    scale += (Math.abs(x[i]!) + Math.abs(mx)) * (Math.abs(y[i]!) + Math.abs(my));
    sxx += (x[i]! - mx) ** 2;
  }
  return (4 * n * Number.EPSILON * scale) / sxx;
}

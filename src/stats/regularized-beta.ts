// biome-ignore-all lint/correctness/noPrecisionLoss: the published coefficients, digit for digit as printed

import { logGamma } from './log-gamma.js';

/** Relative size of the last continued-fraction factor at which it has converged. */
const EPS = 1e-16;
/** Far more terms than the fraction needs (about sqrt(max(a, b)) of them) for any cohort. */
const MAX_TERMS = 100_000;
const TINY = 1e-300;

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;

/**
 * ln Gamma(x) minus its Stirling approximation, (x - 1/2) ln x - x + ln(2 pi) / 2, for x >= 10:
 * the series 1/(12x) - 1/(360x^3) + ... to the term in x^-15 (error below 1e-18 there).
 */
function stirlingRemainder(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  const terms = [
    1 / 12,
    -1 / 360,
    1 / 1260,
    -1 / 1680,
    1 / 1188,
    -691 / 360360,
    1 / 156,
    -3617 / 122400,
  ];
  let sum = 0;
  for (let i = terms.length - 1; i >= 0; i--) sum = sum * inv2 + terms[i]!;
  return sum * inv;
}

/** x - ln(1 + x), accurate for small x (where the difference cancels), x > -1. */
function xMinusLog1p(x: number): number {
  if (Math.abs(x) > 0.5) return x - Math.log1p(x);
  // The series x^2/2 - x^3/3 + x^4/4 - ..., summed until its terms stop mattering.
  let term = x;
  let sum = 0;
  for (let k = 2; k < 200; k++) {
    term *= -x;
    const next = term / k;
    sum -= next;
    if (Math.abs(next) <= 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/**
 * The factor x^a (1 - x)^b / B(a, b) in front of the continued fraction, to a few units in the
 * last place where that matters: where R's `qbinom` puts p exactly on a jump of the binomial
 * distribution function, the answer depends on the last digits (see binomialQuantile).
 *
 * - a, b >= 10: written around the mode as exp(-(a u + b v)) sqrt(a b / (2 pi (a + b))) with
 *   u, v of the form t - ln(1 + t) and the Stirling remainders of the three gamma functions
 *   (the `brcomp` arrangement of DiDonato and Morris, ACM TOMS 708, 1992), so no large logarithm
 *   is exponentiated;
 * - one of them a small integer k < 10: 1 / B(k, c) = c (c + 1) ... (c + k - 1) / (k - 1)!,
 *   with the powers from Math.pow;
 * - otherwise through ln B(a, b) (non-integer small shapes: the Jeffreys interval, Bayesian
 *   priors; about 1e-13 relative, where nothing hangs on the last digits).
 */
function betaFront(x: number, y: number, a: number, b: number): number {
  if (a >= 10 && b >= 10) {
    const sum = a + b;
    const x0 = a / sum;
    const y0 = b / sum;
    // lambda = a - (a + b) x, computed from the smaller of x and y (less cancellation); where
    // t = -lambda / a or lambda / b is far from 0, t - ln(1 + t) is taken as t - ln(x / x0).
    const lambda = a > b ? sum * y - b : a - sum * x;
    const ea = -lambda / a;
    const eb = lambda / b;
    const u = Math.abs(ea) > 0.6 ? ea - Math.log(x / x0) : xMinusLog1p(ea);
    const v = Math.abs(eb) > 0.6 ? eb - Math.log(y / y0) : xMinusLog1p(eb);
    const correction = stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(sum);
    return ONE_OVER_SQRT_2PI * Math.sqrt(b * x0) * Math.exp(-(a * u + b * v) - correction);
  }
  const small = a < b ? a : b;
  const other = a < b ? b : a;
  if (small < 10 && Number.isInteger(small)) {
    let inverseBeta = 1;
    for (let i = 0; i < small; i++) inverseBeta *= (other + i) / (i === 0 ? 1 : i);
    const powers = x ** a * y ** b;
    if (powers > 1e-290 && Number.isFinite(inverseBeta)) return powers * inverseBeta;
  }
  return Math.exp(a * Math.log(x) + b * Math.log(y) - logBeta(a, b));
}

/**
 * I_x(a, b) on the side where its continued fraction converges fast (x < (a + 1) / (a + b + 2)):
 * x^a (1 - x)^b / (a B(a, b)) times the fraction 1 / (1 + d1 / (1 + d2 / (1 + ...))), evaluated
 * by the modified Lentz method (Numerical Recipes, 3rd ed., section 6.4; Lentz 1976).
 */
function betaFraction(x: number, y: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    // The even step d_{2m}, then the odd step d_{2m+1}.
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + even / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + odd / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= EPS) break;
  }
  return (betaFront(x, y, a, b) * h) / a;
}

/**
 * The regularised incomplete beta function I_x(a, b), the distribution function of the
 * Beta(a, b) distribution, as R's `pbeta(x, a, b)`; with `upper`, 1 - I_x(a, b) as
 * `pbeta(x, a, b, lower.tail = FALSE)`. The continued fraction is summed on the side of the mean
 * where it converges, for the tail it gives directly, so a small tail keeps its relative
 * accuracy (about 1e-13 for the shape parameters of a trial cohort) instead of being 1 minus a
 * number near 1.
 *
 * Internal: callers pass a, b > 0 and finite.
 *
 * @param x - the point, clamped to [0, 1].
 * @param a - the first shape parameter.
 * @param b - the second shape parameter.
 * @param upper - the upper tail P(X > x) instead of P(X <= x).
 * @returns I_x(a, b), or its complement.
 * @example regularizedBeta(0.3, 2, 5); // => 0.579825 (pbeta(0.3, 2, 5))
 */
export function regularizedBeta(x: number, a: number, b: number, upper = false): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x >= 1) return upper ? 0 : 1;
  // y = 1 - x is rounded once, here, and the mirrored fraction gets (y, x): recomputing
  // 1 - (1 - x) would move x by an ulp.
  const y = 1 - x;
  if (x < (a + 1) / (a + b + 2)) {
    const lower = betaFraction(x, y, a, b);
    return upper ? 1 - lower : lower;
  }
  const above = betaFraction(y, x, b, a);
  return upper ? above : 1 - above;
}

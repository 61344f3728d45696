import {
  assertInteger,
  assertObject,
  assertOneOf,
  assertOpenUnitInterval,
} from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { betaQuantile } from './beta-quantile.js';
import type { Estimate } from './estimate.js';
import { zValue } from './z-value.js';

/**
 * The most trials `binomialConfidenceInterval` takes: ten million, beyond any count of patients.
 * Up to it stdlib's beta quantiles agree with R's `qbeta` to 1e-10 relative (checked against R
 * at every confidence level up to 0.9999999999999999); past it they drift (1e-9 at 1e8, 1e-5 at
 * 1e12) and at 1e300 they are NaN (issue 11 item 13).
 */
const MAX_TRIALS = 10_000_000;

/** The interval methods of {@link binomialConfidenceInterval}. */
export type BinomialIntervalMethod =
  | 'clopper-pearson'
  | 'wilson'
  | 'wilson-cc'
  | 'jeffreys'
  | 'agresti-coull';

/** The interval methods, in the order the docs present them. */
export const BINOMIAL_INTERVAL_METHODS: readonly BinomialIntervalMethod[] = Object.freeze([
  'clopper-pearson',
  'wilson',
  'wilson-cc',
  'jeffreys',
  'agresti-coull',
]);

/** Options of {@link binomialConfidenceInterval}. */
export interface BinomialConfidenceIntervalOptions {
  /** Default `'clopper-pearson'` (exact). */
  readonly method?: BinomialIntervalMethod;
  /** Two-sided confidence level in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/**
 * A proportion with its two-sided confidence interval: `estimate` is x / n; all three are null
 * when n = 0 (nothing to estimate).
 */
export interface BinomialConfidenceInterval extends Estimate {
  readonly method: BinomialIntervalMethod;
  readonly confLevel: number;
}

/**
 * Two-sided confidence interval for a binomial proportion from `x` events in `n` trials, with
 * estimate x / n. With alpha = 1 - confLevel and z = qnorm(1 - alpha / 2):
 *
 * - `'clopper-pearson'` (exact; R `binom.test(x, n)$conf.int`):
 *   [qbeta(alpha/2; x, n - x + 1), qbeta(1 - alpha/2; x + 1, n - x)], lower 0 at x = 0 and
 *   upper 1 at x = n.
 * - `'wilson'` (score; R `prop.test(x, n, correct = FALSE)$conf.int`):
 *   (p + z^2/2n -/+ z sqrt(p(1 - p)/n + z^2/4n^2)) / (1 + z^2/n), p = x / n.
 * - `'wilson-cc'` (score with continuity correction; R `prop.test(x, n)$conf.int`): the same
 *   formula with p replaced by p -/+ c/n, c = min(0.5, |x - n/2|) (R's `YATES`, against the
 *   default null p = 0.5); a bound whose corrected p is <= 0 (lower) or >= 1 (upper) is 0 or 1;
 *   the interval is clipped to [0, 1].
 * - `'jeffreys'` (equal-tailed Bayesian with the Jeffreys prior Beta(1/2, 1/2); Brown, Cai &
 *   DasGupta, Stat Sci 2001): [qbeta(alpha/2; x + 1/2, n - x + 1/2),
 *   qbeta(1 - alpha/2; x + 1/2, n - x + 1/2)], lower 0 at x = 0 and upper 1 at x = n.
 * - `'agresti-coull'` (Agresti & Coull, Am Stat 1998; R `binom::binom.confint(method =
 *   "agresti-coull")`): n~ = n + z^2, p~ = (x + z^2/2) / n~, p~ -/+ z sqrt(p~(1 - p~)/n~), not
 *   truncated (as the binom package; the lower bound can be below 0 and the upper above 1).
 *
 * Beta quantiles come from `betaQuantile` and normal quantiles from `normalQuantile` (both in
 * `src/stats`); they agree with R's `qbeta`/`qnorm` to about 1e-12 relative or better on the
 * fixture grid. z is computed as -qnorm(alpha/2) and a beta quantile at
 * 1 - alpha/2 with alpha/2 < 1e-6 as 1 - qbeta(alpha/2) with the parameters swapped, so that a
 * confidence level within an ulp of 1 (0.9999999999999999) keeps its tails instead of giving
 * NaN or 1 (R gives NaN there); the limits are always finite numbers.
 *
 * @param x - number of events, an integer with 0 <= x <= n
 * @param n - number of trials, an integer from 0 to 10,000,000 (past it the beta quantiles
 *   lose their accuracy); with n = 0 there is nothing to estimate and `estimate`, `lower` and
 *   `upper` are null (docs/api-conventions.md: empty input gives nulls)
 * @param options - `method` (default `'clopper-pearson'`) and `confLevel` (default 0.95)
 * @returns `{ estimate, lower, upper, method, confLevel }`, the first three null when n = 0
 * @throws {TypeError} when `x`, `n` or `confLevel` is not a number, or `options` not an object.
 * @throws {RangeError} when `n` is not an integer in [0, 1e7], `x` not an integer in [0, n],
 *   `confLevel` not in (0, 1), or `method` not one of the methods.
 * @example binomialConfidenceInterval(3, 30);
 * // => { estimate: 0.1, lower: 0.0211171370297226, upper: 0.265288450474208,
 * //      method: 'clopper-pearson', confLevel: 0.95 }
 * @example binomialConfidenceInterval(3, 30, { method: 'wilson' });
 * // => { estimate: 0.1, lower: 0.0345998887473342, upper: 0.256210825791841, ... }
 * @example binomialConfidenceInterval(0, 0);
 * // => { estimate: null, lower: null, upper: null, method: 'clopper-pearson', confLevel: 0.95 }
 */
export function binomialConfidenceInterval(
  x: number,
  n: number,
  options: BinomialConfidenceIntervalOptions = {},
): BinomialConfidenceInterval {
  assertInteger('n', n, 0);
  if (n > MAX_TRIALS) {
    throw new RangeError(`n must be <= ${MAX_TRIALS}. Value: ${describeValue(n)}.`);
  }
  assertInteger('x', x, 0);
  if (x > n) {
    throw new RangeError(`x must be <= n (${n}). Value: ${describeValue(x)}.`);
  }
  assertObject('options', options);
  const { method = 'clopper-pearson', confLevel = 0.95 } = options;
  assertOneOf('options.method', method, BINOMIAL_INTERVAL_METHODS);
  assertOpenUnitInterval('options.confLevel', confLevel);
  if (n === 0) return { estimate: null, lower: null, upper: null, method, confLevel };

  const estimate = x / n;
  // Each tail holds tail = (1 - confLevel) / 2, and z is the normal quantile of the tail itself,
  // -qnorm(tail) (zValue): R's qnorm(1 - tail) rounds 1 - tail first and is infinite for a
  // confLevel of 0.9999999999999999 (issue 11 item 13).
  const tail = (1 - confLevel) / 2;
  const z = zValue(confLevel);
  let lower: number;
  let upper: number;
  switch (method) {
    case 'clopper-pearson':
      // binom.test: alpha <- (1 - conf.level) / 2; qbeta(alpha, ...), qbeta(1 - alpha, ...).
      lower = x === 0 ? 0 : betaQuantile(tail, x, n - x + 1);
      upper = x === n ? 1 : upperQuantile(tail, x + 1, n - x);
      break;
    case 'wilson':
      [lower, upper] = scoreInterval(x, n, z, 0);
      break;
    case 'wilson-cc':
      // prop.test: YATES <- min(0.5, abs(x - n * p)) with the default p = 0.5, so the correction
      // vanishes when x = n / 2 exactly.
      [lower, upper] = scoreInterval(x, n, z, Math.min(0.5, Math.abs(x - n * 0.5)));
      break;
    case 'jeffreys':
      lower = x === 0 ? 0 : betaQuantile(tail, x + 0.5, n - x + 0.5);
      upper = x === n ? 1 : upperQuantile(tail, x + 0.5, n - x + 0.5);
      break;
    case 'agresti-coull': {
      // binom::binom.confint: z <- qnorm(1 - (1 - conf.level) / 2); .x <- x + 0.5 z^2;
      // .n <- n + z^2; .p <- .x / .n; .p -/+ z sqrt(.p (1 - .p) / .n).
      const z2 = z * z;
      const nTilde = n + z2;
      const pTilde = (x + 0.5 * z2) / nTilde;
      const half = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
      lower = pTilde - half;
      upper = pTilde + half;
      break;
    }
  }
  return { estimate, lower, upper, method, confLevel };
}

/**
 * The `1 - tail` quantile of Beta(a, b): R's `qbeta(1 - tail, a, b)`. While `1 - tail` keeps
 * the tail to 10 significant digits (tail >= 1e-6) it is computed so, as R; for a smaller tail,
 * by the symmetry of the beta distribution, as 1 - qbeta(tail, b, a), which does not round the
 * tail away (1 - 5.6e-17 is 1: the upper limit came out as 1).
 */
function upperQuantile(tail: number, a: number, b: number): number {
  return tail >= 1e-6 ? betaQuantile(1 - tail, a, b) : 1 - betaQuantile(tail, b, a);
}

/**
 * The one-sample score interval of R's `prop.test` with continuity correction `yates`
 * (0 for plain Wilson), transcribed from R 4.2's stats:::prop.test (k = 1, two-sided), with
 * z = qnorm((1 + conf.level) / 2) given.
 */
function scoreInterval(x: number, n: number, z: number, yates: number): [number, number] {
  const estimate = x / n;
  const z22n = (z * z) / (2 * n);
  let pc = estimate + yates / n;
  const upper =
    pc >= 1
      ? 1
      : (pc + z22n + z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  pc = estimate - yates / n;
  const lower =
    pc <= 0
      ? 0
      : (pc + z22n - z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}

import { assertObject, assertOpenUnitInterval } from '../_lib/assert.js';
import { assertRatePair } from './assert-rate-pair.js';

/** Arguments of {@link sprtBoundary}. */
export interface SprtBoundaryOptions {
  /** Acceptable event rate (H0), in (0, 1). */
  readonly acceptableRate: number;
  /** Unacceptable event rate (H1), in (acceptableRate, 1). */
  readonly unacceptableRate: number;
  /** Type I error: P(declaring the rate unacceptable | acceptableRate), in (0, 1). */
  readonly alpha: number;
  /** Type II error: P(declaring the rate acceptable | unacceptableRate), in (0, 1). */
  readonly beta: number;
}

/** Wald's SPRT as two parallel lines in the (patients n, events x) plane. */
export interface SprtBoundary {
  /** Common slope s of both lines. */
  readonly slope: number;
  /** h1: reject H0 (the rate is unacceptable, stop) once x >= h1 + s n. */
  readonly upperIntercept: number;
  /** h0 (negative): accept H0 (the rate is acceptable) once x <= h0 + s n. */
  readonly lowerIntercept: number;
  readonly acceptableRate: number;
  readonly unacceptableRate: number;
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Wald's sequential probability ratio test for a binomial rate (Wald, "Sequential tests of
 * statistical hypotheses", Ann Math Stat 1945;16:117-86), H0: p = acceptableRate against H1: p = unacceptableRate.
 *
 * Method: after n patients with x events the log likelihood ratio is
 * x g - n log((1 - acceptableRate) / (1 - unacceptableRate)) with g = log(unacceptableRate (1 - acceptableRate) / (acceptableRate (1 - unacceptableRate))); Wald's
 * approximate limits A = (1 - beta) / alpha and B = beta / (1 - alpha) give the lines
 * x = h1 + s n (reject H0) and x = h0 + s n (accept H0) with s = log((1 - acceptableRate) / (1 - unacceptableRate)) / g,
 * h1 = log(A) / g and h0 = log(B) / g. There is no dedicated R function; this is the textbook
 * formula (e.g. Jennison & Turnbull 2000, section 4; R: `log((1 - beta) / alpha) / g`).
 *
 * @param options.acceptableRate - acceptable rate, in (0, 1).
 * @param options.unacceptableRate - unacceptable rate, in (acceptableRate, 1).
 * @param options.alpha - type I error, in (0, 1).
 * @param options.beta - type II error, in (0, 1).
 * @returns the slope and the two intercepts.
 * @throws {TypeError} when an argument is not a number.
 * @throws {RangeError} when a rate or error is outside (0, 1) or acceptableRate >= unacceptableRate.
 * @example
 * sprtBoundary({ acceptableRate: 0.1, unacceptableRate: 0.3, alpha: 0.05, beta: 0.2 });
 * // => { slope: 0.186169..., upperIntercept: 2.053881..., lowerIntercept: -1.154244..., ... }
 */
export function sprtBoundary(options: SprtBoundaryOptions): SprtBoundary {
  assertObject('options', options);
  const { acceptableRate, unacceptableRate, alpha, beta } = options;
  assertRatePair(
    'options.acceptableRate',
    acceptableRate,
    'options.unacceptableRate',
    unacceptableRate,
  );
  assertOpenUnitInterval('options.alpha', alpha);
  assertOpenUnitInterval('options.beta', beta);
  const g =
    Math.log(unacceptableRate / acceptableRate) +
    Math.log((1 - acceptableRate) / (1 - unacceptableRate));
  return {
    slope: Math.log((1 - acceptableRate) / (1 - unacceptableRate)) / g,
    upperIntercept: Math.log((1 - beta) / alpha) / g,
    lowerIntercept: Math.log(beta / (1 - alpha)) / g,
    acceptableRate,
    unacceptableRate,
    alpha,
    beta,
  };
}

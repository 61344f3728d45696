import { assertObject, assertOpenUnitInterval, assertPositive } from '../_lib/assert.js';
import { regularizedBeta } from '../stats/regularized-beta.js';
import { assertLooks } from './assert-looks.js';
import { MAX_LOOK_PATIENTS } from './monitoring-limits.js';

/** Arguments of {@link bayesianToxicityBoundary}. */
export interface BayesianToxicityBoundaryOptions {
  /** The highest acceptable event rate, in (0, 1). */
  readonly maxAcceptableRate: number;
  /** Stop when P(rate > maxAcceptableRate | data) exceeds this posterior probability, in (0, 1). */
  readonly posteriorThreshold: number;
  /** Beta(a, b) prior on the event rate, a > 0 and b > 0; default Beta(1, 1) (uniform). */
  readonly prior?: { readonly a: number; readonly b: number };
  /** Cumulative patient counts at the looks, strictly increasing integers >= 1, the last at most 1,000. */
  readonly looks: readonly number[];
}

/** Result of {@link bayesianToxicityBoundary}. */
export interface BayesianToxicityBoundary {
  readonly looks: readonly number[];
  /** Smallest event count that stops at each look, or null when even all events do not. */
  readonly stopAt: readonly (number | null)[];
  /**
   * The same rule as a {@link StoppingBoundary}: `stopAt[i] - 1`, or `looks[i]` (never stop)
   * when `stopAt[i]` is null; pass it with `looks` to `boundaryOperatingCharacteristics`.
   */
  readonly maxAllowed: readonly number[];
  /** `posteriorProbability[i][x]` = P(rate > maxAcceptableRate | x events in looks[i] patients), x = 0..looks[i]. */
  readonly posteriorProbability: readonly (readonly number[])[];
  readonly maxAcceptableRate: number;
  readonly posteriorThreshold: number;
  readonly prior: { readonly a: number; readonly b: number };
}

/**
 * A Bayesian toxicity stopping boundary (Thall, Simon & Estey, "Bayesian sequential
 * monitoring designs for single-arm clinical trials with multiple outcomes", Stat Med
 * 1995;14:357-79; the same rule underlies BOIN-style safety tables).
 *
 * Method: with a Beta(a, b) prior and x events in n patients the posterior is
 * Beta(a + x, b + n - x), so P(rate > maxAcceptableRate | x, n) = 1 - I_maxAcceptableRate(a + x, b + n - x), the
 * regularised upper incomplete beta (R: `pbeta(maxAcceptableRate, a + x, b + n - x, lower.tail = FALSE)`).
 * At each look the trial stops when this probability strictly exceeds `posteriorThreshold`; as it
 * rises with x, the rule is "stop when x >= stopAt[i]".
 *
 * Exact ties: a posterior Beta(c, c) has exactly half its mass above 1/2, so with
 * maxAcceptableRate = 0.5 and a + x = b + n - x the probability is set to exactly 0.5 rather than
 * computed, where any incomplete-beta routine is off by an ulp or more in either direction
 * (R's `pbeta(0.5, 19, 19, lower.tail = FALSE)` is 0.50000000000000022). With posteriorThreshold 0.5 such
 * a tie does not stop. R's rounding decides it instead: prior (0.5, 0.5), 5 of 10 gives 0.5 in R
 * (no stop, as here) but prior (2, 8), 17 of 28 gives 0.50000000000000022 (R stops at 17, here
 * at 18). Other exact ties (integer a + x and b + n - x with a dyadic maxAcceptableRate) come out exact
 * from the finite binomial sum the incomplete beta uses for integer parameters.
 *
 * @param options.maxAcceptableRate - the highest acceptable event rate, in (0, 1).
 * @param options.posteriorThreshold - posterior probability that triggers a stop, in (0, 1).
 * @param options.prior - Beta prior `{ a, b }`, both > 0; default `{ a: 1, b: 1 }`.
 * @param options.looks - cumulative patient counts, strictly increasing integers >= 1, the
 *   last at most 1,000 (the table has one probability per event count of every look; a look
 *   after each of 1,000 patients takes under a second, docs/limits.md).
 * @returns the smallest stopping count per look (null when none), the equivalent
 *   `maxAllowed`, and the posterior probability table.
 * @throws {TypeError} when an argument has the wrong type.
 * @throws {RangeError} when maxAcceptableRate or posteriorThreshold is outside (0, 1), a prior parameter is not
 *   > 0, or looks is empty, not strictly increasing or ends above 1,000 patients.
 * @example
 * const rule = bayesianToxicityBoundary({ maxAcceptableRate: 0.3, posteriorThreshold: 0.95, looks: [3, 4, 5, 6] });
 * rule.stopAt; // => [3, 3, 4, 4]: stop after 3 events in the first 3 or 4 patients, ...
 */
export function bayesianToxicityBoundary(
  options: BayesianToxicityBoundaryOptions,
): BayesianToxicityBoundary {
  assertObject('options', options);
  const { maxAcceptableRate, posteriorThreshold, prior = { a: 1, b: 1 }, looks } = options;
  assertOpenUnitInterval('options.maxAcceptableRate', maxAcceptableRate);
  assertOpenUnitInterval('options.posteriorThreshold', posteriorThreshold);
  assertObject('options.prior', prior);
  assertPositive('options.prior.a', prior.a);
  assertPositive('options.prior.b', prior.b);
  assertLooks('options.looks', looks, 1, MAX_LOOK_PATIENTS);
  const { a, b } = prior;
  const posteriorProbability = looks.map((n) =>
    Array.from({ length: n + 1 }, (_, x) => posteriorTail(maxAcceptableRate, a + x, b + n - x)),
  );
  const stopAt = posteriorProbability.map((row) => {
    const x = row.findIndex((probability) => probability > posteriorThreshold);
    return x === -1 ? null : x;
  });
  return {
    looks: [...looks],
    stopAt,
    maxAllowed: stopAt.map((x, i) => (x === null ? looks[i]! : x - 1)),
    posteriorProbability,
    maxAcceptableRate,
    posteriorThreshold,
    prior: { a, b },
  };
}

/**
 * P(rate > maxAcceptableRate) under Beta(alpha, beta): the regularised upper incomplete beta
 * 1 - I_maxAcceptableRate(alpha, beta), exactly 1/2 when the posterior is symmetric about maxAcceptableRate = 1/2
 * (I_{1/2}(c, c) = 1/2): the tie that a posteriorThreshold of 0.5 meets, decided by the mathematics rather
 * than by the last bit of a series.
 */
function posteriorTail(maxAcceptableRate: number, alpha: number, beta: number): number {
  if (maxAcceptableRate === 0.5 && alpha === beta) return 0.5;
  return regularizedBeta(maxAcceptableRate, alpha, beta, true);
}

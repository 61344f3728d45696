import type { BinomialConfidenceInterval } from '../../src/stats/binomial-confidence-interval.js';

/** An interval of n >= 1 trials, whose parts are numbers: fails the test if any is null. */
export function defined(
  ci: BinomialConfidenceInterval,
): BinomialConfidenceInterval & { estimate: number; lower: number; upper: number } {
  const { estimate, lower, upper } = ci;
  if (estimate === null || lower === null || upper === null) {
    throw new Error(`expected a defined interval, got ${JSON.stringify(ci)}`);
  }
  return { ...ci, estimate, lower, upper };
}

import { describeValue } from '../_lib/describe-value.js';
import { bayesianToxicityBoundary } from '../monitoring/bayesian-toxicity-boundary.js';
import type { StoppingBoundary } from '../monitoring/boundary-operating-characteristics.js';
import { MAX_LOOK_PATIENTS } from '../monitoring/monitoring-limits.js';
import { toxicityBoundary } from '../monitoring/toxicity-boundary.js';

/** A safety stopping rule resolved from its text form, ready for `safetyMonitor`. */
export interface ResolvedStoppingRule extends StoppingBoundary {
  /** The text it came from without surrounding white space, e.g. `pocock:0.1,0.3,60`. */
  readonly spec: string;
  /** One sentence a reader understands, naming the method and its parameters. */
  readonly description: string;
  /** The acceptable and unacceptable rates the operating characteristics are shown at. */
  readonly rates: readonly [number, number];
}

/** The rule a report uses when none is given. */
export const DEFAULT_STOPPING_RULE = 'pocock:0.1,0.3,60';

/**
 * Reads a stopping rule written as text, as the report's `--rule` option takes it:
 *
 * - `pocock:P0,P1,N`: `toxicityBoundary({ acceptableRate: P0, unacceptableRate: P1, looks: 1..N })` (Ivanova,
 *   Qaqish & Schell 2005, Pocock-type, delta 0; clinfun's `toxbdry`), using its lower boundary;
 * - `obf:P0,P1,N`: the same with delta 0.5 (O'Brien-Fleming-type);
 * - `bayes:MAXRATE,THRESHOLD,N`: `bayesianToxicityBoundary` with a Beta(1, 1) prior (Thall,
 *   Simon & Estey 1995), looks 1..N.
 *
 * A look after every patient is what a live safety monitor does. N is at most 1,000 (the
 * limit of the exact boundaries, docs/limits.md). Surrounding white space is ignored, and the
 * rule is returned (`spec`) without it.
 *
 * @param spec - the rule, e.g. `'pocock:0.1,0.3,60'`.
 * @returns the boundary (`looks`, `maxAllowed`) with a description.
 * @throws {RangeError} when the text is not one of the forms above, N is above 1,000, or a
 *   rate is outside what the rule's function accepts, naming the value.
 * @example stoppingRuleFromSpec('bayes:0.3,0.95,40').maxAllowed[2]; // => 2
 */
export function stoppingRuleFromSpec(spec: string): ResolvedStoppingRule {
  // The rule is read, and kept in the report, without surrounding white space: the report
  // records the rule that was applied, not how it was typed.
  const text = typeof spec === 'string' ? spec.trim() : '';
  const match = /^(pocock|obf|bayes):([^,]+),([^,]+),(\d+)$/.exec(text);
  const a = Number(match?.[2]);
  const b = Number(match?.[3]);
  const n = Number(match?.[4]);
  if (match === null || !Number.isFinite(a) || !Number.isFinite(b) || !(n >= 1)) {
    throw new RangeError(
      `rule must be pocock:P0,P1,N, obf:P0,P1,N or bayes:MAXRATE,THRESHOLD,N (e.g. ${DEFAULT_STOPPING_RULE}). Value: ${describeValue(spec)}.`,
    );
  }
  // Checked before the looks 1..N are built: N = 1e11 failed with "Invalid array length", and
  // N = 20,000 ran for minutes (issue 11 item 11).
  if (n > MAX_LOOK_PATIENTS) {
    throw new RangeError(
      `rule N must be at most ${MAX_LOOK_PATIENTS} patients (a look after each; docs/limits.md). Value: ${describeValue(spec)}.`,
    );
  }
  const looks = Array.from({ length: n }, (_, i) => i + 1);
  if (match[1] === 'bayes') {
    const rule = bayesianToxicityBoundary({ maxAcceptableRate: a, posteriorThreshold: b, looks });
    return {
      spec: text,
      looks,
      maxAllowed: rule.maxAllowed,
      rates: [a / 2, a],
      description: `Bayesian stopping rule (Thall, Simon & Estey 1995): stop when P(rate > ${a} | data) > ${b} under a Beta(1, 1) prior, checked after every patient up to ${n}.`,
    };
  }
  const delta = match[1] === 'obf' ? 0.5 : 0;
  const rule = toxicityBoundary({ acceptableRate: a, unacceptableRate: b, looks, delta });
  const kind = delta === 0 ? 'Pocock-type' : "O'Brien-Fleming-type";
  return {
    spec: text,
    looks,
    maxAllowed: rule.lower.boundary,
    rates: [a, b],
    description: `${kind} repeated-significance boundary (Ivanova, Qaqish & Schell 2005; clinfun toxbdry) for an acceptable rate of ${a} and an unacceptable rate of ${b}, checked after every patient up to ${n}.`,
  };
}

import { assertArray, assertFiniteNumber, assertInteger, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { assertLooks } from './assert-looks.js';
import type { StoppingBoundary } from './boundary-operating-characteristics.js';
import type { SimonDesign } from './simon-two-stage.js';
import type { SprtBoundary } from './sprt-boundary.js';
import type { ToxicityBoundary } from './toxicity-boundary.js';

/**
 * Any rule `evaluateStoppingRule` understands: a {@link StoppingBoundary} (which a
 * `BayesianToxicityBoundary` also is), a {@link ToxicityBoundary} (its `lower` boundary is
 * used), Wald's SPRT lines, or one Simon two-stage design.
 */
export type StoppingRule =
  | StoppingBoundary
  | ToxicityBoundary
  | Pick<SprtBoundary, 'slope' | 'upperIntercept' | 'lowerIntercept'>
  | Pick<SimonDesign, 'r1' | 'n1' | 'r' | 'n'>;

/** The verdict of a stopping rule on the outcomes so far. */
export interface StoppingEvaluation {
  readonly decision: 'continue' | 'stop';
  /**
   * Which boundary was crossed: `'upper'` too many events (the rate is unacceptable), `'lower'`
   * too few (SPRT: the acceptable rate is accepted; Simon: not promising); null when none.
   */
  readonly crossed: 'upper' | 'lower' | null;
  /** 1-based number of the look at which the rule stopped (for the SPRT, the patient), else null. */
  readonly look: number | null;
  /** Patients counted: at the stopping look, else every outcome up to the last look. */
  readonly patients: number;
  /** Events among those patients. */
  readonly events: number;
  /**
   * The boundary value crossed: `maxAllowed` (events > it stop) for a boundary, h1 + s n
   * (events >= it) or h0 + s n (events <= it) for the SPRT, r1 or r (events <= it) for Simon;
   * null when nothing was crossed.
   */
  readonly boundary: number | null;
  /** Cumulative patient count of the next look when continuing, else null. */
  readonly nextLook: number | null;
  /** The last look was reached without a stop (never true for the open-ended SPRT). */
  readonly completed: boolean;
  /** Outcomes not used: those after the stopping look or beyond the last look. */
  readonly ignored: number;
}

/**
 * Applies a stopping rule to patients' outcomes in order of entry: the decision, where it was
 * taken, and the counts behind it. The rule is checked at each look it defines and the first
 * crossing decides; looks not yet reached are not checked.
 *
 * Method, by rule:
 * - `{ looks, maxAllowed }` (and `bayesianToxicityBoundary`'s result): stop at the first look
 *   i with events > maxAllowed[i] (the convention of clinfun's `toxbdry`).
 * - `toxicityBoundary`'s result: the same with its `lower` boundary (clinfun's `lo.bdry`, the
 *   more protective one); pass `{ looks, maxAllowed: tb.upper.boundary }` for the other.
 * - SPRT lines (Wald 1945): after every patient n, stop with `'upper'` when
 *   events >= h1 + s n, with `'lower'` (the acceptable rate is accepted; Wald's test ends)
 *   when events <= h0 + s n.
 * - a Simon design (Simon 1989, outcomes are responses): stop with `'lower'` at n1 when
 *   responses <= r1, and at n when responses <= r (not promising); otherwise complete.
 *
 * @param rule - one of the rules above.
 * @param outcomes - one boolean per patient in order of entry, true for an event.
 * @returns the decision with look, counts and the crossed boundary value.
 * @throws {TypeError} when `rule` is none of the rules above or an outcome is not a boolean.
 * @throws {RangeError} when the rule's looks or boundary values are malformed.
 * @example
 * const rule = { looks: [10, 20, 30, 40], maxAllowed: [3, 5, 7, 8] };
 * evaluateStoppingRule(rule, [true, false, true, true, false, false, true, false, false, false]);
 * // => { decision: 'stop', crossed: 'upper', look: 1, patients: 10, events: 4, boundary: 3, ... }
 */
export function evaluateStoppingRule(
  rule: StoppingRule,
  outcomes: readonly boolean[],
): StoppingEvaluation {
  assertObject('rule', rule);
  assertArray('outcomes', outcomes);
  outcomes.forEach((outcome, i) => {
    if (typeof outcome !== 'boolean') {
      throw new TypeError(`outcomes[${i}] must be a boolean. Value: ${describeValue(outcome)}.`);
    }
  });
  const cumulative = [0];
  for (const outcome of outcomes)
    cumulative.push(cumulative[cumulative.length - 1]! + (outcome ? 1 : 0));
  const total = outcomes.length;

  if ('slope' in rule && 'upperIntercept' in rule && 'lowerIntercept' in rule) {
    return evaluateSprtLines(rule, cumulative);
  }
  const { looks, check } = readLooks(rule);
  for (let i = 0; i < looks.length; i++) {
    const n = looks[i]!;
    if (n > total) return continuing(total, cumulative[total]!, n, false, 0);
    const events = cumulative[n]!;
    const crossing = check(i, events);
    if (crossing !== null) {
      return stopped(crossing.crossed, i + 1, n, events, crossing.boundary, total);
    }
  }
  const last = looks[looks.length - 1]!;
  return continuing(last, cumulative[last]!, null, true, total - last);
}

/** SPRT lines, checked after every patient; `cumulative[n]` is the events among the first n. */
function evaluateSprtLines(
  rule: {
    readonly slope: number;
    readonly upperIntercept: number;
    readonly lowerIntercept: number;
  },
  cumulative: readonly number[],
): StoppingEvaluation {
  assertFiniteNumber('rule.slope', rule.slope);
  assertFiniteNumber('rule.upperIntercept', rule.upperIntercept);
  assertFiniteNumber('rule.lowerIntercept', rule.lowerIntercept);
  const total = cumulative.length - 1;
  for (let n = 1; n <= total; n++) {
    const events = cumulative[n]!;
    const upper = rule.upperIntercept + rule.slope * n;
    const lower = rule.lowerIntercept + rule.slope * n;
    if (events >= upper || events <= lower) {
      return stopped(
        events >= upper ? 'upper' : 'lower',
        n,
        n,
        events,
        events >= upper ? upper : lower,
        total,
      );
    }
  }
  return continuing(total, cumulative[total]!, total + 1, false, 0);
}

/** A rule checked at looks: the looks and the check of look i's events (null: go on). */
interface LookRule {
  readonly looks: readonly number[];
  readonly check: (
    i: number,
    events: number,
  ) => { crossed: 'upper' | 'lower'; boundary: number } | null;
}

/** The looks and check of a Simon design or a boundary (plain, toxbdry or Bayesian). */
function readLooks(rule: StoppingRule): LookRule {
  if ('r1' in rule && 'n1' in rule && 'r' in rule && 'n' in rule) {
    assertInteger('rule.n1', rule.n1, 1);
    assertInteger('rule.n', rule.n, rule.n1 + 1);
    assertInteger('rule.r1', rule.r1, -1);
    assertInteger('rule.r', rule.r, -1);
    const limits = [rule.r1, rule.r];
    return {
      looks: [rule.n1, rule.n],
      check: (i, events) =>
        events <= limits[i]! ? { crossed: 'lower', boundary: limits[i]! } : null,
    };
  }
  let maxAllowed: unknown;
  if ('lower' in rule && 'upper' in rule) {
    assertObject('rule.lower', rule.lower);
    maxAllowed = rule.lower.boundary;
  } else if ('maxAllowed' in rule) {
    maxAllowed = rule.maxAllowed;
  } else {
    throw new TypeError(
      `rule must be a boundary { looks, maxAllowed }, a toxicityBoundary or bayesianToxicityBoundary result, SPRT lines { slope, upperIntercept, lowerIntercept } or a Simon design { r1, n1, r, n }. Value: ${describeValue(rule)}.`,
    );
  }
  assertLooks('rule.looks', rule.looks);
  assertArray('rule.maxAllowed', maxAllowed);
  if (maxAllowed.length !== rule.looks.length) {
    throw new RangeError(
      `rule.maxAllowed must have one entry per look (${rule.looks.length}). Value: ${describeValue(maxAllowed)}.`,
    );
  }
  maxAllowed.forEach((r, i) => {
    assertInteger(`rule.maxAllowed[${i}]`, r, -1);
  });
  const limits = maxAllowed as readonly number[];
  return {
    looks: rule.looks,
    check: (i, events) => (events > limits[i]! ? { crossed: 'upper', boundary: limits[i]! } : null),
  };
}

function stopped(
  crossed: 'upper' | 'lower',
  look: number,
  patients: number,
  events: number,
  boundary: number,
  total: number,
): StoppingEvaluation {
  return {
    decision: 'stop',
    crossed,
    look,
    patients,
    events,
    boundary,
    nextLook: null,
    completed: false,
    ignored: total - patients,
  };
}

function continuing(
  patients: number,
  events: number,
  nextLook: number | null,
  completed: boolean,
  ignored: number,
): StoppingEvaluation {
  return {
    decision: 'continue',
    crossed: null,
    look: null,
    patients,
    events,
    boundary: null,
    nextLook,
    completed,
    ignored,
  };
}

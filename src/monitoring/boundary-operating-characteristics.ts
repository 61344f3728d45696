import { assertArray, assertFiniteNumber, assertInteger, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { binomialPmf } from '../stats/binomial-pmf.js';
import { assertLooks } from './assert-looks.js';
import { MAX_LOOK_PATIENTS, MAX_RATES } from './monitoring-limits.js';

/** A stopping boundary: stop at look i when the cumulative event count exceeds `maxAllowed[i]`. */
export interface StoppingBoundary {
  /** Cumulative patient counts at the looks, n1 < n2 < ... */
  readonly looks: readonly number[];
  /** The most events allowed at each look; more than `maxAllowed[i]` events at look i stops (-1: always stops). */
  readonly maxAllowed: readonly number[];
}

/** Exact operating characteristics of a boundary over a grid of true event rates. */
export interface OperatingCharacteristics {
  /** The true event rates, as given. */
  readonly rates: readonly number[];
  /** P(the boundary is crossed at some look), per rate: clinfun's `pcross`. */
  readonly crossProbability: readonly number[];
  /** P(stopping before the last look), per rate: clinfun's `pstop`. */
  readonly earlyStopProbability: readonly number[];
  /** Expected number of patients treated (the look at which the trial stops, else the last), per rate: clinfun's `ess`. */
  readonly expectedSampleSize: readonly number[];
  /** `stopProbabilityByLook[i][j]`: P(first crossing at look i | rate rates[j]). Sums over i to `crossProbability[j]`. */
  readonly stopProbabilityByLook: readonly (readonly number[])[];
}

/** Arguments of {@link boundaryOperatingCharacteristics}. */
export interface BoundaryOperatingCharacteristicsOptions extends StoppingBoundary {
  /** True event rates at which to evaluate the boundary, each in [0, 1]. */
  readonly rates: readonly number[];
}

/**
 * Exact operating characteristics of a sequential stopping boundary for a binomial event
 * rate: the trial stops at look i (after `looks[i]` patients) when the cumulative number of
 * events exceeds `maxAllowed[i]`.
 *
 * Method: the exact recursion over the not-yet-stopped states (no simulation). With
 * d_i = n_i - n_{i-1} new patients between looks and q_i(x) = P(x events so far and no stop
 * at looks 1..i), q_0 = 1 at x = 0 and
 * - P(stop at look i) = sum_x q_{i-1}(x) P(Bin(d_i, p) > maxAllowed[i] - x),
 * - q_i(y) = sum_x q_{i-1}(x) P(Bin(d_i, p) = y - x) for y <= maxAllowed[i].
 * Then crossing = sum of the per-look stops, early stop = the sum of the stops before the last
 * look (summed directly, not as crossing minus the last look's share, which would cancel),
 * expected size = sum_i n_i P(stop at look i) + n_K (1 - crossing). This is the recursion of
 * clinfun's internal `bdrycross.prob` (R package clinfun, used by `toxbdry`; Ivanova, Qaqish &
 * Schell, Biometrics 2005), computing upper tails as sums of the small terms rather than
 * `1 - pbinom`, so tiny probabilities keep their relative accuracy.
 *
 * @param options.looks - cumulative patient counts, strictly increasing integers >= 1, the
 *   last at most 1,000 (docs/limits.md).
 * @param options.maxAllowed - one integer >= -1 per look; a value >= the look's patient count
 *   never stops there, -1 always stops there (a prior alone can call for that).
 * @param options.rates - the true event rates to evaluate, each in [0, 1]; at most 200 of them.
 * @returns the operating characteristics, arrays over `rates` (and over looks for
 *   `stopProbabilityByLook`).
 * @throws {TypeError} when an argument has the wrong type.
 * @throws {RangeError} when `looks` is empty, not strictly increasing or ends above 1,000
 *   patients, `maxAllowed` has a different length or a non-integer entry below -1, a rate is
 *   outside [0, 1], or there are more than 200 rates.
 * @example
 * const oc = boundaryOperatingCharacteristics({
 *   looks: [20, 40, 60, 75],
 *   maxAllowed: [7, 12, 17, 20],
 *   rates: [0.2, 0.35],
 * });
 * oc.crossProbability; // => [0.1013..., 0.9350...] (clinfun::toxbdry(0.2, 0.35, c(20, 40, 60, 75)))
 */
export function boundaryOperatingCharacteristics(
  options: BoundaryOperatingCharacteristicsOptions,
): OperatingCharacteristics {
  assertObject('options', options);
  const { looks, maxAllowed, rates: p } = options;
  assertLooks('options.looks', looks, 1, MAX_LOOK_PATIENTS);
  assertArray('options.maxAllowed', maxAllowed);
  if (maxAllowed.length !== looks.length) {
    throw new RangeError(
      `maxAllowed must have one entry per look (${looks.length}). Value: ${describeValue(maxAllowed)}.`,
    );
  }
  maxAllowed.forEach((r, i) => {
    assertInteger(`maxAllowed[${i}]`, r, -1);
  });
  assertArray('options.rates', p);
  if (p.length > MAX_RATES) {
    throw new RangeError(
      `options.rates must hold at most ${MAX_RATES} rates. Value: ${describeValue(p)}.`,
    );
  }
  p.forEach((rate, j) => {
    assertFiniteNumber(`options.rates[${j}]`, rate);
    if (rate < 0 || rate > 1) {
      throw new RangeError(`options.rates[${j}] must be in [0, 1]. Value: ${describeValue(rate)}.`);
    }
  });
  return computeOperatingCharacteristics(looks, maxAllowed, p);
}

/** The recursion itself, once the arguments are checked. */
function computeOperatingCharacteristics(
  looks: readonly number[],
  maxAllowed: readonly number[],
  p: readonly number[],
): OperatingCharacteristics {
  const nLooks = looks.length;
  const stopByLook: number[][] = looks.map(() => new Array<number>(p.length).fill(0));
  const crossProbability: number[] = [];
  const earlyStopProbability: number[] = [];
  const expectedSampleSize: number[] = [];
  for (let j = 0; j < p.length; j++) {
    const rate = p[j]!;
    // The binomial terms of a number of new patients, computed once per rate: a look after
    // every patient adds 1 each time (typed arrays and this cache make the largest rule allowed,
    // docs/limits.md, take seconds rather than minutes; the sums are the same).
    const terms = new Map<number, { pmf: number[]; upper: Float64Array }>();
    let current = Float64Array.of(1);
    let previousN = 0;
    let crossing = 0;
    let early = 0;
    let expected = 0;
    for (let i = 0; i < nLooks; i++) {
      const n = looks[i]!;
      const added = n - previousN;
      let term = terms.get(added);
      if (term === undefined) {
        const pmf = binomialPmf(added, rate);
        // upper[t] = P(Bin(added) > t) for t = -1..added, summed from the small end.
        const upper = new Float64Array(added + 2);
        for (let t = added - 1; t >= -1; t--) upper[t + 1] = upper[t + 2]! + pmf[t + 1]!;
        term = { pmf, upper };
        terms.set(added, term);
      }
      const { pmf, upper } = term;
      // States above the number of patients are impossible, so cap the boundary at n.
      const limit = Math.min(maxAllowed[i]!, n);
      let stop = 0;
      const next = new Float64Array(limit + 1);
      for (let x = 0; x < current.length; x++) {
        const q = current[x]!;
        if (q === 0) continue;
        const threshold = limit - x;
        stop += q * (threshold < 0 ? 1 : threshold >= added ? 0 : upper[threshold + 1]!);
        const top = Math.min(added, limit - x);
        for (let y = 0; y <= top; y++) next[x + y] = next[x + y]! + q * pmf[y]!;
      }
      stopByLook[i]![j] = stop;
      crossing += stop;
      if (i < nLooks - 1) early += stop;
      expected += n * stop;
      current = next;
      previousN = n;
    }
    crossProbability.push(crossing);
    // Summed directly over the looks before the last, not as crossing minus the last look's
    // share: that difference cancels (looks [20, 40], maxAllowed [19, 0], p 0.05: 9.5e-27 of
    // a crossing near 1 would come out as 0).
    earlyStopProbability.push(early);
    expectedSampleSize.push(expected + looks[nLooks - 1]! * (1 - crossing));
  }
  return {
    rates: [...p],
    crossProbability,
    earlyStopProbability,
    expectedSampleSize,
    stopProbabilityByLook: stopByLook,
  };
}

import {
  assertFiniteNumber,
  assertInteger,
  assertObject,
  assertOneOf,
  assertOpenUnitInterval,
} from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { binomialQuantile } from '../stats/binomial-quantile.js';
import { normalCdf } from '../stats/normal-cdf.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { assertLooks } from './assert-looks.js';
import { assertRatePair } from './assert-rate-pair.js';
import {
  boundaryOperatingCharacteristics,
  type OperatingCharacteristics,
} from './boundary-operating-characteristics.js';
import { MAX_LOOK_PATIENTS, MAX_RATES, MAX_SEARCH_STEPS } from './monitoring-limits.js';

/** Arguments of {@link toxicityBoundary} (clinfun's `toxbdry` argument in brackets). */
export interface ToxicityBoundaryOptions {
  /** Acceptable event rate (`pLo`), in (0, 1). */
  readonly acceptableRate: number;
  /** Unacceptable event rate (`pHi`), in (acceptableRate, 1). */
  readonly unacceptableRate: number;
  /** Cumulative patient counts at the looks (`n`), at least two, strictly increasing, the last at most 1,000. */
  readonly looks: readonly number[];
  /** Target P(crossing) at `acceptableRate` (`stopProbabilityAcceptable`, default 0.1), in (0, 1). */
  readonly stopProbabilityAcceptable?: number;
  /** Target P(crossing) at `unacceptableRate` (`stopProbabilityUnacceptable`, default 0.9), in (0, 1). */
  readonly stopProbabilityUnacceptable?: number;
  /** Boundary shape (`delta`): 0 Pocock-type (default), 0.5 O'Brien-Fleming-type; in [0, 0.5]. */
  readonly delta?: number;
  /** Which error the search holds to its target: `'null'` (stopProbabilityAcceptable at acceptableRate, default) or `'alt'` (stopProbabilityUnacceptable at unacceptableRate). */
  readonly priority?: 'null' | 'alt';
  /** Number of equally spaced rates from acceptableRate to unacceptableRate for the operating characteristics (`gridSize`, default 6), 2..200. */
  readonly gridSize?: number;
  /** Most refinement steps of the search beyond the first (`maxIterations`, default 10), 0..100. */
  readonly maxIterations?: number;
}

/** One of the two boundaries `toxicityBoundary` brackets the target with. */
export interface ToxicityBoundaryEdge {
  /** Stop at look i when events exceed `boundary[i]`. */
  readonly boundary: readonly number[];
  /** Exact operating characteristics of `boundary` over the grid acceptableRate..unacceptableRate. */
  readonly operatingCharacteristics: OperatingCharacteristics;
}

/** Result of {@link toxicityBoundary}. */
export interface ToxicityBoundary {
  readonly looks: readonly number[];
  /** clinfun's `lo.bdry`: the tighter boundary, whose prioritised crossing probability is at or just above its target. */
  readonly lower: ToxicityBoundaryEdge;
  /** clinfun's `hi.bdry`: the looser boundary, whose prioritised crossing probability is just below its target. */
  readonly upper: ToxicityBoundaryEdge;
  readonly delta: number;
  readonly priority: 'null' | 'alt';
  /** clinfun's warning that the largest look may be too small for the targets, else null. */
  readonly warning: string | null;
}

/**
 * The repeated-significance toxicity stopping boundary of Ivanova, Qaqish & Schell
 * ("Continuous toxicity monitoring in phase II trials in oncology", Biometrics 2005;61:540-5),
 * computed exactly as R's `clinfun::toxbdry` (clinfun 1.1.5, internal `getBoundary`).
 *
 * Method: for a nominal level a, the boundary at look i (n_i patients, information fraction
 * t_i = n_i / n_K) is b_i(a) = qbinom(1 - pnorm(qnorm(a) / t_i^delta), n_i, acceptableRate): stop when
 * events > b_i. delta = 0 gives a Pocock-type boundary (the same per-look level), 0.5 an
 * O'Brien-Fleming-type one. The level a is searched so that the exact crossing probability
 * (the recursion of {@link boundaryOperatingCharacteristics}) at acceptableRate reaches stopProbabilityAcceptable (priority
 * 'null'; at unacceptableRate and stopProbabilityUnacceptable for 'alt'): start from a0 = stopProbabilityAcceptable / K and a1 = stopProbabilityAcceptable, (for 'alt',
 * halve a0 while it still crosses more than stopProbabilityUnacceptable), multiply a1 by 1.4 until it reaches the
 * target, then bisect (interpolate once a1 - a0 <= 0.01) at most maxIterations + 1 times while the
 * two boundaries differ by more than one event in total. Because the boundary is discrete the
 * target is bracketed, not met: `lower` (clinfun's `lo.bdry`, from a1) crosses at or just above
 * the target, `upper` (`hi.bdry`, from a0) just below it.
 *
 * clinfun's quirks are followed so the boundaries agree with R's: when the 1.4-fold search
 * (or the 'alt' halving) moves a level it moves the crossing probabilities but not the
 * boundary, so a returned boundary can be the one from the initial level. The operating
 * characteristics returned here are always those of the returned boundary (recomputed), which
 * is what clinfun's `bdry.oc` shows whenever the search ends normally.
 *
 * @param options - see {@link ToxicityBoundaryOptions}.
 * @returns the looks, the `lower` and `upper` boundaries with their operating characteristics
 *   over `gridSize` rates from acceptableRate to unacceptableRate, and clinfun's small-sample warning (or null).
 * @throws {TypeError} when an argument has the wrong type.
 * @throws {RangeError} when acceptableRate or unacceptableRate is outside (0, 1), acceptableRate >= unacceptableRate, stopProbabilityAcceptable or stopProbabilityUnacceptable is
 *   outside (0, 1), delta is outside [0, 0.5], looks has fewer than two entries, does not
 *   increase or ends above 1,000 patients, gridSize is outside 2..200, maxIterations outside 0..100, or
 *   no boundary can reach the target with these looks (where R would fail with NaNs). The
 *   limits bound the work (docs/limits.md): the largest case allowed takes a few seconds.
 * @example
 * const tb = toxicityBoundary({ acceptableRate: 0.2, unacceptableRate: 0.35, looks: [20, 40, 60, 75] });
 * tb.lower.boundary; // => [7, 12, 17, 20]   (clinfun::toxbdry(0.2, 0.35, c(20, 40, 60, 75)))
 * tb.upper.boundary; // => [7, 12, 17, 21]
 */
export function toxicityBoundary(options: ToxicityBoundaryOptions): ToxicityBoundary {
  const settings = readOptions(options);
  const { acceptableRate, unacceptableRate, looks, gridSize } = settings;
  const { stopProbabilityAcceptable, stopProbabilityUnacceptable, delta, priority } = settings;
  const last = looks[looks.length - 1]!;
  const { r0, r1, oc0, oc1 } = searchBoundaries(settings);
  // R: seq(pLo, pHi, length = gridSize) is c(from, from + (1:(gridSize - 2)) * (del / n1), to).
  const step = (unacceptableRate - acceptableRate) / (gridSize - 1);
  const grid = Array.from({ length: gridSize }, (_, k) =>
    k === 0 ? acceptableRate : k === gridSize - 1 ? unacceptableRate : acceptableRate + k * step,
  );
  const onGrid = (maxAllowed: readonly number[]): OperatingCharacteristics =>
    boundaryOperatingCharacteristics({ looks, maxAllowed, rates: grid });
  const tooSmall =
    (pc0(oc1) > stopProbabilityAcceptable && pc0(oc0) > stopProbabilityAcceptable) ||
    (oc1.crossProbability[1]! < stopProbabilityUnacceptable &&
      oc0.crossProbability[1]! < stopProbabilityUnacceptable);
  return {
    looks: [...looks],
    lower: { boundary: r1, operatingCharacteristics: onGrid(r1) },
    upper: { boundary: r0, operatingCharacteristics: onGrid(r0) },
    delta,
    priority,
    warning: tooSmall
      ? `Max sample size ${last} may be small for the specified stopping probabilities`
      : null,
  };
}

/** The options of {@link toxicityBoundary} with their defaults, checked. */
function readOptions(options: ToxicityBoundaryOptions): Required<ToxicityBoundaryOptions> {
  assertObject('options', options);
  const {
    acceptableRate,
    unacceptableRate,
    looks,
    stopProbabilityAcceptable = 0.1,
    stopProbabilityUnacceptable = 0.9,
    delta = 0,
    priority = 'null',
    gridSize = 6,
    maxIterations = 10,
  } = options;
  assertRatePair(
    'options.acceptableRate',
    acceptableRate,
    'options.unacceptableRate',
    unacceptableRate,
  );
  assertLooks('options.looks', looks, 2, MAX_LOOK_PATIENTS);
  assertOpenUnitInterval('options.stopProbabilityAcceptable', stopProbabilityAcceptable);
  assertOpenUnitInterval('options.stopProbabilityUnacceptable', stopProbabilityUnacceptable);
  assertFiniteNumber('options.delta', delta);
  if (delta < 0 || delta > 0.5) {
    throw new RangeError(`options.delta must be in [0, 0.5]. Value: ${describeValue(delta)}.`);
  }
  assertOneOf('options.priority', priority, ['null', 'alt'] as const);
  assertInteger('options.gridSize', gridSize, 2);
  if (gridSize > MAX_RATES) {
    throw new RangeError(
      `options.gridSize must be <= ${MAX_RATES}. Value: ${describeValue(gridSize)}.`,
    );
  }
  assertInteger('options.maxIterations', maxIterations, 0);
  if (maxIterations > MAX_SEARCH_STEPS) {
    throw new RangeError(
      `maxIterations must be <= ${MAX_SEARCH_STEPS}. Value: ${describeValue(maxIterations)}.`,
    );
  }
  return {
    acceptableRate,
    unacceptableRate,
    looks,
    stopProbabilityAcceptable,
    stopProbabilityUnacceptable,
    delta,
    priority,
    gridSize,
    maxIterations,
  };
}

/**
 * The boundaries `upper` (r0, from the level a0) and `lower` (r1, from a1) that bracket the
 * target, with their crossing probabilities at acceptableRate and unacceptableRate (oc0, oc1).
 */
interface Bracket {
  readonly r0: number[];
  readonly r1: number[];
  readonly oc0: OperatingCharacteristics;
  readonly oc1: OperatingCharacteristics;
}

/** clinfun's search for the nominal level (see {@link toxicityBoundary}'s Method). */
function searchBoundaries(settings: Required<ToxicityBoundaryOptions>): Bracket {
  const { acceptableRate, unacceptableRate, looks, delta, priority, maxIterations } = settings;
  const { stopProbabilityAcceptable, stopProbabilityUnacceptable } = settings;
  const nLooks = looks.length;
  const last = looks[nLooks - 1]!;
  const boundaryAt = boundaryAtLevel(looks, delta, acceptableRate);
  // The search reads the crossing probabilities at acceptableRate and unacceptableRate only
  // (the ends of the grid): computed there alone, the whole grid's only for the two boundaries
  // returned. The numbers are the same (each rate's recursion is separate); the cost no longer
  // grows with gridSize.
  const crossing = (maxAllowed: readonly number[]): OperatingCharacteristics =>
    boundaryOperatingCharacteristics({
      looks,
      maxAllowed,
      rates: [acceptableRate, unacceptableRate],
    });

  const priorityNull = priority === 'null';
  const target = priorityNull ? stopProbabilityAcceptable : stopProbabilityUnacceptable;
  const at = priorityNull ? 0 : 1;
  const pc = (oc: OperatingCharacteristics): number => oc.crossProbability[at]!;

  let alpha0 = stopProbabilityAcceptable / nLooks;
  let r0 = boundaryAt(alpha0);
  let oc0 = crossing(r0);
  let alpha1 = stopProbabilityAcceptable;
  let r1 = boundaryAt(alpha1);
  let oc1 = crossing(r1);
  if (!priorityNull) {
    while (pc(oc0) > target) {
      // clinfun quirk kept: r1 is not moved along with alpha1 and its crossing probabilities.
      alpha1 = alpha0;
      oc1 = oc0;
      alpha0 *= 0.5;
      r0 = boundaryAt(alpha0);
      oc0 = crossing(r0);
    }
  }
  while (pc(oc1) < target) {
    // clinfun quirk kept: r0 is not moved along with alpha0 and its crossing probabilities.
    alpha0 = alpha1;
    oc0 = oc1;
    alpha1 *= 1.4;
    if (alpha1 >= 1) {
      // R goes on to qnorm(alpha > 1) = NaN and fails; say why instead.
      throw new RangeError(
        `looks: even stopping at the first event cannot reach a crossing probability of ${target} at ${priorityNull ? 'acceptableRate' : 'unacceptableRate'} = ${priorityNull ? acceptableRate : unacceptableRate} with at most ${last} patients. Value: ${describeValue(looks)}.`,
      );
    }
    r1 = boundaryAt(alpha1);
    oc1 = crossing(r1);
  }
  let iter = 0;
  while (sum(r0) - sum(r1) > 1 && iter <= maxIterations) {
    iter += 1;
    let alpha =
      alpha1 - alpha0 > 0.01
        ? (alpha1 + alpha0) / 2
        : alpha0 + ((alpha1 - alpha0) * (target - pc(oc0))) / (pc(oc1) - pc(oc0));
    // R would fail on a 0/0 here; the midpoint keeps the bracket instead.
    if (!Number.isFinite(alpha)) alpha = (alpha1 + alpha0) / 2;
    const r = boundaryAt(alpha);
    const oc = crossing(r);
    if (pc(oc) < target) {
      alpha0 = alpha;
      r0 = r;
      oc0 = oc;
    } else {
      alpha1 = alpha;
      r1 = r;
      oc1 = oc;
    }
  }
  return { r0, r1, oc0, oc1 };
}

/**
 * The boundary of a nominal level a: b_i(a) = qbinom(1 - pnorm(qnorm(a) / t_i^delta), n_i,
 * acceptableRate), with t_i = n_i / n_K (clinfun's getBoundary).
 */
function boundaryAtLevel(
  looks: readonly number[],
  delta: number,
  acceptableRate: number,
): (alpha: number) => number[] {
  const last = looks[looks.length - 1]!;
  const shape = looks.map((n) => (n / last) ** delta);
  return (alpha) => {
    const z = normalQuantile(alpha, 0, 1);
    return looks.map((n, i) =>
      binomialQuantile(1 - normalCdf(z / shape[i]!, 0, 1), n, acceptableRate),
    );
  };
}

function pc0(oc: OperatingCharacteristics): number {
  return oc.crossProbability[0]!;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

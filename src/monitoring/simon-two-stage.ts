import { assertInteger, assertObject, assertOpenUnitInterval } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { binomialPmf } from '../stats/binomial-pmf.js';
import { assertRatePair } from './assert-rate-pair.js';

/** Arguments of {@link simonTwoStage} (clinfun's `ph2simon` argument in brackets). */
export interface SimonTwoStageOptions {
  /** Unacceptable (null) response rate (`pu`), in (0, 1). */
  readonly nullRate: number;
  /** Desirable response rate (`pa`), in (nullRate, 1). */
  readonly targetRate: number;
  /** Largest allowed P(declaring the treatment promising | nullRate) (`ep1`), in (0, 1). */
  readonly alpha: number;
  /** Largest allowed P(declaring it not promising | targetRate) (`ep2`), in (0, 1). */
  readonly beta: number;
  /** Largest total sample size searched (`nmax`, default 100), an integer in 2..1000. */
  readonly nMax?: number;
}

/**
 * A Simon two-stage design: treat n1 patients; stop for futility if at most r1 respond;
 * otherwise treat n - n1 more and call the treatment promising only if more than r of the
 * n respond.
 */
export interface SimonDesign {
  readonly r1: number;
  readonly n1: number;
  readonly r: number;
  readonly n: number;
  /** Expected sample size under nullRate: n1 + (1 - PET) (n - n1). clinfun's `EN(nullRate)`. */
  readonly expectedSizeNull: number;
  /** Probability of early termination under nullRate, P(X1 <= r1 | nullRate). clinfun's `PET(nullRate)`. */
  readonly earlyStopNull: number;
  /** Exact P(X1 > r1 and X > r | nullRate), below `alpha`. */
  readonly actualAlpha: number;
  /** Exact P(X1 > r1 and X > r | targetRate), above 1 - `beta`. */
  readonly actualPower: number;
}

/** Result of {@link simonTwoStage}. */
export interface SimonTwoStage {
  /** The design with the smallest expected size under nullRate (the smallest n among ties). */
  readonly optimal: SimonDesign;
  /** The design with the smallest maximum size n (the smallest expected size at that n). */
  readonly minimax: SimonDesign;
  readonly nullRate: number;
  readonly targetRate: number;
  readonly alpha: number;
  readonly beta: number;
  readonly nMax: number;
}

/**
 * Simon's optimal and minimax two-stage phase II designs (Simon, "Optimal two-stage designs
 * for phase II clinical trials", Control Clin Trials 1989;10:1-10), found by the exhaustive
 * search of R's `clinfun::ph2simon` (Fortran `f2bdry`, clinfun 1.1.5).
 *
 * Method: for every n = 2..nMax, n1 = 1..n-1 and r1, r, the exact error rates are
 * P(X1 > r1, X1 + X2 > r | p) = sum_{x1 > r1} P(X1 = x1) P(X2 > r - x1), X1 ~ Bin(n1, p),
 * X2 ~ Bin(n - n1, p); a design is feasible when this is < alpha at nullRate and > 1 - beta at targetRate
 * (both strict, as clinfun). Per n the feasible design with the smallest
 * EN(nullRate) = n1 + (1 - PET(nullRate)) (n - n1) is kept (the first found on ties, in clinfun's order:
 * n1 up, r1 down, r down), counting only designs whose EN is below n. The minimax design is
 * the one kept for the smallest such n; the optimal one the first with the least EN.
 *
 * Ties: PET(nullRate) = P(X1 <= r1 | nullRate) is summed directly from x1 = 0 (clinfun subtracts from 1),
 * and two ENs within 1e-12 relative are a tie, which the design found first wins: the smaller n
 * for the optimal design, as clinfun's `which(EN == min(EN))[1]`. So designs whose EN is
 * mathematically equal (nullRate 0.5, targetRate 0.75, alpha 0.2, beta 0.15: (3, 7, 8, 14) and
 * (2, 5, 9, 16), both EN 10.5) give clinfun's choice, the smaller n, whatever the rounding.
 * The search accumulates the error rates over r1 exactly as the Fortran does (O(n^2) per
 * (n, n1)) and skips every n1 no smaller than the best EN already found for that n (EN >= n1),
 * so nMax = 100 takes a few milliseconds.
 *
 * @param options - see {@link SimonTwoStageOptions}.
 * @returns the optimal and minimax designs with their exact operating characteristics.
 * @throws {TypeError} when an argument has the wrong type.
 * @throws {RangeError} when a rate or error is outside (0, 1), nullRate >= targetRate, nMax is not an
 *   integer in 2..1000, or no design up to nMax meets alpha and beta.
 * @example
 * const { optimal, minimax } = simonTwoStage({ nullRate: 0.1, targetRate: 0.3, alpha: 0.05, beta: 0.2 });
 * [optimal.r1, optimal.n1, optimal.r, optimal.n]; // => [1, 10, 5, 29]
 * [minimax.r1, minimax.n1, minimax.r, minimax.n]; // => [1, 15, 5, 25]
 */
export function simonTwoStage(options: SimonTwoStageOptions): SimonTwoStage {
  assertObject('options', options);
  const { nullRate, targetRate, alpha, beta, nMax = 100 } = options;
  assertRatePair('options.nullRate', nullRate, 'options.targetRate', targetRate);
  assertOpenUnitInterval('options.alpha', alpha);
  assertOpenUnitInterval('options.beta', beta);
  assertInteger('options.nMax', nMax, 2);
  if (nMax > 1000) {
    throw new RangeError(
      `options.nMax must be <= 1000 (as clinfun). Value: ${describeValue(nMax)}.`,
    );
  }

  const tables = binomialTables(nMax, nullRate, targetRate);
  const perN: SimonDesign[] = [];
  for (let n = 2; n <= nMax; n++) {
    const best = bestDesign(n, tables, alpha, beta);
    if (best !== null) perN.push(best);
  }
  if (perN.length === 0) {
    throw new RangeError(
      `nMax: no two-stage design with at most nMax patients meets alpha = ${alpha} and beta = ${beta}; increase nMax. Value: ${describeValue(nMax)}.`,
    );
  }
  // The optimal design is the first, in order of n, with the least EN (clinfun: `which(EN ==
  // min(EN))[1]`): a later n replaces it only with an EN smaller beyond rounding.
  let optimal = perN[0]!;
  for (const design of perN) {
    if (improves(design.expectedSizeNull, optimal.expectedSizeNull)) optimal = design;
  }
  return { optimal, minimax: perN[0]!, nullRate, targetRate, alpha, beta, nMax };
}

/**
 * The search's binomial tables, for m = 0..nMax patients: pmf0[m][x] = P(Bin(m, nullRate) = x);
 * tail0[m][x] = P(Bin(m, nullRate) >= x), summed from the top; lower0[m][x] =
 * P(Bin(m, nullRate) <= x), summed from the bottom (the PET, see bestDesign); pmf1 and tail1
 * the same at targetRate. bprob0 and bprob1 are scratch space for the error rates of one
 * (n, n1) by total threshold.
 */
interface SimonTables {
  readonly pmf0: readonly number[][];
  readonly pmf1: readonly number[][];
  readonly tail0: readonly number[][];
  readonly tail1: readonly number[][];
  readonly lower0: readonly number[][];
  readonly bprob0: Float64Array;
  readonly bprob1: Float64Array;
}

function binomialTables(nMax: number, nullRate: number, targetRate: number): SimonTables {
  const pmf0: number[][] = [];
  const pmf1: number[][] = [];
  const tail0: number[][] = [];
  const tail1: number[][] = [];
  const lower0: number[][] = [];
  for (let m = 0; m <= nMax; m++) {
    pmf0.push(binomialPmf(m, nullRate));
    pmf1.push(binomialPmf(m, targetRate));
    tail0.push(upperTails(pmf0[m]!));
    tail1.push(upperTails(pmf1[m]!));
    lower0.push(lowerTails(pmf0[m]!));
  }
  const bprob0 = new Float64Array(nMax + 2);
  const bprob1 = new Float64Array(nMax + 2);
  return { pmf0, pmf1, tail0, tail1, lower0, bprob0, bprob1 };
}

/**
 * The feasible design with n patients in all and the least EN(nullRate) below n (the first
 * found on ties, in clinfun's order: n1 up, r1 down, r down), or null when there is none.
 */
function bestDesign(
  n: number,
  tables: SimonTables,
  alpha: number,
  beta: number,
): SimonDesign | null {
  const { bprob0, bprob1 } = tables;
  let best: SimonDesign | null = null;
  let bestEss = n;
  for (let n1 = 1; n1 < n; n1++) {
    // EN >= n1, so no n1 at or beyond the best EN can improve on it.
    if (n1 >= bestEss + 1e-9) break;
    const n2 = n - n1;
    const f0 = tables.pmf0[n1]!;
    const f1 = tables.pmf1[n1]!;
    const cdf0 = tables.lower0[n1]!;
    const t0 = tables.tail0[n2]!;
    const t1 = tables.tail1[n2]!;
    bprob0.fill(0, 0, n + 1);
    bprob1.fill(0, 0, n + 1);
    // Continue when X1 >= k (clinfun's loop variable; the design's r1 is k - 1); total
    // threshold t: "promising" when X1 + X2 >= t (the design's r is t - 1).
    for (let k = n1; k >= 0; k--) {
      // PET = P(X1 <= k - 1 | nullRate), summed directly from x = 0. clinfun subtracts the terms
      // from 1 instead; the sum keeps designs whose EN is mathematically equal equal in
      // floating point (nullRate 0.5: 10.5 for n 14 and n 16), so the tie rule below decides them.
      const pet = k > 0 ? cdf0[k - 1]! : 0;
      for (let t = n2 + k; t >= k; t--) {
        bprob0[t] = bprob0[t]! + f0[k]! * t0[t - k]!;
        bprob1[t] = bprob1[t]! + f1[k]! * t1[t - k]!;
        if (bprob0[t]! < alpha && 1 - bprob1[t]! < beta) {
          const ess = n1 + (1 - pet) * n2;
          // clinfun counts only designs with EN < n (strictly); among them, the tie rule.
          if (best === null ? ess < n : improves(ess, bestEss)) {
            bestEss = ess;
            best = {
              r1: k - 1,
              n1,
              r: t - 1,
              n,
              expectedSizeNull: ess,
              earlyStopNull: pet,
              actualAlpha: bprob0[t]!,
              actualPower: bprob1[t]!,
            };
          }
        }
      }
      // Thresholds below k are passed by every X1 >= k: carry P(X1 >= k) down to them.
      for (let t = 0; t < k; t++) {
        bprob0[t] = bprob0[k]!;
        bprob1[t] = bprob1[k]!;
      }
    }
  }
  return best;
}

/**
 * Relative tolerance under which two expected sizes are a tie. EN is at most nMax = 1000 and
 * computed to a few ulps, so distinct ENs closer than 1e-12 relative would need designs that
 * differ in the 12th digit of a sum of binomial terms; equal ones rounded differently differ by
 * about 1e-15.
 */
const EN_TIE = 1e-12;

/**
 * True when `candidate` is smaller than `incumbent` beyond {@link EN_TIE}: the tie rule of the
 * search, under which the design found first (smaller n; for one n, the search order) stays.
 */
function improves(candidate: number, incumbent: number): boolean {
  return candidate < incumbent - EN_TIE * incumbent;
}

/** cdf[x] = P(X <= x) for x = 0..n, summed from x = 0 so small lower tails stay accurate. */
function lowerTails(pmf: readonly number[]): number[] {
  const cdf = new Array<number>(pmf.length).fill(0);
  let acc = 0;
  for (let x = 0; x < pmf.length; x++) {
    acc += pmf[x]!;
    cdf[x] = acc;
  }
  return cdf;
}

/** tails[x] = P(X >= x) for x = 0..n, summed from the top so small tails stay accurate. */
function upperTails(pmf: readonly number[]): number[] {
  const tails = new Array<number>(pmf.length).fill(0);
  let acc = 0;
  for (let x = pmf.length - 1; x >= 0; x--) {
    acc += pmf[x]!;
    tails[x] = acc;
  }
  return tails;
}

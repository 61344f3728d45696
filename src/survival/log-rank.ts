import { assertFiniteNumber, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { chiSquareUpperTail } from '../stats/chi-square-upper-tail.js';
import { bucketSort } from './_internal/buckets.js';
import { type CodedLabels, type Label, readGrouped } from './_internal/read-input.js';
import { scoreStatistic } from './_internal/score-statistic.js';
import { distinctTimeGaps, fixTimes, isTiedGap } from './_internal/time-fix.js';

/** One subject for a group comparison. */
export interface GroupedSurvivalRow {
  readonly time: number;
  readonly event: boolean | 0 | 1;
  readonly group: string | number;
  /** Stratum label; the test is stratified when any row has one. */
  readonly stratum?: string | number;
}

/** The same as columns (typed arrays welcome for time, event and numeric labels). */
export interface GroupedSurvivalColumns {
  readonly time: ArrayLike<number>;
  readonly event: ArrayLike<number | boolean>;
  readonly group: ArrayLike<string | number>;
  readonly stratum?: ArrayLike<string | number>;
}

/** Grouped survival data for `logRank`: rows `{ time, event, group, stratum? }` or columns. */
export type GroupedSurvivalInput = readonly GroupedSurvivalRow[] | GroupedSurvivalColumns;

/** Options of {@link logRank}. */
export interface LogRankOptions {
  /** Weight exponent of the G-rho family: 0 log-rank (default), 1 Peto-Peto; a finite number whose weights S(t-)^rho do not overflow. */
  readonly rho?: number;
}

/** Result of {@link logRank}, as R's `survdiff` object. */
export interface LogRankResult {
  /**
   * (O - E)' V^- (O - E) over the groups with expected > 0 but the first; null when that
   * variance has rank 0 (no events, or no information: R's p-value is then NaN or solve() stops).
   */
  readonly statistic: number | null;
  /**
   * The rank of that variance: the number of groups with expected > 0, minus 1, when it has
   * full rank (as R's survdiff); 0 when `statistic` is null.
   */
  readonly df: number;
  /** P(chi^2_df > statistic); null with `statistic`. */
  readonly pValue: number | null;
  /** Group labels in sorted order (R's factor levels). */
  readonly groups: readonly Label[];
  /** Weighted observed events per group, summed over strata. */
  readonly observed: readonly number[];
  /** Weighted expected events per group, summed over strata. */
  readonly expected: readonly number[];
  /** k x k variance matrix of observed - expected. */
  readonly variance: readonly (readonly number[])[];
}

/**
 * The G-rho family of k-sample tests of survival curves (Harrington & Fleming, Biometrika
 * 1982), as R's `survdiff(Surv(time, event) ~ group + strata(stratum), rho = rho)`.
 *
 * Within each stratum, at each distinct event time with N at risk (N_g in group g), d events
 * (d_g in g) and weight w = S(t-)^rho, S the pooled Kaplan-Meier of the stratum just before t:
 * - O_g += w d_g,  E_g += w d N_g / N
 * - V_gh += w^2 d (N - d) / (N (N - 1)) * N_g (delta_gh - N_h / N)  (omitted when N = 1)
 * O, E and V are summed over strata. With K the groups having E_g > 0, the statistic drops the
 * first of them: chi^2 = (O - E)' V^-1 (O - E) on the remaining |K| - 1 groups, with
 * df = |K| - 1 and p = P(chi^2_df > chi^2). The reduced V is factored as L D L' with survival's
 * `cholesky2` pivot rule (a pivot below 2^-39 = 1.8e-12 times the largest diagonal element is
 * dropped): when it is singular the statistic uses that generalised inverse on df = rank(V),
 * where R's `solve` would stop, and a V of rank 0 (no events, or e.g. every subject dying at one
 * time) gives `statistic` and `pValue` null, where R reports chi^2 = 0 with p = NaN or stops.
 * `grayTest` follows the same policy (docs/survival.md). rho = 0 is the log-rank
 * (Mantel-Haenszel) test, rho = 1 the Peto & Peto modification of the Gehan-Wilcoxon test.
 * As R's survdiff (timefix = TRUE, `aeqSurv`), distinct times whose gap is at most
 * sqrt(machine epsilon) = 1.49e-8, or that times the mean of all distinct times (R's `mean`,
 * rounded once), are first merged into the smallest of their chain, over all groups and
 * strata together.
 *
 * @param input Rows `{ time, event, group, stratum? }` or the same as columns.
 * @param options `rho` (default 0), a finite number.
 * @returns `{ statistic, df, pValue, groups, observed, expected, variance }`; `statistic` and
 *   `pValue` are null when there is nothing to test (variance of rank 0).
 * @throws {TypeError} when the input is malformed, or labels mix numbers and strings.
 * @throws {RangeError} naming index and value of a bad time or event, when there are fewer
 *   than 2 groups, or when a negative `rho` makes the weights S(t-)^rho overflow (a weight
 *   above about 1e154, whose square is infinite, e.g. with rho = -1e308): the sums O, E and V
 *   must be finite numbers.
 * @example
 * const r = logRank({
 *   time: [5, 8, 12, 3, 4, 9], event: [1, 0, 1, 1, 1, 1], group: ['a', 'a', 'a', 'b', 'b', 'b'],
 * });
 * r.groups; // => ['a', 'b']
 * r.df; // => 1
 * logRank({ time: [1, 1], event: [1, 1], group: [1, 2] }).statistic; // => null (variance 0)
 */
export function logRank(input: GroupedSurvivalInput, options: LogRankOptions = {}): LogRankResult {
  assertObject('options', options);
  const { rho = 0 } = options;
  assertFiniteNumber('options.rho', rho);
  const { time, status, group, stratum } = readGrouped('input', input, 'event');
  const k = group.levels.length;
  if (k < 2) {
    throw new RangeError(
      `input.group must hold at least 2 groups. Value: ${describeValue(group.levels)}.`,
    );
  }
  const { obs, exp, v } = gRhoSums(time, status, group, stratum, rho);

  // A negative rho weighs late times by S(t-)^rho, which grows without bound as S falls: with
  // rho = -1e308 the weights overflow to Infinity and O - E became NaN (issue 11 item 13). The
  // sums cannot be represented then; say so, naming rho, rather than return them.
  if (!allFinite(obs) || !allFinite(exp) || !allFinite(v)) {
    throw new RangeError(
      `options.rho gives weights S(t-)^rho too large for double precision on these data (O, E or V overflows). Value: ${describeValue(rho)}.`,
    );
  }
  const variance: number[][] = [];
  for (let a = 0; a < k; a++) variance.push(Array.from(v.subarray(a * k, a * k + k)));
  const kept: number[] = [];
  for (let g = 0; g < k; g++) if (exp[g]! > 0) kept.push(g);
  // survdiff drops the groups with E_g = 0, then the first remaining one. With fewer than two
  // groups left V is empty: rank 0, no test (R: chi^2 0 on df -1, p NaN).
  const idx = kept.slice(1);
  const { statistic, df } = scoreStatistic(
    idx.map((a) => idx.map((b) => v[a * k + b]!)),
    idx.map((g) => obs[g]! - exp[g]!),
  );
  return {
    statistic,
    df,
    pValue: statistic === null ? null : chiSquareUpperTail(statistic, df),
    groups: group.levels,
    observed: Array.from(obs),
    expected: Array.from(exp),
    variance,
  };
}

function allFinite(values: Float64Array): boolean {
  for (const value of values) if (!Number.isFinite(value)) return false;
  return true;
}

// Legend: the names below and their symbols in R's survival, src/survdiff2.c (survival 3.5-3,
// the fixtures' version; the routine is the same from 3.4-0 to 3.8-6). survdiff2 walks each stratum backward from its last
// time, adding each time's subjects to `risk`; the walk here goes forward, removing them after
// the time, which gives the same risk sets. The time merge (aeqSurv) is done in R before
// survdiff2 is called, here during the walk (mergeMean).
//
//   ours                        survdiff2.c        meaning
//   GRhoSums.obs, .exp, .v      obs, exp, var      O_g, E_g and V, k x k (var summed over
//                                                  strata; obs, exp per stratum there, then
//                                                  summed by survdiff in R)
//   k                           ngroup             the number of groups
//   rho                         rho                weight exponent of the G-rho family
//   times, labels               time, status,      the stratum's sorted times, with each
//                               group              subject's group and kind in one label
//   StratumWalk.atRisk          risk               subjects at risk in each group at t [N_g]
//   StratumWalk.totalAtRisk     nrisk              subjects at risk in all groups at t [N]
//   StratumWalk.atTime          (none)             events and censorings of each group at t
//   StratumWalk.deaths          deaths             events at t, all groups [d]
//   StratumWalk.survivalBefore  km, kaplan[i]      pooled Kaplan-Meier just before t [S(t-)]
//   weight                      wt                 S(t-)^rho, 1 when rho = 0
//   weightSquared               wt (squared)       wt^2, for the variance
//   term                        tmp                w^2 d N_a (N - d) / (N (N - 1))

/** The G-rho sums: O and E per group, V as a k x k row-major matrix. */
interface GRhoSums {
  readonly obs: Float64Array;
  readonly exp: Float64Array;
  readonly v: Float64Array;
}

/** The walk over one stratum's distinct times (see the legend). */
interface StratumWalk {
  /** Subjects at risk in each group at the current time. */
  readonly atRisk: Float64Array;
  /** Events (index 2g) and censorings (2g + 1) of each group g at the current time. */
  readonly atTime: Float64Array;
  /** Subjects at risk in all groups at the current time. */
  totalAtRisk: number;
  /** Events at the current time, all groups. */
  deaths: number;
  /** The stratum's pooled Kaplan-Meier just before the current time. */
  survivalBefore: number;
}

/**
 * The G-rho sums over the strata. Each time is labelled with its group g and kind (2g for an
 * event, 2g + 1 for a censoring) and sorted with its label within its stratum (`time` is
 * readGrouped's own copy: with one stratum it is sorted in place).
 */
function gRhoSums(
  time: Float64Array,
  status: Int32Array,
  group: CodedLabels,
  stratum: CodedLabels | null,
  rho: number,
): GRhoSums {
  const n = time.length;
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = 2 * group.codes[i]! + (status[i] === 1 ? 0 : 1);
  const nStrata = stratum === null ? 1 : stratum.levels.length;
  const { times, labels, start } = bucketSort(time, label, stratum?.codes ?? null, nStrata);
  // R's survdiff first merges distinct times closer than sqrt(machine epsilon), absolutely or
  // relative to their mean, over the whole data set before splitting by stratum and group
  // (timefix = TRUE, survival::aeqSurv). With one stratum its walk visits every distinct time
  // in order and merges as it goes, given the mean from one check pass. With strata, a chain of
  // tied gaps can pass through other strata's times, so the times are rewritten first
  // (fixTimes over the strata's ascending runs) and the walks merge nothing.
  const strata: Float64Array[] = [];
  for (let s = 0; s < nStrata; s++) strata.push(times.subarray(start[s]!, start[s + 1]!));
  let mergeMean: number | null = null;
  if (nStrata > 1) fixTimes(strata);
  else {
    const gaps = distinctTimeGaps(strata);
    if (gaps.anyTied()) mergeMean = gaps.mean();
  }
  const k = group.levels.length;
  const sums: GRhoSums = {
    obs: new Float64Array(k),
    exp: new Float64Array(k),
    v: new Float64Array(k * k),
  };
  for (let s = 0; s < nStrata; s++) {
    addStratum(strata[s]!, labels.subarray(start[s]!, start[s + 1]!), rho, mergeMean, sums);
  }
  return sums;
}

/**
 * Adds one stratum's terms to the G-rho sums: `times` ascending, `labels` beside them (see
 * gRhoSums). When `mergeMean` is a number, a distinct time whose gap to the previous one is
 * tied (isTiedGap) is counted with it, which is aeqSurv's merge of each chain into its first
 * member; null: nothing merges.
 */
function addStratum(
  times: Float64Array,
  labels: Int32Array,
  rho: number,
  mergeMean: number | null,
  sums: GRhoSums,
): void {
  const k = sums.obs.length;
  const n = times.length;
  const walk: StratumWalk = {
    atRisk: new Float64Array(k),
    atTime: new Float64Array(2 * k),
    totalAtRisk: n,
    deaths: 0,
    survivalBefore: 1,
  };
  const { atRisk, atTime } = walk;
  for (let i = 0; i < n; i++) atRisk[labels[i]! >> 1]!++;
  let p = 0;
  while (p < n) {
    // a loop, not atTime.fill(0): a builtin call per time cost 10% of the test at 10^6 times
    for (let l = 0; l < 2 * k; l++) atTime[l] = 0;
    // One event time: times[p] and every later distinct time chained to it by tied gaps. Each
    // subject is counted under its label, with no branch on its group or kind.
    let t = times[p]!;
    for (;;) {
      while (p < n && times[p] === t) atTime[labels[p++]!]!++;
      const next = p < n ? times[p]! : Number.POSITIVE_INFINITY;
      if (mergeMean === null || next === Number.POSITIVE_INFINITY) break;
      if (!isTiedGap(next - t, mergeMean)) break;
      t = next;
    }
    let deaths = 0;
    let leaving = 0;
    for (let g = 0; g < k; g++) {
      deaths += atTime[2 * g]!;
      leaving += atTime[2 * g + 1]!;
    }
    walk.deaths = deaths;
    if (deaths > 0) {
      addEventTime(sums, walk, rho === 0 ? 1 : walk.survivalBefore ** rho);
      walk.survivalBefore *= (walk.totalAtRisk - deaths) / walk.totalAtRisk;
    }
    // those with an event or a censoring at t leave the risk set after it
    walk.totalAtRisk -= deaths + leaving;
    for (let g = 0; g < k; g++) atRisk[g]! -= atTime[2 * g]! + atTime[2 * g + 1]!;
  }
}

/**
 * One event time's terms, with weight w = S(t-)^rho, N = walk.totalAtRisk at risk (N_g =
 * walk.atRisk[g] in group g) and d = walk.deaths events (d_g = walk.atTime[2g] in g):
 * O_g += w d_g, E_g += w d N_g / N and, when N > 1,
 * V_ab += w^2 d (N - d) / (N (N - 1)) N_a (delta_ab - N_b / N), as survdiff2 sums them.
 */
function addEventTime(sums: GRhoSums, walk: StratumWalk, weight: number): void {
  const { obs, exp, v } = sums;
  const { atRisk, atTime, totalAtRisk, deaths } = walk;
  const k = atRisk.length;
  for (let g = 0; g < k; g++) {
    obs[g]! += atTime[2 * g]! * weight;
    exp[g]! += (weight * deaths * atRisk[g]!) / totalAtRisk;
  }
  if (totalAtRisk > 1) {
    const weightSquared = weight * weight;
    for (let a = 0; a < k; a++) {
      const term =
        (weightSquared * deaths * atRisk[a]! * (totalAtRisk - deaths)) /
        (totalAtRisk * (totalAtRisk - 1));
      v[a * k + a]! += term;
      for (let b = 0; b < k; b++) v[a * k + b]! -= (term * atRisk[b]!) / totalAtRisk;
    }
  }
}

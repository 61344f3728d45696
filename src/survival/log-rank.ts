import { assertFiniteNumber, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { chiSquareUpperTail } from '../stats/chi-square-upper-tail.js';
import { bucketSort } from './_internal/buckets.js';
import { type Label, readGrouped } from './_internal/read-input.js';
import { scoreStatistic } from './_internal/score-statistic.js';
import { fixTimes, mergeCloseTimes, TimeGaps } from './_internal/time-fix.js';

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
  readonly chiSquare: number | null;
  /**
   * The rank of that variance: the number of groups with expected > 0, minus 1, when it has
   * full rank (as R's survdiff); 0 when `chiSquare` is null.
   */
  readonly df: number;
  /** P(chi^2_df > chiSquare); null with `chiSquare`. */
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
 * time) gives `chiSquare` and `pValue` null, where R reports chi^2 = 0 with p = NaN or stops.
 * `grayTest` follows the same policy (docs/survival.md). rho = 0 is the log-rank
 * (Mantel-Haenszel) test, rho = 1 the Peto & Peto modification of the Gehan-Wilcoxon test.
 * As R's survdiff (timefix = TRUE, `aeqSurv`), distinct times whose gap is at most
 * sqrt(machine epsilon) = 1.49e-8, or that times the mean of all distinct times (R's `mean`,
 * rounded once), are first merged into the smallest of their chain, over all groups and
 * strata together.
 *
 * @param input Rows `{ time, event, group, stratum? }` or the same as columns.
 * @param options `rho` (default 0), a finite number.
 * @returns `{ chiSquare, df, pValue, groups, observed, expected, variance }`; `chiSquare` and
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
 * logRank({ time: [1, 1], event: [1, 1], group: [1, 2] }).chiSquare; // => null (variance 0)
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
  const nStrata = stratum === null ? 1 : stratum.levels.length;
  const n = time.length;
  // bucket = (stratum * k + group) * 2 + (event ? 0 : 1)
  const bucket = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = stratum === null ? 0 : stratum.codes[i]!;
    bucket[i] = (s * k + group.codes[i]!) * 2 + (status[i] === 1 ? 0 : 1);
  }
  const nBuckets = nStrata * k * 2;
  const { times, start } = bucketSort(time, bucket, nBuckets);
  // R's survdiff first merges distinct times closer than sqrt(machine epsilon), absolutely or
  // relative to their mean, over the whole data set before splitting by stratum and group
  // (timefix = TRUE, survival::aeqSurv). The buckets are ascending runs of times. With one
  // stratum the walk below visits every distinct time in order and checks as it goes (and is
  // repeated after a merge); with strata, the check is a separate pass over a sorted copy.
  const runs: Float64Array[] = [];
  for (let b = 0; b < nBuckets; b++) runs.push(times.subarray(start[b]!, start[b + 1]!));
  if (nStrata > 1) fixTimes(runs);

  const obs = new Float64Array(k);
  const exp = new Float64Array(k);
  const v = new Float64Array(k * k);
  const gaps = new TimeGaps();
  accumulate(times, start, k, nStrata, rho, obs, exp, v, gaps);
  if (nStrata === 1 && gaps.anyTied()) {
    mergeCloseTimes(runs, gaps.mean());
    obs.fill(0);
    exp.fill(0);
    v.fill(0);
    accumulate(times, start, k, nStrata, rho, obs, exp, v, new TimeGaps());
  }

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
  const { statistic: chiSquare, df } = scoreStatistic(
    idx.map((a) => idx.map((b) => v[a * k + b]!)),
    idx.map((g) => obs[g]! - exp[g]!),
  );
  return {
    chiSquare,
    df,
    pValue: chiSquare === null ? null : chiSquareUpperTail(chiSquare, df),
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

/**
 * The G-rho sums O, E and V over the strata (added into obs, exp, v), walking each stratum's
 * 2k ascending buckets together; every distinct time visited is fed to `gaps`.
 */
function accumulate(
  times: Float64Array,
  start: Int32Array,
  k: number,
  nStrata: number,
  rho: number,
  obs: Float64Array,
  exp: Float64Array,
  v: Float64Array,
  gaps: TimeGaps,
): void {
  const risk = new Float64Array(k);
  const deaths = new Float64Array(k);
  const evPos = new Int32Array(k);
  const evEnd = new Int32Array(k);
  const cePos = new Int32Array(k);
  const ceEnd = new Int32Array(k);

  for (let s = 0; s < nStrata; s++) {
    let nTotal = 0;
    for (let g = 0; g < k; g++) {
      const b = (s * k + g) * 2;
      evPos[g] = start[b]!;
      evEnd[g] = start[b + 1]!;
      cePos[g] = start[b + 1]!;
      ceEnd[g] = start[b + 2]!;
      risk[g] = start[b + 2]! - start[b]!;
      nTotal += risk[g]!;
    }
    let km = 1;
    for (;;) {
      // next distinct time over the 2k sorted heads
      let t = Number.POSITIVE_INFINITY;
      for (let g = 0; g < k; g++) {
        if (evPos[g]! < evEnd[g]! && times[evPos[g]!]! < t) t = times[evPos[g]!]!;
        if (cePos[g]! < ceEnd[g]! && times[cePos[g]!]! < t) t = times[cePos[g]!]!;
      }
      if (t === Number.POSITIVE_INFINITY) break;
      gaps.add(t);
      let d = 0;
      let leaving = 0;
      for (let g = 0; g < k; g++) {
        let p = evPos[g]!;
        const e0 = p;
        while (p < evEnd[g]! && times[p] === t) p++;
        evPos[g] = p;
        deaths[g] = p - e0;
        d += p - e0;
        let q = cePos[g]!;
        const c0 = q;
        while (q < ceEnd[g]! && times[q] === t) q++;
        cePos[g] = q;
        leaving += q - c0;
      }
      const nRisk = nTotal;
      if (d > 0) {
        const wt = rho === 0 ? 1 : km ** rho;
        for (let g = 0; g < k; g++) {
          obs[g]! += deaths[g]! * wt;
          exp[g]! += (wt * d * risk[g]!) / nRisk;
        }
        if (nRisk > 1) {
          const w2 = wt * wt;
          for (let a = 0; a < k; a++) {
            const tmp = (w2 * d * risk[a]! * (nRisk - d)) / (nRisk * (nRisk - 1));
            v[a * k + a]! += tmp;
            for (let b = 0; b < k; b++) v[a * k + b]! -= (tmp * risk[b]!) / nRisk;
          }
        }
        km *= (nRisk - d) / nRisk;
      }
      // those with an event or a censoring at t leave the risk set after t
      nTotal -= d + leaving;
      for (let g = 0; g < k; g++) risk[g] = evEnd[g]! - evPos[g]! + (ceEnd[g]! - cePos[g]!);
    }
  }
}

import { describeValue } from '../_lib/describe-value.js';
import { chiSquareUpperTail } from '../stats/chi-square-upper-tail.js';
import { type Label, readGrouped } from './_internal/read-input.js';
import { scoreStatistic } from './_internal/score-statistic.js';

/** One subject for Gray's test: status 0 censored, 1..k a cause. */
export interface GroupedCompetingRiskRow {
  readonly time: number;
  readonly status: number;
  readonly group: string | number;
  /** Stratum label; the test is stratified when any row has one. */
  readonly stratum?: string | number;
}

/** The same as columns. */
export interface GroupedCompetingRiskColumns {
  readonly time: ArrayLike<number>;
  readonly status: ArrayLike<number>;
  readonly group: ArrayLike<string | number>;
  readonly stratum?: ArrayLike<string | number>;
}

/** Grouped competing-risks data for `grayTest`: rows `{ time, status, group, stratum? }` or columns. */
export type GroupedCompetingRiskInput =
  | readonly GroupedCompetingRiskRow[]
  | GroupedCompetingRiskColumns;

/** Gray's test for one cause. */
export interface GrayTestCause {
  readonly cause: number;
  /**
   * The chi-square statistic s' V^- s; null when the variance V has rank 0 (nothing to test;
   * cmprsk reports -1, "singular").
   */
  readonly statistic: number | null;
  /** Degrees of freedom: the numerical rank of V (k - 1 when V has full rank, as cmprsk). */
  readonly df: number;
  /** P(chi^2_df > statistic); null with the statistic. */
  readonly pValue: number | null;
}

/** Result of {@link grayTest}. */
export interface GrayTestResult {
  /** Group labels in sorted order (the order of R's factor levels). */
  readonly groups: readonly Label[];
  /** One test per cause, causes ascending. */
  readonly tests: readonly GrayTestCause[];
}

/**
 * Gray's k-sample test for equality of cumulative incidence functions (Gray, Ann Stat 1988),
 * per cause, as the `Tests` of R's `cmprsk::cuminc(time, status, group, strata)` with rho = 0.
 *
 * For a cause, the score of group g sums, over the distinct times of each stratum,
 * d_g1 - d_1 R_g / sum_r R_r with R_g = r_g (1 - F_g(t-)) / S_g(t-) (F_g the cause's
 * cumulative incidence and S_g the all-cause Kaplan-Meier of group g, r_g at risk); the
 * variance of the first k - 1 scores is Gray's estimator (Fortran routine `crstm`, including
 * its tie corrections). Scores and variances are summed over strata; the statistic is
 * s' V^-1 s on k - 1 degrees of freedom, p = P(chi^2_{k-1} > statistic) (cmprsk computes
 * 1 - pchisq, equal to this within 1e-16 absolute).
 *
 * A singular V follows the policy shared with `logRank` (docs/survival.md): V is factored
 * as L D L' with survival's `cholesky2` pivot rule (a pivot below 2^-39 = 1.8e-12 times the
 * largest diagonal element is dropped), the statistic is s' V^- s on df = rank(V), and a V of
 * rank 0 gives `statistic` and `pValue` null. cmprsk instead reports -1 for every V that
 * `qr()` finds rank-deficient; a rank between 1 and k - 2 is the one case where this function
 * returns a statistic and cmprsk does not.
 *
 * @param input Rows `{ time, status, group, stratum? }` or the same as columns.
 * @returns `{ groups, tests }` with one `{ cause, statistic, df, pValue }` per cause.
 * @throws {TypeError} when the input is malformed or labels mix numbers and strings.
 * @throws {RangeError} naming index and value of a bad time or status, or with < 2 groups.
 * @example
 * const r = grayTest({
 *   time: [1, 2, 3, 4, 5, 6, 7, 8], status: [1, 2, 1, 0, 1, 1, 2, 0],
 *   group: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'],
 * });
 * r.tests[0]!.cause; // => 1
 */
export function grayTest(input: GroupedCompetingRiskInput): GrayTestResult {
  const { time, status, group, stratum } = readGrouped('input', input, 'status');
  const ng = group.levels.length;
  if (ng < 2) {
    throw new RangeError(
      `input.group must hold at least 2 groups. Value: ${describeValue(group.levels)}.`,
    );
  }
  // each stratum's rows, ordered by time (crstm's ys, ms, igs)
  const strat = stratum === null ? null : stratum.codes;
  const order = orderByStratumThenTime(time, strat);
  const strata: Uint32Array[] = [];
  let from = 0;
  for (let st = 0; st < (stratum === null ? 1 : stratum.levels.length); st++) {
    let to = from;
    while (to < order.length && (strat === null || strat[order[to]!] === st)) to++;
    strata.push(order.subarray(from, to));
    from = to;
  }
  const causeSet = new Set<number>();
  for (let i = 0; i < status.length; i++) if (status[i] !== 0) causeSet.add(status[i]!);
  const causes = [...causeSet].sort((a, b) => a - b);
  const tests = causes.map((cause) =>
    causeTest({ time, status, groupCode: group.codes, cause, groupCount: ng, rho: 0 }, strata),
  );
  return { groups: group.levels, tests };
}

/** The row indices ordered by stratum (when given), then time. */
function orderByStratumThenTime(time: Float64Array, strat: Int32Array | null): Uint32Array {
  const order = new Uint32Array(time.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const ds = strat === null ? 0 : strat[a]! - strat[b]!;
    return ds !== 0 ? ds : time[a]! - time[b]!;
  });
  return order;
}

/** Gray's test of one cause: scores and variance summed over the strata, then s' V^- s. */
function causeTest(data: CauseData, strata: readonly Uint32Array[]): GrayTestCause {
  const ng1 = data.groupCount - 1;
  const sums: ScoreSums = { score: new Float64Array(ng1), variance: new Float64Array(ng1 * ng1) };
  for (const rows of strata) addGrayStratum(data, rows, sums);
  const v = sums.variance;
  const vs: number[][] = [];
  for (let i = 0; i < ng1; i++) {
    const row: number[] = [];
    for (let j = 0; j < ng1; j++) row.push(j <= i ? v[i * ng1 + j]! : v[j * ng1 + i]!);
    vs.push(row);
  }
  const { statistic, df } = scoreStatistic(vs, sums.score);
  return {
    cause: data.cause,
    statistic,
    df,
    pValue: statistic === null ? null : chiSquareUpperTail(statistic, df),
  };
}

// Legend: the names below and their symbols in cmprsk's Fortran (src/crstm.f, routines crstm
// and crst, cmprsk 2.2-11, the fixtures' version; 2.2-12 only reflows it and guards the updates
// of `c` by `a(i,j) .ne. 0`, which changes nothing unless tr (1 - fm) = 0, where 0 / 0 is NaN). Groups and
// causes count from 0 here, from 1 there; matrices are row-major Float64Arrays.
//
//   ours                        crstm.f          meaning (Gray 1988's notation in brackets)
//   CauseData.time              y                the times, within a stratum ascending
//   CauseData.status, .cause    m                m = 1 for `cause`, 2 another cause, 0 censored
//   CauseData.groupCode         ig - 1           the group of each subject
//   CauseData.groupCount        ng               k, the number of groups
//   CauseData.rho               rho              weight exponent (cuminc's rho; 0 here)
//   rows                        ys, ms, igs      the stratum's subjects, ordered by time
//   ScoreSums.score, .variance  s, v / vs        scores and their variance, summed over strata
//   first, last                 ll, lu           the subjects at the current distinct time
//   walk.atRisk                 rs               subjects at risk in each group [r_g]
//   walk.survivalBefore         skmm             all-cause Kaplan-Meier just before t [S_g(t-)]
//   walk.survival               skm              ... at t
//   walk.incidenceBefore        f1m              the cause's cumulative incidence before t
//   walk.incidence              f1               ... at t [F_g]
//   walk.pooledIncidenceBefore  fm               pooled cumulative incidence before t
//   walk.pooledIncidence        f                ... at t
//   walk.causeEvents            d(1, .)          events of the cause at t, by group
//   walk.otherEvents            d(2, .)          events of other causes at t, by group
//   walk.causeEventCount        nd1              their totals
//   walk.otherEventCount        nd2
//   walk.totalH                 tr               sum_r h_r, h_r = r_r / S_r(t-) [sum_r h_r]
//   walk.totalR                 tq               sum_r R_r, R_r = h_r (1 - F_r(t-)) [sum_r R_r]
//   walk.weight                 fb               (1 - F(t-))^rho
//   walk.scoreWeight            a                a(i, j) [a_ij(t)]: group j's weight in score i
//   walk.cumulatedWeight        c                c(i, j): sum over times of a(i, j) nd1 /
//                                                (tr (1 - fm)) [c_ij(t)]
//   walk.ccTerm                 v3               per group: sum of t4^2 t3; the variance adds
//                                                c(i, k) c(j, k) v3(k) at the end
//   walk.cTerm                  v2               v2(i, k): sum of +/- t1 t4 t3; the variance adds
//                                                c(i, k) v2(j, k) + c(j, k) v2(i, k) at the end
//   walk.score, walk.variance   s, v (in crst)   the stratum's scores and variance; v is packed
//                                                (l = i (i - 1) / 2 + j) there, square here
//   h (in updateScoreWeights)   t1 (loop 66)     h_i = r_i / S_i(t-)
//   cFactor                     t4               the factor of c in a term
//   tieCorrection               t5               1 - (d - 1) / (n - 1) for d tied events
//   termVariance                t3 (t6 = rs(k))  the variance of the group's increment
//   termI, termJ                t1, t2 (70-81)   score i's and score j's coefficient

/** What Gray's test reads for one cause: crstm's arguments. */
interface CauseData {
  readonly time: Float64Array;
  readonly status: Int32Array;
  readonly groupCode: Int32Array;
  /** The cause tested: status === cause is crstm's m = 1, another non-zero status m = 2. */
  readonly cause: number;
  readonly groupCount: number;
  readonly rho: number;
}

/** Scores (k - 1) and their variance ((k - 1)^2 row-major, lower triangle j <= i filled). */
interface ScoreSums {
  readonly score: Float64Array;
  readonly variance: Float64Array;
}

/** The running quantities of crst's walk over one stratum's distinct times (see the legend). */
interface GrayWalk {
  readonly groupCount: number;
  readonly atRisk: Float64Array;
  readonly survivalBefore: Float64Array;
  readonly survival: Float64Array;
  readonly incidenceBefore: Float64Array;
  readonly incidence: Float64Array;
  pooledIncidenceBefore: number;
  pooledIncidence: number;
  readonly causeEvents: Float64Array;
  readonly otherEvents: Float64Array;
  causeEventCount: number;
  otherEventCount: number;
  totalH: number;
  totalR: number;
  weight: number;
  readonly scoreWeight: Float64Array;
  readonly cumulatedWeight: Float64Array;
  readonly ccTerm: Float64Array;
  readonly cTerm: Float64Array;
  readonly score: Float64Array;
  readonly variance: Float64Array;
}

/**
 * Adds one stratum's scores and variance for `data.cause` to `sums`, following Gray's crst:
 * `rows` are the stratum's subjects ordered by time.
 */
function addGrayStratum(data: CauseData, rows: Uint32Array, sums: ScoreSums): void {
  const walk = startWalk(data, rows);
  const n = rows.length;
  let first = 0;
  while (first < n) {
    const t = data.time[rows[first]!]!;
    let last = first;
    while (last + 1 < n && data.time[rows[last + 1]!]! === t) last++;
    countEvents(walk, data, rows, first, last);
    if (walk.causeEventCount > 0 || walk.otherEventCount > 0) {
      stepCurves(walk, data.rho);
      updateScoreWeights(walk);
      addScores(walk);
      if (walk.causeEventCount > 0) addCauseEventTerms(walk);
      if (walk.otherEventCount > 0) addOtherCauseTerms(walk);
    }
    if (last >= n - 1) break;
    for (let i = first; i <= last; i++) walk.atRisk[data.groupCode[rows[i]!]!]!--;
    walk.pooledIncidenceBefore = walk.pooledIncidence;
    walk.incidenceBefore.set(walk.incidence);
    walk.survivalBefore.set(walk.survival);
    first = last + 1;
  }
  addCumulatedWeightTerms(walk);
  const ng1 = walk.groupCount - 1;
  for (let i = 0; i < ng1; i++) {
    sums.score[i]! += walk.score[i]!;
    for (let j = 0; j <= i; j++) sums.variance[i * ng1 + j]! += walk.variance[i * ng1 + j]!;
  }
}

/** crst's start: everyone at risk, both curves at their value before the first time. */
function startWalk(data: CauseData, rows: Uint32Array): GrayWalk {
  const ng = data.groupCount;
  const ng1 = ng - 1;
  const atRisk = new Float64Array(ng);
  for (let i = 0; i < rows.length; i++) atRisk[data.groupCode[rows[i]!]!]!++;
  return {
    groupCount: ng,
    atRisk,
    survivalBefore: new Float64Array(ng).fill(1),
    survival: new Float64Array(ng).fill(1),
    incidenceBefore: new Float64Array(ng),
    incidence: new Float64Array(ng),
    pooledIncidenceBefore: 0,
    pooledIncidence: 0,
    causeEvents: new Float64Array(ng),
    otherEvents: new Float64Array(ng),
    causeEventCount: 0,
    otherEventCount: 0,
    totalH: 0,
    totalR: 0,
    weight: 1,
    scoreWeight: new Float64Array(ng * ng),
    cumulatedWeight: new Float64Array(ng * ng),
    ccTerm: new Float64Array(ng),
    cTerm: new Float64Array(ng1 * ng),
    score: new Float64Array(ng1),
    variance: new Float64Array(ng1 * ng1),
  };
}

/** The events of the cause and of other causes at one time (rows first..last), by group. */
function countEvents(
  walk: GrayWalk,
  data: CauseData,
  rows: Uint32Array,
  first: number,
  last: number,
): void {
  const { causeEvents, otherEvents } = walk;
  causeEvents.fill(0);
  otherEvents.fill(0);
  for (let i = first; i <= last; i++) {
    const row = rows[i]!;
    const status = data.status[row]!;
    if (status === 0) continue;
    if (status === data.cause) causeEvents[data.groupCode[row]!]!++;
    else otherEvents[data.groupCode[row]!]!++;
  }
  let causeCount = 0;
  let otherCount = 0;
  for (let g = 0; g < walk.groupCount; g++) {
    causeCount += causeEvents[g]!;
    otherCount += otherEvents[g]!;
  }
  walk.causeEventCount = causeCount;
  walk.otherEventCount = otherCount;
}

/**
 * Each group's Kaplan-Meier and cumulative incidence at t, the sums of h_r and R_r over the
 * groups, the pooled incidence at t and the weight (1 - F(t-))^rho (crst, loop 60).
 */
function stepCurves(walk: GrayWalk, rho: number): void {
  const { atRisk, survivalBefore, survival, incidenceBefore, incidence } = walk;
  const { causeEvents, otherEvents } = walk;
  let totalH = 0;
  let totalR = 0;
  for (let g = 0; g < walk.groupCount; g++) {
    if (atRisk[g]! <= 0) continue;
    const events = causeEvents[g]! + otherEvents[g]!;
    survival[g] = (survivalBefore[g]! * (atRisk[g]! - events)) / atRisk[g]!;
    incidence[g] = incidenceBefore[g]! + (survivalBefore[g]! * causeEvents[g]!) / atRisk[g]!;
    totalH += atRisk[g]! / survivalBefore[g]!;
    totalR += (atRisk[g]! * (1 - incidenceBefore[g]!)) / survivalBefore[g]!;
  }
  walk.totalH = totalH;
  walk.totalR = totalR;
  walk.pooledIncidence = walk.pooledIncidenceBefore + walk.causeEventCount / totalH;
  walk.weight = (1 - walk.pooledIncidenceBefore) ** rho;
}

/** Gray's a_ij at t, and the running c_ij = sum of a_ij dF / (1 - F(t-)) (loops 66 and 68). */
function updateScoreWeights(walk: GrayWalk): void {
  const { groupCount: ng, atRisk, survivalBefore, scoreWeight: a, cumulatedWeight: c } = walk;
  const { weight, totalH, causeEventCount, pooledIncidenceBefore } = walk;
  for (let i = 0; i < ng; i++) {
    for (let j = i; j < ng; j++) a[i * ng + j] = 0;
    if (atRisk[i]! <= 0) continue;
    const h = atRisk[i]! / survivalBefore[i]!;
    a[i * ng + i] = weight * h * (1 - h / totalH);
    c[i * ng + i]! += (a[i * ng + i]! * causeEventCount) / (totalH * (1 - pooledIncidenceBefore));
    for (let j = i + 1; j < ng; j++) {
      if (atRisk[j]! <= 0) continue;
      a[i * ng + j] = (-weight * h * atRisk[j]!) / (survivalBefore[j]! * totalH);
      c[i * ng + j]! += (a[i * ng + j]! * causeEventCount) / (totalH * (1 - pooledIncidenceBefore));
    }
  }
  for (let i = 1; i < ng; i++) {
    for (let j = 0; j < i; j++) {
      a[i * ng + j] = a[j * ng + i]!;
      c[i * ng + j] = c[j * ng + i]!;
    }
  }
}

/** Score of group i += w (d_i1 - d_1 R_i / sum_r R_r), for the first k - 1 groups (loop 74). */
function addScores(walk: GrayWalk): void {
  const { atRisk, survivalBefore, incidenceBefore, causeEvents, score } = walk;
  const { weight, causeEventCount, totalR } = walk;
  for (let i = 0; i < walk.groupCount - 1; i++) {
    if (atRisk[i]! <= 0) continue;
    score[i]! +=
      weight *
      (causeEvents[i]! -
        (causeEventCount * atRisk[i]! * (1 - incidenceBefore[i]!)) / (survivalBefore[i]! * totalR));
  }
}

/** The variance terms of the events of the cause at t, with their tie correction (loop 72). */
function addCauseEventTerms(walk: GrayWalk): void {
  const { groupCount: ng, atRisk, survivalBefore, survival, scoreWeight: a } = walk;
  const { cumulatedWeight: c, ccTerm, cTerm, variance } = walk;
  const { pooledIncidence: f, causeEventCount: nd1, totalH } = walk;
  const ng1 = ng - 1;
  for (let k = 0; k < ng; k++) {
    if (atRisk[k]! <= 0) continue;
    const cFactor = survival[k]! > 0 ? 1 - (1 - f) / survival[k]! : 1;
    const tieCorrection = nd1 > 1 ? 1 - (nd1 - 1) / (totalH * survivalBefore[k]! - 1) : 1;
    const termVariance = (tieCorrection * survivalBefore[k]! * nd1) / (totalH * atRisk[k]!);
    ccTerm[k]! += cFactor * cFactor * termVariance;
    for (let i = 0; i < ng1; i++) {
      const termI = a[i * ng + k]! - cFactor * c[i * ng + k]!;
      cTerm[i * ng + k]! += termI * cFactor * termVariance;
      for (let j = 0; j <= i; j++) {
        const termJ = a[j * ng + k]! - cFactor * c[j * ng + k]!;
        variance[i * ng1 + j]! += termI * termJ * termVariance;
      }
    }
  }
}

/** The variance terms of the events of other causes at t, by group (loop 82). */
function addOtherCauseTerms(walk: GrayWalk): void {
  const { groupCount: ng, atRisk, survivalBefore, survival, otherEvents } = walk;
  const { cumulatedWeight: c, ccTerm, cTerm, variance, pooledIncidence: f } = walk;
  const ng1 = ng - 1;
  for (let k = 0; k < ng; k++) {
    if (survival[k]! <= 0 || otherEvents[k]! <= 0) continue;
    const cFactor = (1 - f) / survival[k]!;
    const tieCorrection = otherEvents[k]! > 1 ? 1 - (otherEvents[k]! - 1) / (atRisk[k]! - 1) : 1;
    const termVariance =
      (tieCorrection * survivalBefore[k]! ** 2 * otherEvents[k]!) / atRisk[k]! ** 2;
    ccTerm[k]! += cFactor * cFactor * termVariance;
    for (let i = 0; i < ng1; i++) {
      const termI = cFactor * c[i * ng + k]!;
      cTerm[i * ng + k]! -= termI * cFactor * termVariance;
      for (let j = 0; j <= i; j++) {
        const termJ = cFactor * c[j * ng + k]!;
        variance[i * ng1 + j]! += termI * termJ * termVariance;
      }
    }
  }
}

/** crst's last step (loop 36): v(i, j) += sum_k c_ik c_jk v3_k + c_ik v2_jk + c_jk v2_ik. */
function addCumulatedWeightTerms(walk: GrayWalk): void {
  const { groupCount: ng, cumulatedWeight: c, ccTerm, cTerm, variance } = walk;
  const ng1 = ng - 1;
  for (let i = 0; i < ng1; i++) {
    for (let j = 0; j <= i; j++) {
      const l = i * ng1 + j;
      for (let k = 0; k < ng; k++) {
        variance[l]! += c[i * ng + k]! * c[j * ng + k]! * ccTerm[k]!;
        variance[l]! += c[i * ng + k]! * cTerm[j * ng + k]!;
        variance[l]! += c[j * ng + k]! * cTerm[i * ng + k]!;
      }
    }
  }
}

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
  const n = time.length;
  const nStrata = stratum === null ? 1 : stratum.levels.length;
  // indices ordered by stratum, then time
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const strat = stratum === null ? null : stratum.codes;
  order.sort((a, b) => {
    const ds = strat === null ? 0 : strat[a]! - strat[b]!;
    return ds !== 0 ? ds : time[a]! - time[b]!;
  });
  const causeSet = new Set<number>();
  for (let i = 0; i < n; i++) if (status[i] !== 0) causeSet.add(status[i]!);
  const causes = [...causeSet].sort((a, b) => a - b);
  const ng1 = ng - 1;
  const tests: GrayTestCause[] = [];
  for (const cause of causes) {
    const s = new Float64Array(ng1);
    const v = new Float64Array(ng1 * ng1);
    let from = 0;
    for (let st = 0; st < nStrata; st++) {
      let to = from;
      while (to < n && (strat === null || strat[order[to]!] === st)) to++;
      grayScores(order.subarray(from, to), time, status, group.codes, cause, ng, 0, s, v);
      from = to;
    }
    const vs: number[][] = [];
    for (let i = 0; i < ng1; i++) {
      const row: number[] = [];
      for (let j = 0; j < ng1; j++) row.push(j <= i ? v[i * ng1 + j]! : v[j * ng1 + i]!);
      vs.push(row);
    }
    const { statistic, df } = scoreStatistic(vs, s);
    tests.push({
      cause,
      statistic,
      df,
      pValue: statistic === null ? null : chiSquareUpperTail(statistic, df),
    });
  }
  return { groups: group.levels, tests };
}

/**
 * Adds one stratum's scores (`s`, length ng - 1) and lower-triangular variance (`v`,
 * (ng - 1)^2 row-major, j <= i filled) for `cause`, following Gray's crst routine.
 */
function grayScores(
  idx: Uint32Array,
  time: Float64Array,
  status: Int32Array,
  groupCode: Int32Array,
  cause: number,
  ng: number,
  rho: number,
  sOut: Float64Array,
  vOut: Float64Array,
): void {
  const ng1 = ng - 1;
  const n = idx.length;
  const rs = new Float64Array(ng);
  for (let i = 0; i < n; i++) rs[groupCode[idx[i]!]!]!++;
  const f1m = new Float64Array(ng);
  const f1 = new Float64Array(ng);
  const skmm = new Float64Array(ng).fill(1);
  const skm = new Float64Array(ng).fill(1);
  const v3 = new Float64Array(ng);
  const v2 = new Float64Array(ng1 * ng);
  const c = new Float64Array(ng * ng);
  const a = new Float64Array(ng * ng);
  const s = new Float64Array(ng1);
  const v = new Float64Array(ng1 * ng1);
  const d1 = new Float64Array(ng);
  const d2 = new Float64Array(ng);
  let fm = 0;
  let f = 0;
  let ll = 0;
  while (ll < n) {
    const t = time[idx[ll]!]!;
    let lu = ll;
    while (lu + 1 < n && time[idx[lu + 1]!]! === t) lu++;
    d1.fill(0);
    d2.fill(0);
    for (let i = ll; i <= lu; i++) {
      const r = idx[i]!;
      const g = groupCode[r]!;
      const st = status[r]!;
      if (st === 0) continue;
      if (st === cause) d1[g]!++;
      else d2[g]!++;
    }
    let nd1 = 0;
    let nd2 = 0;
    for (let g = 0; g < ng; g++) {
      nd1 += d1[g]!;
      nd2 += d2[g]!;
    }
    if (nd1 > 0 || nd2 > 0) {
      let tr = 0;
      let tq = 0;
      for (let g = 0; g < ng; g++) {
        if (rs[g]! <= 0) continue;
        const td = d1[g]! + d2[g]!;
        // skmm / f1m: left-continuous (just before t); skm / f1: right-continuous
        skm[g] = (skmm[g]! * (rs[g]! - td)) / rs[g]!;
        f1[g] = f1m[g]! + (skmm[g]! * d1[g]!) / rs[g]!;
        tr += rs[g]! / skmm[g]!;
        tq += (rs[g]! * (1 - f1m[g]!)) / skmm[g]!;
      }
      f = fm + nd1 / tr;
      const fb = (1 - fm) ** rho;
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) a[i * ng + j] = 0;
        if (rs[i]! <= 0) continue;
        const t1 = rs[i]! / skmm[i]!;
        a[i * ng + i] = fb * t1 * (1 - t1 / tr);
        c[i * ng + i]! += (a[i * ng + i]! * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < ng; j++) {
          if (rs[j]! <= 0) continue;
          a[i * ng + j] = (-fb * t1 * rs[j]!) / (skmm[j]! * tr);
          c[i * ng + j]! += (a[i * ng + j]! * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < ng; i++) {
        for (let j = 0; j < i; j++) {
          a[i * ng + j] = a[j * ng + i]!;
          c[i * ng + j] = c[j * ng + i]!;
        }
      }
      for (let i = 0; i < ng1; i++) {
        if (rs[i]! <= 0) continue;
        s[i]! += fb * (d1[i]! - (nd1 * rs[i]! * (1 - f1m[i]!)) / (skmm[i]! * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < ng; k++) {
          if (rs[k]! <= 0) continue;
          const t4 = skm[k]! > 0 ? 1 - (1 - f) / skm[k]! : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k]! - 1) : 1;
          const t3 = (t5 * skmm[k]! * nd1) / (tr * rs[k]!);
          v3[k]! += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = a[i * ng + k]! - t4 * c[i * ng + k]!;
            v2[i * ng + k]! += t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = a[j * ng + k]! - t4 * c[j * ng + k]!;
              v[i * ng1 + j]! += t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 > 0) {
        for (let k = 0; k < ng; k++) {
          if (skm[k]! <= 0 || d2[k]! <= 0) continue;
          const t4 = (1 - f) / skm[k]!;
          const t5 = d2[k]! > 1 ? 1 - (d2[k]! - 1) / (rs[k]! - 1) : 1;
          const t3 = (t5 * skmm[k]! ** 2 * d2[k]!) / rs[k]! ** 2;
          v3[k]! += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = t4 * c[i * ng + k]!;
            v2[i * ng + k]! -= t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = t4 * c[j * ng + k]!;
              v[i * ng1 + j]! += t1 * t2 * t3;
            }
          }
        }
      }
    }
    if (lu >= n - 1) break;
    for (let i = ll; i <= lu; i++) rs[groupCode[idx[i]!]!]!--;
    fm = f;
    f1m.set(f1);
    skmm.set(skm);
    ll = lu + 1;
  }
  for (let i = 0; i < ng1; i++) {
    for (let j = 0; j <= i; j++) {
      const l = i * ng1 + j;
      for (let k = 0; k < ng; k++) {
        v[l]! += c[i * ng + k]! * c[j * ng + k]! * v3[k]!;
        v[l]! += c[i * ng + k]! * v2[j * ng + k]!;
        v[l]! += c[j * ng + k]! * v2[i * ng + k]!;
      }
    }
  }
  for (let i = 0; i < ng1; i++) {
    sOut[i]! += s[i]!;
    for (let j = 0; j <= i; j++) vOut[i * ng1 + j]! += v[i * ng1 + j]!;
  }
}

import { readTimeStatus } from './_internal/read-input.js';

/** One subject with competing risks: status 0 censored, 1..k the cause of the event. */
export interface CompetingRiskRow {
  readonly time: number;
  readonly status: number;
}

/** The same as columns. */
export interface CompetingRiskColumns {
  readonly time: ArrayLike<number>;
  readonly status: ArrayLike<number>;
}

/** Competing-risks data: rows `{ time, status }` or the same as columns. */
export type CompetingRiskInput = readonly CompetingRiskRow[] | CompetingRiskColumns;

/** Cumulative incidence of each cause at every distinct time. */
export interface CumulativeIncidence {
  /** The causes present (status values other than 0), ascending. */
  readonly causes: readonly number[];
  /** The distinct times (events and censorings), ascending. */
  readonly time: readonly number[];
  /** `estimate[cause][i]`: cumulative incidence of `cause` at `time[i]`. */
  readonly estimate: Readonly<Record<number, readonly number[]>>;
  /** `variance[cause][i]`: its variance as cmprsk's `cuminc` reports it. */
  readonly variance: Readonly<Record<number, readonly number[]>>;
}

/**
 * The Aalen-Johansen estimate of the cumulative incidence function of each cause, with the
 * variance reported by R's `cmprsk::cuminc(time, status)` (Gray's Fortran routine `cinc`).
 *
 * At each distinct time t_j with r_j at risk, d_cj events of cause c and d_j events of any
 * cause, with S the all-cause Kaplan-Meier just before t_j (S_j-) and just after (S_j):
 * - F_c(t_j) = F_c(t_{j-1}) + S_j- d_cj / r_j
 * - the variance accumulates three sums v1, v2, v3 (Aalen's estimator, the delta method on
 *   S and F) over the event times, with each tied-event count weighted by the tie correction
 *   t5 = 1 - (d - 1) / (r - 1): for events of the other causes (d' = d_j - d_cj, while
 *   S_j > 0) with a = F_c(t_j) / S_j, b = 1 / S_j, and for events of cause c with
 *   a = 1 + F_c(t_j) / S_j, b = 1 / S_j (0 when S_j = 0), each term w = S_j-^2 t5 d / r_j^2:
 *   v1 += a^2 w, v2 += a b w, v3 += b^2 w; then Var F_c(t_j) = v1 + F^2 v3 - 2 F v2.
 * As in cmprsk, the variance is updated only at the times of events of cause c and carried
 * forward unchanged over other times, and no jitter is applied to tied times.
 *
 * Deviation from R: with no events at all (every status 0, or no rows), `cuminc` stops with
 * "NAs in foreign function call"; here the result is empty of causes: `causes` `[]`,
 * `estimate` and `variance` `{}`, `time` the distinct censoring times. (`grayTest` on such data
 * likewise returns no tests.)
 *
 * @param input Rows `{ time, status }` or columns `{ time, status }`; status 0 censored, a
 *   positive integer the cause.
 * @returns `{ causes, time, estimate, variance }`, arrays aligned with `time`; no causes (and
 *   empty `estimate` and `variance`) when there is no event, where R's `cuminc` stops.
 * @throws {TypeError} when the input is malformed.
 * @throws {RangeError} naming index and value of a bad time or a status that is not a
 *   non-negative integer.
 * @example
 * const ci = cumulativeIncidence([
 *   { time: 1, status: 1 }, { time: 2, status: 2 }, { time: 3, status: 0 }, { time: 4, status: 1 },
 * ]);
 * ci.estimate[1]; // => [0.25, 0.25, 0.25, 0.75]
 */
export function cumulativeIncidence(input: CompetingRiskInput): CumulativeIncidence {
  const { time, status } = readTimeStatus('input', input);
  const n = time.length;
  // times bucketed by status (censored, then each cause) and sorted natively per bucket
  const causeSet = new Set<number>();
  for (let i = 0; i < n; i++) if (status[i]! !== 0) causeSet.add(status[i]!);
  const causes = [...causeSet].sort((a, b) => a - b);
  const nc = causes.length;
  const causeIndex = new Map<number, number>();
  for (let k = 0; k < nc; k++) causeIndex.set(causes[k]!, k);
  // bucket 0 censored, bucket k + 1 cause k
  const counts = new Int32Array(nc + 2);
  const bucket = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = status[i] === 0 ? 0 : causeIndex.get(status[i]!)! + 1;
    bucket[i] = b;
    counts[b + 1]!++;
  }
  for (let b = 0; b <= nc; b++) counts[b + 1]! += counts[b]!;
  const fill = counts.slice(0, nc + 1);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[fill[bucket[i]!]!++] = time[i]!;
  for (let b = 0; b <= nc; b++) sorted.subarray(counts[b]!, counts[b + 1]!).sort();

  const pos = counts.slice(0, nc + 1);
  const end = counts.slice(1, nc + 2);
  const dc = new Float64Array(nc);
  const f = new Float64Array(nc);
  const v1 = new Float64Array(nc);
  const v2 = new Float64Array(nc);
  const v3 = new Float64Array(nc);
  const vr = new Float64Array(nc);
  const outTime: number[] = [];
  const outF: number[][] = causes.map(() => []);
  const outV: number[][] = causes.map(() => []);
  let fk = 1;
  let rs = n;
  for (;;) {
    let t = Number.POSITIVE_INFINITY;
    for (let b = 0; b <= nc; b++)
      if (pos[b]! < end[b]! && sorted[pos[b]!]! < t) t = sorted[pos[b]!]!;
    if (t === Number.POSITIVE_INFINITY) break;
    let leaving = 0;
    let nd = 0;
    for (let b = 0; b <= nc; b++) {
      let p = pos[b]!;
      const p0 = p;
      while (p < end[b]! && sorted[p] === t) p++;
      pos[b] = p;
      leaving += p - p0;
      if (b > 0) {
        dc[b - 1] = p - p0;
        nd += p - p0;
      }
    }
    if (nd > 0) {
      const fkn = (fk * (rs - nd)) / rs;
      for (let c = 0; c < nc; c++) {
        const nd1 = dc[c]!;
        const nd2 = nd - nd1;
        if (nd1 > 0) f[c]! += (fk * nd1) / rs;
        const fc = f[c]!;
        if (nd2 > 0 && fkn > 0) {
          const t5 = nd2 > 1 ? 1 - (nd2 - 1) / (rs - 1) : 1;
          const t6 = (fk * fk * t5 * nd2) / (rs * rs);
          const t3 = 1 / fkn;
          const t4 = fc / fkn;
          v1[c]! += t4 * t4 * t6;
          v2[c]! += t3 * t4 * t6;
          v3[c]! += t3 * t3 * t6;
        }
        if (nd1 > 0) {
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (rs - 1) : 1;
          const t6 = (fk * fk * t5 * nd1) / (rs * rs);
          const t3 = fkn > 0 ? 1 / fkn : 0;
          const t4 = 1 + t3 * fc;
          v1[c]! += t4 * t4 * t6;
          v2[c]! += t3 * t4 * t6;
          v3[c]! += t3 * t3 * t6;
          vr[c] = v1[c]! + fc * fc * v3[c]! - 2 * fc * v2[c]!;
        }
      }
      fk = fkn;
    }
    rs -= leaving;
    outTime.push(t);
    for (let c = 0; c < nc; c++) {
      outF[c]!.push(f[c]!);
      outV[c]!.push(vr[c]!);
    }
  }
  const estimate: Record<number, number[]> = {};
  const variance: Record<number, number[]> = {};
  causes.forEach((c, k) => {
    estimate[c] = outF[k]!;
    variance[c] = outV[k]!;
  });
  return { causes, time: outTime, estimate, variance };
}

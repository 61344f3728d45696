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
  const causeSet = new Set<number>();
  for (let i = 0; i < status.length; i++) if (status[i]! !== 0) causeSet.add(status[i]!);
  const causes = [...causeSet].sort((a, b) => a - b);
  const buckets = bucketByStatus(time, status, causes);
  const walk = startWalk(time.length, causes.length);
  const outTime: number[] = [];
  const outF: number[][] = causes.map(() => []);
  const outV: number[][] = causes.map(() => []);
  for (;;) {
    const t = nextTime(buckets);
    if (t === Number.POSITIVE_INFINITY) break;
    const leaving = takeTime(buckets, t, walk);
    if (walk.events > 0) addEventTime(walk);
    walk.atRisk -= leaving;
    outTime.push(t);
    for (let c = 0; c < causes.length; c++) {
      outF[c]!.push(walk.incidence[c]!);
      outV[c]!.push(walk.variance[c]!);
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

// Legend: the names below and their symbols in cmprsk's Fortran routine cinc (src/cincsub.f,
// cmprsk 2.2-11, the fixtures' version; 2.2-12 only reflows a loop). cinc estimates one cause
// per call from indicators ic (any event) and icc (the cause); the walk here does every cause
// at once, so its per-cause quantities are arrays indexed by the cause's rank in `causes`.
//
//   ours                    cincsub.f        meaning (the notation of the TSDoc above)
//   walk.atRisk             rs               subjects at risk at t [r_j]
//   walk.events             nd               events of any cause at t [d_j]
//   walk.causeEvents[c],    nd1              events of cause c at t [d_cj]
//     causeCount
//   otherEvents             nd2              events of the other causes at t [d_j - d_cj]
//   walk.survivalBefore     fk               all-cause Kaplan-Meier just before t [S_j-]
//   survival                fkn              ... at t [S_j]
//   walk.incidence[c],      f(lcnt)          cumulative incidence of cause c at t [F_c(t_j)]
//     estimate
//   walk.sumAA, .sumAB,     v1, v2, v3       the three variance sums [v1, v2, v3]
//     .sumBB
//   walk.variance[c]        v(lcnt)          Var F_c(t_j) = v1 + F^2 v3 - 2 F v2
//   tieCorrection           t5               1 - (d - 1) / (r - 1) for d tied events
//   weight                  t6               S_j-^2 t5 d / r_j^2 [w]
//   coefA, coefB            t4, t3           the coefficients of the term [a, b]
//   leaving                 l - ll + 1       subjects with a time equal to t

/** The times bucketed by status (bucket 0 censored, bucket k + 1 cause k), each bucket sorted. */
interface StatusBuckets {
  readonly sorted: Float64Array;
  /** The next unread position of each bucket. */
  readonly next: Int32Array;
  /** The end of each bucket. */
  readonly end: Int32Array;
}

/** The walk over the distinct times, every cause at once (see the legend). */
interface IncidenceWalk {
  atRisk: number;
  events: number;
  readonly causeEvents: Float64Array;
  survivalBefore: number;
  readonly incidence: Float64Array;
  readonly sumAA: Float64Array;
  readonly sumAB: Float64Array;
  readonly sumBB: Float64Array;
  readonly variance: Float64Array;
}

/** `time` bucketed by status and sorted natively per bucket: a k-way merge walks them. */
function bucketByStatus(
  time: Float64Array,
  status: Int32Array,
  causes: readonly number[],
): StatusBuckets {
  const n = time.length;
  const nc = causes.length;
  const causeIndex = new Map<number, number>();
  for (let k = 0; k < nc; k++) causeIndex.set(causes[k]!, k);
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
  return { sorted, next: counts.slice(0, nc + 1), end: counts.slice(1, nc + 2) };
}

function startWalk(n: number, nc: number): IncidenceWalk {
  return {
    atRisk: n,
    events: 0,
    causeEvents: new Float64Array(nc),
    survivalBefore: 1,
    incidence: new Float64Array(nc),
    sumAA: new Float64Array(nc),
    sumAB: new Float64Array(nc),
    sumBB: new Float64Array(nc),
    variance: new Float64Array(nc),
  };
}

/** The smallest unread time of any bucket; Infinity when all are read. */
function nextTime({ sorted, next, end }: StatusBuckets): number {
  let t = Number.POSITIVE_INFINITY;
  for (let b = 0; b < next.length; b++) {
    if (next[b]! < end[b]! && sorted[next[b]!]! < t) t = sorted[next[b]!]!;
  }
  return t;
}

/**
 * Reads every subject with time `t`: sets the walk's events at t, of each cause and in all,
 * and returns how many subjects leave the risk set after t.
 */
function takeTime({ sorted, next, end }: StatusBuckets, t: number, walk: IncidenceWalk): number {
  let leaving = 0;
  let events = 0;
  for (let b = 0; b < next.length; b++) {
    let p = next[b]!;
    const p0 = p;
    while (p < end[b]! && sorted[p] === t) p++;
    next[b] = p;
    leaving += p - p0;
    if (b > 0) {
      walk.causeEvents[b - 1] = p - p0;
      events += p - p0;
    }
  }
  walk.events = events;
  return leaving;
}

/**
 * One event time: each cause's incidence and variance sums (cinc from label 30 to 35, the
 * other causes' term while S_j > 0, then the cause's own), then S_j- becomes S_j.
 */
function addEventTime(walk: IncidenceWalk): void {
  const { causeEvents, incidence, sumAA, sumAB, sumBB, variance } = walk;
  const { atRisk, events, survivalBefore } = walk;
  const survival = (survivalBefore * (atRisk - events)) / atRisk;
  for (let c = 0; c < causeEvents.length; c++) {
    const causeCount = causeEvents[c]!;
    const otherEvents = events - causeCount;
    if (causeCount > 0) incidence[c]! += (survivalBefore * causeCount) / atRisk;
    const estimate = incidence[c]!;
    if (otherEvents > 0 && survival > 0) {
      const tieCorrection = otherEvents > 1 ? 1 - (otherEvents - 1) / (atRisk - 1) : 1;
      const weight =
        (survivalBefore * survivalBefore * tieCorrection * otherEvents) / (atRisk * atRisk);
      const coefB = 1 / survival;
      const coefA = estimate / survival;
      sumAA[c]! += coefA * coefA * weight;
      sumAB[c]! += coefB * coefA * weight;
      sumBB[c]! += coefB * coefB * weight;
    }
    if (causeCount > 0) {
      const tieCorrection = causeCount > 1 ? 1 - (causeCount - 1) / (atRisk - 1) : 1;
      const weight =
        (survivalBefore * survivalBefore * tieCorrection * causeCount) / (atRisk * atRisk);
      const coefB = survival > 0 ? 1 / survival : 0;
      const coefA = 1 + coefB * estimate;
      sumAA[c]! += coefA * coefA * weight;
      sumAB[c]! += coefB * coefA * weight;
      sumBB[c]! += coefB * coefB * weight;
      variance[c] = sumAA[c]! + estimate * estimate * sumBB[c]! - 2 * estimate * sumAB[c]!;
    }
  }
  walk.survivalBefore = survival;
}

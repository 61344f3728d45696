import { sortNonNegative } from './split-sort.js';

// R's time fix: survfit() and survdiff() (timefix = TRUE, the default) pass the Surv object
// through survival::aeqSurv before anything else (survival 3.5-3):
//
//   y <- sort(unique(time)); dy <- diff(y)
//   tied <- (dy <= tol) | (dy / mean(abs(y)) <= tol)      tol = sqrt(.Machine$double.eps)
//   cuts <- y[c(TRUE, !tied)]
//   time <- cuts[findInterval(time, cuts)]
//
// so every distinct time whose gap to the previous distinct time is at most tol (absolute) or
// at most tol times the mean of the distinct times (relative) takes the value of the previous
// one: each chain of such times becomes its smallest member, however long the chain. The mean
// is over the distinct times of the whole data set (all groups and strata), so with times near
// 1e9 gaps up to about 15 are ties, and small times beside huge ones can merge. cmprsk's cuminc
// has no such step (cumulativeIncidence does not use this).
//
// The check is one pass over the sorted distinct times feeding a TimeGaps (count, exact
// sum, smallest gap: some gap is tied iff the smallest one is, both tests being monotone in the
// gap): distinctTimeGaps. kaplanMeier and logRank with one stratum then merge as their walk
// goes, given the mean: a distinct time whose gap to the previous one is tied is counted with
// it, so the times are never rewritten. fixTimes (logRank with strata, where a chain can pass
// through other strata's times; coxph) rewrites the runs in place, only when some gap is tied
// (mergeCloseTimes); the runs stay ascending.

/** sqrt(.Machine$double.eps), aeqSurv's default tolerance. */
export const TIMEFIX_TOLERANCE = Math.sqrt(2 ** -52);

/** Up to this many runs the check walks their heads; beyond, one sorted copy of all times. */
const MAX_HEADS = 8;

/** The scale of the kept sum of times (2^-32): see TimeGaps.add. */
const SUM_SCALE = 2 ** -32;

/** aeqSurv's test of a gap between consecutive distinct times, given their mean. */
export function isTiedGap(gap: number, mean: number): boolean {
  return gap <= TIMEFIX_TOLERANCE || gap / mean <= TIMEFIX_TOLERANCE;
}

/**
 * Streaming statistics of ascending distinct times: feed each one to `add`. The state lives in
 * a Float64Array (count, sum as an unevaluated pair hi + lo, previous time, smallest gap) so
 * that the hot loops that feed it update unboxed doubles.
 */
export class TimeGaps {
  private readonly state = new Float64Array([0, 0, 0, 0, Number.POSITIVE_INFINITY]);

  add(t: number): void {
    const st = this.state;
    // The sum kept exactly as hi + lo (Knuth's TwoSum): lo holds the rounding error of each
    // addition, so hi + lo is the sum to about 2^-106 relative. It is the sum of t * 2^-32, a
    // scaling by a power of two that changes no digit (for times from 1e-298 on) but keeps the
    // sum finite: times near the largest double summed to Infinity, which made every gap tied
    // and merged all times into one (R sums in long double and does not overflow).
    const hi = st[1]!;
    const u = t * SUM_SCALE;
    const s = hi + u;
    const back = s - hi;
    st[2]! += hi - (s - back) + (u - back);
    st[1] = s;
    const gap = t - st[3]!;
    if (st[0]! > 0 && gap < st[4]!) st[4] = gap;
    st[3] = t;
    st[0]!++;
  }

  /** The number of distinct times seen. */
  count(): number {
    return this.state[0]!;
  }

  /** mean(abs(y)) of the distinct times y seen (times are >= 0), as R's `mean` rounds it. */
  mean(): number {
    const st = this.state;
    return correctedMean(st[1]!, st[2]!, st[0]!) / SUM_SCALE;
  }

  /** True when aeqSurv would merge at least one pair of the times seen. */
  anyTied(): boolean {
    return this.state[0]! >= 2 && isTiedGap(this.state[4]!, this.mean());
  }
}

/**
 * The mean (hi + lo) / n of an exactly kept sum, rounded once, as R's `mean` returns it.
 *
 * R's `mean` (summary.c, real case) sums in long double, divides, then makes a second pass
 * adding sum(x - mean) / n, also in long double: its result is the true mean rounded to the
 * nearest double but for a true mean within about 1e-19 relative of a rounding midpoint. A
 * single rounded sum divided by n can be one ulp off instead, and aeqSurv's test gap / mean <=
 * tol compares with that mean: times 0, 8.627674072872897e-7, 173.6980209350586 merge in R
 * only because its mean is the correctly rounded one. So here, as R's correcting pass: m =
 * hi / n, then the residual (hi + lo) - m n, exact through Dekker's product (m n as p + e),
 * and m + residual / n.
 */
function correctedMean(hi: number, lo: number, n: number): number {
  const m = hi / n;
  // Dekker's split: m n = p + e exactly (n is a count, exact in 26 bits up to 6.7e7 times;
  // beyond, the product is still exact to far below one ulp of m).
  const p = m * n;
  const [mh, ml] = split(m);
  const [nh, nl] = split(n);
  const e = mh * nh - p + mh * nl + ml * nh + ml * nl;
  const corrected = m + (hi - p - e + lo) / n;
  // Times near the largest double overflow the split; the single rounding is kept there.
  return Number.isFinite(corrected) ? corrected : m;
}

/** Veltkamp's split of a double into two halves of 26 bits whose sum is exact. */
function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const high = c - (c - a);
  return [high, a - high];
}

/**
 * The smallest head of ascending runs, `pos[r]` being where run r's walk stands; Infinity once
 * every run is exhausted. Small enough for the JIT to inline, so the double it returns stays
 * unboxed in the loops below.
 */
function smallestHead(runs: readonly Float64Array[], pos: Int32Array): number {
  let t = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs.length; r++) {
    const a = runs[r]!;
    const p = pos[r]!;
    if (p < a.length && a[p]! < t) t = a[p]!;
  }
  return t;
}

/**
 * Rewrites ascending runs of times in place as aeqSurv does, given the mean of all their
 * distinct times (`TimeGaps.mean()`): each time becomes the first member of its chain. One walk
 * over the heads of the runs: a distinct time whose gap to the previous one is not tied is a
 * cut, and each time is replaced by the latest cut as the walk passes it (findInterval). The
 * runs stay ascending.
 */
export function mergeCloseTimes(runs: readonly Float64Array[], mean: number): void {
  const pos = new Int32Array(runs.length);
  let prev = Number.NaN;
  let cut = 0;
  for (;;) {
    const t = smallestHead(runs, pos);
    if (t === Number.POSITIVE_INFINITY) return;
    // prev is NaN at the first time, which is always a cut
    if (Number.isNaN(prev) || !isTiedGap(t - prev, mean)) cut = t;
    for (let r = 0; r < runs.length; r++) {
      const a = runs[r]!;
      let p = pos[r]!;
      while (p < a.length && a[p] === t) a[p++] = cut;
      pos[r] = p;
    }
    prev = t;
  }
}

/**
 * The TimeGaps of the distinct times of ascending runs: a two-pointer walk for kaplanMeier's
 * event and censoring arrays, a walk over the heads of up to MAX_HEADS runs, else one pass over
 * a sorted copy of all the times. Loops, not callbacks: a closure updating a captured number
 * would box a double per time.
 */
export function distinctTimeGaps(runs: readonly Float64Array[]): TimeGaps {
  const gaps = new TimeGaps();
  if (runs.length <= 2) {
    const a = runs[0] ?? new Float64Array(0);
    const b = runs[1] ?? new Float64Array(0);
    const na = a.length;
    const nb = b.length;
    let i = 0;
    let j = 0;
    while (i < na || j < nb) {
      const x = i < na ? a[i]! : Number.POSITIVE_INFINITY;
      const y = j < nb ? b[j]! : Number.POSITIVE_INFINITY;
      const t = x < y ? x : y;
      while (i < na && a[i] === t) i++;
      while (j < nb && b[j] === t) j++;
      gaps.add(t);
    }
  } else if (runs.length <= MAX_HEADS) {
    const pos = new Int32Array(runs.length);
    for (;;) {
      const t = smallestHead(runs, pos);
      if (t === Number.POSITIVE_INFINITY) break;
      for (let r = 0; r < runs.length; r++) {
        const a = runs[r]!;
        let p = pos[r]!;
        while (p < a.length && a[p] === t) p++;
        pos[r] = p;
      }
      gaps.add(t);
    }
  } else {
    let n = 0;
    for (const a of runs) n += a.length;
    const all = new Float64Array(n);
    let o = 0;
    for (const a of runs) {
      all.set(a, o);
      o += a.length;
    }
    sortNonNegative(all);
    for (let i = 0; i < n; ) {
      const t = all[i]!;
      gaps.add(t);
      i++;
      while (i < n && all[i] === t) i++;
    }
  }
  return gaps;
}

/**
 * aeqSurv on ascending runs of times (fresh copies owned by the caller), in place: the check
 * (distinctTimeGaps), then, only when some gap is tied, mergeCloseTimes. Returns true when
 * some time was replaced.
 */
export function fixTimes(runs: readonly Float64Array[]): boolean {
  const gaps = distinctTimeGaps(runs);
  if (!gaps.anyTied()) return false;
  mergeCloseTimes(runs, gaps.mean());
  return true;
}

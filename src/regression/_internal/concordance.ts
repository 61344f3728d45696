// Harrell's concordance of a Cox model's linear predictor with its infinitesimal-jackknife
// standard error, the rule of survival 3.x's concordancefit() (called by coxph with reverse =
// TRUE and timewt = "n"; C routine concordance3), written from its definition.
//
// A pair is comparable when one member i has an event at t_i and the other j is still at risk
// then, in the same stratum: t_j > t_i, or t_j = t_i with j censored (censorings at a tied time
// come after its deaths). Pairs of tied deaths are not comparable. With x the linear predictor,
// the pair is concordant when x_j > x_i, discordant when x_j < x_i, tied on x when equal; C, D, T
// count them over all strata, npair = C + D + T and Somers' d = (C - D) / npair. For each
// subject k, C_k, D_k, T_k count the comparable pairs it belongs to, as either member, and
//   dfbeta_k = (C_k - D_k) / npair - d (C_k + D_k + T_k) / npair,   var(d) = sum_k dfbeta_k^2;
// the concordance is (d + 1) / 2 with variance var(d) / 4. coxph asks for the reverse (a high
// risk score should mean a short time): concordance 1 - (d + 1) / 2 = (1 - d) / 2, same variance.
//
// Each stratum is walked from the latest time backwards with two Fenwick trees over the ranks of
// x: one of the subjects at risk, one of the deaths seen so far. A death counts the at-risk
// subjects above, below and level with it. An at-risk subject's pairs with deaths at earlier
// times are the deaths tree's counts at the end of the stratum minus its counts when the subject
// entered the risk set (concordance3's two passes, and its final loop).

/** The concordance and its standard error; null when no pair is comparable. */
export interface ConcordanceResult {
  readonly estimate: number | null;
  readonly stdErr: number | null;
}

/** A Fenwick (binary indexed) tree of counts over ranks 0..size-1. */
class RankCounts {
  private readonly tree: Float64Array;
  total = 0;
  constructor(size: number) {
    this.tree = new Float64Array(size + 1);
  }
  add(rank: number): void {
    for (let i = rank + 1; i < this.tree.length; i += i & -i) this.tree[i]! += 1;
    this.total++;
  }
  /** Count of ranks < rank. */
  below(rank: number): number {
    let s = 0;
    for (let i = rank; i > 0; i -= i & -i) s += this.tree[i]!;
    return s;
  }
}

/** Per-subject pair counts: concordant, discordant, tied on x. */
class PairCounts {
  readonly con: Float64Array;
  readonly dis: Float64Array;
  readonly tie: Float64Array;
  constructor(n: number) {
    this.con = new Float64Array(n);
    this.dis = new Float64Array(n);
    this.tie = new Float64Array(n);
  }
  /**
   * Adds `sign` x subject i's pairs with the deaths in `deaths` (as the at-risk member: a death
   * below it is a concordant pair).
   */
  asAtRisk(i: number, rank: number, deaths: RankCounts, sign: 1 | -1): void {
    const below = deaths.below(rank);
    const level = deaths.below(rank + 1) - below;
    this.con[i]! += sign * below;
    this.dis[i]! += sign * (deaths.total - below - level);
    this.tie[i]! += sign * level;
  }
  /** Adds death i's pairs with the subjects in `atRisk` (one above it is a concordant pair). */
  asDeath(i: number, rank: number, atRisk: RankCounts): void {
    const below = atRisk.below(rank);
    const level = atRisk.below(rank + 1) - below;
    this.con[i]! += atRisk.total - below - level;
    this.dis[i]! += below;
    this.tie[i]! += level;
  }
}

/** Dense ranks (0-based) of the values, equal values sharing a rank. */
function denseRanks(x: ArrayLike<number>): { ranks: Int32Array; size: number } {
  const n = x.length;
  const idx = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const ranks = new Int32Array(n);
  let r = -1;
  for (let k = 0; k < n; k++) {
    if (k === 0 || x[idx[k]!] !== x[idx[k - 1]!]) r++;
    ranks[idx[k]!] = r;
  }
  return { ranks, size: r + 1 };
}

/** Counts the pairs of one stratum: `rows` sorted by time descending, censored first at a tie. */
function countStratum(
  rows: Int32Array,
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  ranks: Int32Array,
  size: number,
  counts: PairCounts,
): void {
  const atRisk = new RankCounts(size);
  const deaths = new RankCounts(size);
  for (let k = 0; k < rows.length; ) {
    const t = time[rows[k]!]!;
    let end = k;
    while (end < rows.length && time[rows[end]!] === t) end++;
    let first = k; // first death at t
    // censored at t enter the risk set; their pairs are with deaths from now on
    for (; first < end && event[rows[first]!] === 0; first++) {
      const i = rows[first]!;
      counts.asAtRisk(i, ranks[i]!, deaths, -1);
      atRisk.add(ranks[i]!);
    }
    // deaths at t are compared with those at risk (later times, censored at t), then enter it
    for (let m = first; m < end; m++) {
      const i = rows[m]!;
      counts.asDeath(i, ranks[i]!, atRisk);
      deaths.add(ranks[i]!);
    }
    for (let m = first; m < end; m++) {
      const i = rows[m]!;
      counts.asAtRisk(i, ranks[i]!, deaths, -1);
      atRisk.add(ranks[i]!);
    }
    k = end;
  }
  for (const i of rows) counts.asAtRisk(i, ranks[i]!, deaths, 1);
}

/**
 * The reversed concordance of `x` with (time, event), within strata (`stratum` codes, or null),
 * as coxph's `concordance` component.
 */
export function coxConcordance(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  x: ArrayLike<number>,
  stratum: ArrayLike<number> | null,
): ConcordanceResult {
  const n = time.length;
  const { ranks, size } = denseRanks(x);
  const stratumOf = (i: number) => (stratum === null ? 0 : stratum[i]!);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => stratumOf(a) - stratumOf(b) || time[b]! - time[a]! || event[a]! - event[b]!,
  );
  const counts = new PairCounts(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && stratumOf(order[end]!) === stratumOf(order[start]!)) end++;
    countStratum(order.subarray(start, end), time, event, ranks, size, counts);
    start = end;
  }
  // every pair was counted once for each member
  let c = 0;
  let d = 0;
  let tx = 0;
  for (let i = 0; i < n; i++) {
    c += counts.con[i]!;
    d += counts.dis[i]!;
    tx += counts.tie[i]!;
  }
  const npair = (c + d + tx) / 2;
  if (npair === 0) return { estimate: null, stdErr: null };
  const somers = (c - d) / 2 / npair;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const con = counts.con[i]!;
    const dis = counts.dis[i]!;
    const dfbeta = (con - dis) / npair - (somers / npair) * (con + dis + counts.tie[i]!);
    v += dfbeta * dfbeta;
  }
  return { estimate: 1 - (somers + 1) / 2, stdErr: Math.sqrt(v / 4) };
}

// The score vector and information matrix behind cox.zph's test (survival >= 3.0, C routine
// zph1), written from its definition. cox.zph tests proportional hazards as a score test of
// gamma = 0 in the expanded model with coefficients beta + gamma g(t) (Grambsch & Therneau
// 1994), at the fitted beta and gamma = 0: one Newton step's score test, with no refit.
//
// At each death time t (within strata, Efron's or Breslow's terms exactly as the fit), with
// xbar(t) the risk-weighted mean and V(t) the risk-weighted covariance of x (Efron: each of the
// d terms with 1/d of the deaths' sums added), and g = g(t):
//   u     = [ sum (x_i - xbar),   sum g (x_i - xbar) ]     (over deaths; the first half is the
//                                                          fit's score, ~0, and is set to 0)
//   imat  = [ sum V,   sum g V ;   sum g V,   sum g^2 V ]    (2p x 2p)
// The covariates are first centred at their plain mean (as zph1, for stability); the linear
// predictor eta is the fit's.
// Legend to zph1.c: denom, denom2, a, a2, cmat, cmat2, u, imat as there; gt = timewt, the
// centred g(t) of the death time; wt = wtave (Efron) or deadwt (Breslow).

/** u (2p) and imat (2p x 2p, full) of the expanded model. */
export interface ZphScore {
  readonly u: Float64Array;
  readonly imat: number[][];
}

/**
 * `order` sorts the rows by stratum then time; `g` is the centred time transform of each row.
 */
export function zphScore(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  x: readonly ArrayLike<number>[],
  eta: ArrayLike<number>,
  stratum: ArrayLike<number> | null,
  g: ArrayLike<number>,
  efron: boolean,
  order: ArrayLike<number>,
): ZphScore {
  const n = time.length;
  const p = x.length;
  const xc = x.map((col) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += col[i]!;
    const mean = s / n;
    return Float64Array.from({ length: n }, (_, i) => col[i]! - mean);
  });
  const u = new Float64Array(2 * p);
  const imat = Array.from({ length: 2 * p }, () => new Array<number>(2 * p).fill(0));
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  let denom = 0;
  let current = -1;
  let ip = n - 1;
  while (ip >= 0) {
    let person = order[ip]!;
    const s = stratum === null ? 0 : stratum[person]!;
    if (s !== current) {
      current = s;
      denom = 0;
      a.fill(0);
      cmat.fill(0);
    }
    const dtime = time[person]!;
    const gt = g[person]!;
    let ndead = 0;
    let denom2 = 0;
    for (; ip >= 0; ip--) {
      person = order[ip]!;
      if (time[person] !== dtime || (stratum === null ? 0 : stratum[person]!) !== current) break;
      const risk = Math.exp(eta[person]!);
      const dead = event[person] === 1;
      if (dead) {
        ndead++;
        denom2 += risk;
      } else denom += risk;
      const sa = dead ? a2 : a;
      const sc = dead ? cmat2 : cmat;
      for (let i = 0; i < p; i++) {
        const xi = xc[i]![person]!;
        if (dead) {
          u[i]! += xi;
          u[i + p]! += gt * xi;
        }
        sa[i]! += risk * xi;
        for (let j = 0; j <= i; j++) sc[i * p + j]! += risk * xi * xc[j]![person]!;
      }
    }
    if (ndead === 0) continue;
    const terms = efron ? ndead : 1;
    const wt = ndead / terms;
    for (let k = 0; k < terms; k++) {
      denom += efron ? denom2 / ndead : denom2;
      for (let i = 0; i < p; i++) {
        a[i]! += efron ? a2[i]! / ndead : a2[i]!;
        const mean = a[i]! / denom;
        u[i]! -= wt * mean;
        u[i + p]! -= gt * wt * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j]! += efron ? cmat2[i * p + j]! / ndead : cmat2[i * p + j]!;
          const v = (wt * (cmat[i * p + j]! - mean * a[j]!)) / denom;
          imat[j]![i]! += v;
          imat[j]![i + p]! += gt * v;
          imat[j + p]![i + p]! += gt * gt * v;
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  // fill in by symmetry: each p x p block from its upper triangle, then the lower-left block
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      imat[i]![j] = imat[j]![i]!;
      imat[i]![j + p] = imat[j]![i + p]!;
      imat[i + p]![j + p] = imat[j + p]![i + p]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) imat[i + p]![j] = imat[j]![i + p]!;
  return { u, imat };
}

import type { CoxProblem } from './cox-problem.js';

// The partial log-likelihood of a Cox model with its score vector and information matrix at
// one beta: the rule of survival's coxfit6.c (coxfit6_iter), written from its definition.
//
// Walking the sorted rows backwards in time, each stratum accumulates its risk set:
//   denom = sum r_j,  a = sum r_j x_j,  cmat = sum r_j x_j x_j'   with r_j = exp(x_j' beta).
// At a time with d tied deaths (risk sums denom2, a2, cmat2 over the deaths themselves):
//  - Breslow (or d = 1): the deaths join the risk set, then
//      loglik -= d log(denom),  u -= d a / denom,  imat += d (cmat / denom - a a' / denom^2);
//  - Efron: d terms k = 1..d, each adding 1/d of the deaths' sums before it is taken, so the
//    k-th term has the deaths (d - k) / d in, 1 - that out of the risk set:
//      denom += denom2 / d,  a += a2 / d,  cmat += cmat2 / d,
//      loglik -= log(denom),  u -= a / denom,  imat += cmat / denom - a a' / denom^2.
//  Every death also adds its x' beta to loglik and its x to u.
// Legend to coxfit6.c: denom, denom2, a, a2, cmat, cmat2, u, imat as there; zbeta = x' beta.

/** Scratch space and results of one evaluation, reused across iterations. */
export interface CoxState {
  loglik: number;
  /** Score vector U(beta). */
  readonly u: Float64Array;
  /** Information matrix -d2 loglik / d beta2 (full symmetric, p x p). */
  readonly imat: number[][];
  readonly a: Float64Array;
  readonly a2: Float64Array;
  readonly cmat: Float64Array;
  readonly cmat2: Float64Array;
}

export function coxState(p: number): CoxState {
  return {
    loglik: 0,
    u: new Float64Array(p),
    imat: Array.from({ length: p }, () => new Array<number>(p).fill(0)),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    cmat: new Float64Array(p * p),
    cmat2: new Float64Array(p * p),
  };
}

/** Fills `st` with loglik, U and the information at `beta` (scaled coordinates). */
export function coxIteration(
  prob: CoxProblem,
  beta: ArrayLike<number>,
  efron: boolean,
  st: CoxState,
): void {
  const { n, p, x, time, event, stratumEnd } = prob;
  const { u, imat, a, a2, cmat, cmat2 } = st;
  u.fill(0);
  a2.fill(0);
  cmat2.fill(0);
  for (const row of imat) row.fill(0);
  let loglik = 0;
  let denom = 0;
  let person = n - 1;
  while (person >= 0) {
    if (stratumEnd[person] === 1) {
      denom = 0;
      a.fill(0);
      cmat.fill(0);
    }
    const dtime = time[person]!;
    let ndead = 0;
    let denom2 = 0;
    while (person >= 0 && time[person] === dtime) {
      let zbeta = 0;
      for (let i = 0; i < p; i++) zbeta += beta[i]! * x[i]![person]!;
      const risk = Math.exp(zbeta);
      const dead = event[person] === 1;
      if (dead) {
        ndead++;
        denom2 += risk;
        loglik += zbeta;
      } else denom += risk;
      const sa = dead ? a2 : a;
      const sc = dead ? cmat2 : cmat;
      for (let i = 0; i < p; i++) {
        const xi = x[i]![person]!;
        if (dead) u[i]! += xi;
        sa[i]! += risk * xi;
        for (let j = 0; j <= i; j++) sc[i * p + j]! += risk * xi * x[j]![person]!;
      }
      person--;
      // ties do not cross strata
      if (person >= 0 && stratumEnd[person] === 1) break;
    }
    if (ndead === 0) continue;
    // Breslow takes the d deaths in one term; Efron in d terms of 1/d each (identical for d = 1)
    const terms = efron ? ndead : 1;
    const wt = ndead / terms;
    for (let k = 0; k < terms; k++) {
      denom += efron ? denom2 / ndead : denom2;
      loglik -= wt * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i]! += efron ? a2[i]! / ndead : a2[i]!;
        const mean = a[i]! / denom;
        u[i]! -= wt * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j]! += efron ? cmat2[i * p + j]! / ndead : cmat2[i * p + j]!;
          imat[j]![i]! += (wt * (cmat[i * p + j]! - mean * a[j]!)) / denom;
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) imat[i]![j] = imat[j]![i]!;
  st.loglik = loglik;
}

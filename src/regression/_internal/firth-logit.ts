import { qrFactor, qrHatDiagonal, qrInverseCrossProduct, qrLogDet } from './qr.js';

// Firth's penalised logistic regression as logistf (Heinze & Schemper 2002; logistf.c,
// logistffit_revised), written from its definition. The penalised log-likelihood is
//   l*(beta) = sum [y log pi + (1 - y) log(1 - pi)] + 1/2 log det(X' W X),   W = diag(pi (1 - pi)),
// (Jeffreys' prior), and its gradient the modified score
//   U*(beta) = X' (y - pi + h (1/2 - pi)),   h the diagonal of the hat matrix W^1/2 X (X'WX)^-1 X' W^1/2.
// Each step is delta = (X' W* X)^-1 U* with W* = diag((1 + h) pi (1 - pi)) (the information of
// the augmented data logistf works with), scaled down so that max |delta| <= 5 (logistf's
// maxstep); logistf halves no step (maxhs = 0), here a step that lowers l* is halved (see
// below). Converged when max |delta| <= xconv, max |U*| < gconv and the increase of l* is
// < lconv, over the coefficients being fitted. The variance is (X' W* X)^-1 at the estimate:
// logistf's, not the plain (X'WX)^-1.
// Legend to logistf.c: beta, pi, Hdiag = h, Ustar = U*, fisher_cov / cov_augmented =
// (X'W*X)^-1, loglik = l*, tau = 1/2 (the 2 tau h of its weights is h here).
//
// Some coefficients may be held fixed (profile likelihood, penalised likelihood-ratio tests,
// the null model): they keep their value and only the others move, while the penalty is
// always that of the full design, as logistf's terms.fit.

/** The convergence settings of one fit. */
export interface FirthControl {
  readonly maxit: number;
  readonly maxstep: number;
  readonly lconv: number;
  readonly gconv: number;
  readonly xconv: number;
}

/** logistf.control values the fixtures were made with (fixtures/r/regression.R). */
export const FIRTH_CONTROL: FirthControl = {
  maxit: 1000,
  maxstep: 5,
  lconv: 1e-14,
  gconv: 1e-11,
  xconv: 1e-13,
};

/**
 * For the refits inside a profile: l* at a constrained maximum is insensitive to first order to
 * the free coefficients, so coefficients within 1e-9 give l* to ~1e-16 relative, and the limit
 * (a root of l*) to the same precision as the tight setting, at a third of the iterations.
 */
export const FIRTH_PROFILE_CONTROL: FirthControl = {
  maxit: 1000,
  maxstep: 5,
  lconv: 1e-12,
  gconv: 1e-7,
  xconv: 1e-9,
};

/** The penalised fit at one beta. */
export interface FirthPoint {
  readonly beta: Float64Array;
  /** l*(beta). */
  readonly loglik: number;
  /** U*(beta). */
  readonly score: Float64Array;
  /** sqrt((1 + h_i) pi_i (1 - pi_i)): X'W*X is the cross product of the rows scaled by it. */
  readonly augmentedWeight: Float64Array;
}

/** The fit: the last point, with its iteration count. */
export interface FirthFit extends FirthPoint {
  readonly iterations: number;
  readonly converged: boolean;
}

/** (X'W*X)^-1 over the columns `which` (all by default) at a point: logistf's variance. */
export function firthVariance(
  columns: readonly ArrayLike<number>[],
  point: FirthPoint,
  which: readonly number[] = columns.map((_, j) => j),
): number[][] {
  const w = point.augmentedWeight;
  return qrInverseCrossProduct(
    qrFactor(which.map((j) => Float64Array.from(w, (wi, i) => columns[j]![i]! * wi))),
  );
}

/** l* and U* at beta. */
export function firthPoint(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  beta: Float64Array,
): FirthPoint {
  const n = y.length;
  const p = columns.length;
  const pi = new Float64Array(n);
  const sw = new Float64Array(n);
  let loglik = 0;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += columns[j]![i]! * beta[j]!;
    pi[i] = 1 / (1 + Math.exp(-eta));
    sw[i] = Math.sqrt(pi[i]! * (1 - pi[i]!));
    // log pi = -log(1 + e^-eta), log(1 - pi) = -log(1 + e^eta): stable for large |eta|
    loglik -= y[i] === 1 ? Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  }
  const weighted = columns.map((col) =>
    Float64Array.from({ length: n }, (_, i) => col[i]! * sw[i]!),
  );
  const qr = qrFactor(weighted);
  loglik += 0.5 * qrLogDet(qr);
  const h = qrHatDiagonal(qr, weighted);
  const score = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += columns[j]![i]! * (y[i]! - pi[i]! + h[i]! * (0.5 - pi[i]!));
    score[j] = s;
  }
  const augmentedWeight = Float64Array.from(sw, (w, i) => w * Math.sqrt(1 + h[i]!));
  return { beta, loglik, score, augmentedWeight };
}

/**
 * Maximises l* over the coefficients with `free[j]` true, the others held at their value in
 * `start`.
 */
export function firthLogit(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  start: ArrayLike<number>,
  free: readonly boolean[],
  control: FirthControl = FIRTH_CONTROL,
): FirthFit {
  const p = columns.length;
  const fit = free.flatMap((f, j) => (f ? [j] : []));
  let point = firthPoint(columns, y, Float64Array.from(start));
  if (fit.length === 0) return { ...point, iterations: 0, converged: true };
  for (let iter = 0; iter < control.maxit; iter++) {
    // delta over the fitted coefficients: the inverse of their block of X'W*X, times U*
    // the inverse of the fitted columns' block (not the block of the inverse)
    const sub = firthVariance(columns, point, fit);
    const delta = new Float64Array(p);
    for (let a = 0; a < fit.length; a++) {
      let s = 0;
      for (let b = 0; b < fit.length; b++) s += sub[a]![b]! * point.score[fit[b]!]!;
      delta[fit[a]!] = s;
    }
    let largest = 0;
    for (const j of fit) largest = Math.max(largest, Math.abs(delta[j]!));
    if (largest > control.maxstep) {
      for (const j of fit) delta[j] = (delta[j]! * control.maxstep) / largest;
      largest = control.maxstep;
    }
    let next = firthPoint(
      columns,
      y,
      Float64Array.from(point.beta, (b, j) => b + delta[j]!),
    );
    // A step that lowers l* (beyond rounding) is halved, up to 30 times. logistf halves none
    // (maxhs = 0) and starts every fit at 0; a warm-started profile refit can overshoot and
    // oscillate without it. Near the maximum l* rises at every step: the fixed point is logistf's.
    const floor = point.loglik - 1e-10 * (1 + Math.abs(point.loglik));
    for (let h = 0; h < 30 && !(next.loglik >= floor); h++) {
      for (const j of fit) delta[j] = delta[j]! / 2;
      largest /= 2;
      next = firthPoint(
        columns,
        y,
        Float64Array.from(point.beta, (b, j) => b + delta[j]!),
      );
    }
    const change = next.loglik - point.loglik;
    point = next;
    let scoreMax = 0;
    for (const j of fit) scoreMax = Math.max(scoreMax, Math.abs(point.score[j]!));
    if (largest <= control.xconv && scoreMax < control.gconv && change < control.lconv) {
      return { ...point, iterations: iter + 1, converged: true };
    }
  }
  return { ...point, iterations: control.maxit, converged: false };
}

import { type Qr, qrFactor, qrSolve } from './qr.js';

// Logistic regression by iteratively reweighted least squares, step for step as R's glm.fit
// with family = binomial (logit link), so that a fit stopped by glm's rule is R's to rounding
// (its variance comes from the weights of the last iteration, as summary.glm's does):
//   start   mu = (y + 1/2) / 2, eta = log(mu / (1 - mu))           (binomial()$initialize)
//   repeat  w = mu (1 - mu) (= mu.eta^2 / variance), z = eta - offset + (y - mu) / mu.eta;
//           b = argmin || sqrt(w) (z - X b) || by QR;  eta = X b + offset;  mu = expit(eta)
//           deviance D = -2 sum [y log mu + (1 - y) log(1 - mu)]
//   until   |D - D_old| / (|D| + 0.1) < epsilon                    (glm.control)
// A non-finite deviance halves the step back towards the previous coefficients, as glm.fit.
// The link functions are binomial()'s C code: expit clamps eta beyond +-30 to mu = eps / (1 +
// eps) or 1 / (1 + eps) with eps = 2^-52, and mu.eta is eps there.

const EPS = 2 ** -52;
const THRESH = 30;

function expit(eta: number): number {
  const t = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta);
  return t / (1 + t);
}

function muEta(eta: number): number {
  if (eta > THRESH || eta < -THRESH) return EPS;
  const e = Math.exp(eta);
  return e / ((1 + e) * (1 + e));
}

/** -2 log-likelihood of 0/1 outcomes at probabilities mu (binomial()$dev.resids summed). */
export function binomialDeviance(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < y.length; i++)
    d += y[i] === 1 ? -2 * Math.log(mu[i]!) : -2 * Math.log(1 - mu[i]!);
  return d;
}

/** A glm fit. */
export interface GlmLogitFit {
  readonly beta: Float64Array;
  readonly mu: Float64Array;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** QR of sqrt(w) X at the last iteration's weights: its (R'R)^-1 is the variance. */
  readonly qr: Qr | null;
  /** Score X'(y - mu) at the estimate (0 at an unconstrained optimum). */
  readonly score: Float64Array;
}

/**
 * glm.fit(X, y, family = binomial(), offset, control = glm.control(epsilon, maxit)). `columns`
 * may be empty (a model with no coefficient: the deviance of the offset alone).
 */
export function glmLogit(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  offset: ArrayLike<number> | null,
  epsilon: number,
  maxit: number,
): GlmLogitFit {
  const n = y.length;
  const p = columns.length;
  const off = (i: number) => (offset === null ? 0 : offset[i]!);
  const mu = Float64Array.from({ length: n }, (_, i) => (y[i]! + 0.5) / 2);
  const eta = Float64Array.from(mu, (m) => Math.log(m / (1 - m)));
  if (p === 0) {
    for (let i = 0; i < n; i++) mu[i] = expit(off(i));
    return done(columns, y, new Float64Array(0), mu, binomialDeviance(y, mu), 0, true, null);
  }
  let devOld = binomialDeviance(y, mu);
  let coefOld: Float64Array | null = null;
  let beta: Float64Array = new Float64Array(p);
  let qr: Qr | null = null;
  for (let iter = 1; iter <= maxit; iter++) {
    const sw = new Float64Array(n);
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const me = muEta(eta[i]!);
      sw[i] = Math.sqrt((me * me) / (mu[i]! * (1 - mu[i]!)));
      z[i] = (eta[i]! - off(i) + (y[i]! - mu[i]!) / me) * sw[i]!;
    }
    qr = qrFactor(
      columns.map((col) => Float64Array.from({ length: n }, (_, i) => col[i]! * sw[i]!)),
    );
    beta = qrSolve(qr, z);
    let dev = update(columns, beta, off, eta, mu, y);
    // glm.fit: a non-finite deviance halves the step towards the previous coefficients
    for (let h = 0; !Number.isFinite(dev) && coefOld !== null && h < maxit; h++) {
      const prev = coefOld;
      beta = Float64Array.from(beta, (b, j) => (b + prev[j]!) / 2);
      dev = update(columns, beta, off, eta, mu, y);
    }
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
      return done(columns, y, beta, mu, dev, iter, true, qr);
    }
    devOld = dev;
    coefOld = beta;
  }
  return done(columns, y, beta, mu, devOld, maxit, false, qr);
}

/** eta = X beta + offset, mu = expit(eta); returns the deviance. */
function update(
  columns: readonly ArrayLike<number>[],
  beta: Float64Array,
  off: (i: number) => number,
  eta: Float64Array,
  mu: Float64Array,
  y: ArrayLike<number>,
): number {
  for (let i = 0; i < eta.length; i++) {
    let s = 0;
    for (let j = 0; j < beta.length; j++) s += columns[j]![i]! * beta[j]!;
    eta[i] = s + off(i);
    mu[i] = expit(eta[i]!);
  }
  return binomialDeviance(y, mu);
}

function done(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  beta: Float64Array,
  mu: Float64Array,
  deviance: number,
  iterations: number,
  converged: boolean,
  qr: Qr | null,
): GlmLogitFit {
  const score = columns.map((col) => {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += col[i]! * (y[i]! - mu[i]!);
    return s;
  });
  return {
    beta,
    mu,
    deviance,
    iterations,
    converged,
    qr,
    score: Float64Array.from(score),
  };
}

import { ldlFactor, ldlInverse, ldlSolve } from '../../stats/cholesky.js';
import { coxIteration, coxState } from './cox-iteration.js';
import type { CoxProblem } from './cox-problem.js';

// Newton-Raphson for the Cox partial likelihood with survival's step-halving rule (coxfit6.c,
// called by coxph.fit), from beta = 0:
//  - each step solves I(beta) delta = U(beta) through the rank-revealing LDL' factor of
//    survival's cholesky2 (src/stats/cholesky.ts);
//  - after a step the loglik is evaluated; converged when |1 - old / new| <= eps (old the best
//    loglik so far), and then beta is the newest point and the variance is I^-1 there;
//  - a step that lowers the loglik (or makes anything non-finite) is not taken: the new point
//    is pulled back towards the last good one, (new + h old) / (h + 1) with h = 1, 2, ... on
//    successive failures, "more aggressive when it doesn't work";
//  - out of iterations, the last good point is returned with its loglik and variance.
// The score test is U(0)' I(0)^- U(0) at the start, as coxfit6's sctest.

/** The fit on the scaled covariates (coxProblem); cox-regression.ts maps it back. */
export interface CoxFitScaled {
  readonly beta: Float64Array;
  /** I(beta)^-1, p x p. */
  readonly variance: number[][];
  readonly loglikNull: number;
  readonly loglik: number;
  /** U(beta) at the returned beta (scaled coordinates). */
  readonly u: Float64Array;
  readonly score: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Rank of I(0): less than p when the covariates are collinear within the risk sets. */
  readonly rankAtStart: number;
}

/** Runs coxfit6's iteration; `eps` its convergence tolerance, `maxIter` its iter.max. */
export function coxFit(
  prob: CoxProblem,
  efron: boolean,
  eps: number,
  maxIter: number,
): CoxFitScaled {
  const p = prob.p;
  const st = coxState(p);
  let beta = new Float64Array(p);
  coxIteration(prob, beta, efron, st);
  const loglikNull = st.loglik;
  let factor = ldlFactor(st.imat);
  const step = ldlSolve(factor, st.u);
  let score = 0;
  for (let i = 0; i < p; i++) score += st.u[i]! * step[i]!;
  const rankAtStart = factor.rank;

  let best = loglikNull;
  let next = Float64Array.from(beta, (b, i) => b + step[i]!);
  let halving = 0;
  for (let iter = 1; iter <= maxIter; iter++) {
    coxIteration(prob, next, efron, st);
    factor = ldlFactor(st.imat);
    const finite =
      Number.isFinite(st.loglik) &&
      st.u.every(Number.isFinite) &&
      st.imat.every((row) => row.every(Number.isFinite));
    if (finite && Math.abs(1 - best / st.loglik) <= eps) {
      return {
        beta: next,
        variance: ldlInverse(factor),
        loglikNull,
        loglik: st.loglik,
        u: Float64Array.from(st.u),
        score,
        iterations: iter,
        converged: true,
        rankAtStart,
      };
    }
    if (!finite || st.loglik < best) {
      halving++;
      const h = halving;
      next = Float64Array.from(next, (b, i) => (b + h * beta[i]!) / (h + 1));
    } else {
      halving = 0;
      best = st.loglik;
      const delta = ldlSolve(factor, st.u);
      beta = next;
      next = Float64Array.from(beta, (b, i) => b + delta[i]!);
    }
  }
  // Out of iterations: the last good point (coxfit6 re-evaluates there; its variance is taken
  // from a properly factored information, which coxfit6's own final chinv2 call skips).
  coxIteration(prob, beta, efron, st);
  return {
    beta,
    variance: ldlInverse(ldlFactor(st.imat)),
    loglikNull,
    loglik: st.loglik,
    u: Float64Array.from(st.u),
    score,
    iterations: maxIter,
    converged: false,
    rankAtStart,
  };
}

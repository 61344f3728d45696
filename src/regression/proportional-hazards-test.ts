import { assertArray, assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { ldlFactor, ldlSolve } from '../stats/cholesky.js';
import { type ChiSquareTest, chiSquareTest } from './_internal/p-values.js';
import { transformTimes, ZPH_TRANSFORMS, type ZphTransform } from './_internal/time-transform.js';
import { zphScore } from './_internal/zph-score.js';
import type { CoxRegressionFit } from './cox-regression.js';

export type { ZphTransform } from './_internal/time-transform.js';

/** Options of {@link proportionalHazardsTest}. */
export interface ProportionalHazardsTestOptions {
  /** The time scale g(t) the coefficients may drift along. Default `'km'`, as R. */
  readonly transform?: ZphTransform;
}

/** One covariate's test (a row of cox.zph's table). */
export interface ProportionalHazardsTerm extends ChiSquareTest {
  readonly name: string;
}

/** Result of {@link proportionalHazardsTest}, as R's `cox.zph(fit)$table`. */
export interface ProportionalHazardsTestResult {
  readonly transform: ZphTransform;
  /** One test per covariate (1 df each), in the fit's order. */
  readonly terms: readonly ProportionalHazardsTerm[];
  /** All covariates together (p df). */
  readonly global: ChiSquareTest;
}

/**
 * Tests the proportional-hazards assumption of a Cox fit, matching R's `cox.zph(fit,
 * transform)` of survival >= 3.0 (the score-test form, not the older correlation of scaled
 * Schoenfeld residuals with time).
 *
 * The model is expanded to coefficients beta + gamma g(t), g the chosen time scale centred at
 * its mean over the events, and gamma = 0 is tested by a score test at the fitted beta: with
 * U_g = sum over deaths of g(t_i) (x_i - xbar(t_i)) and the 2p x 2p information I of (beta,
 * gamma) (sums of V(t), g V(t), g^2 V(t) over the death times, V the risk-set covariance, Efron
 * or Breslow as the fit),
 * - covariate j: T_j = u' I_jj^-1 u on 1 df, u = (0, ..., 0, U_g,j) over (beta, gamma_j);
 * - global: T = u' I^-1 u on p df, u = (0, U_g).
 * p-values from the chi-square upper tail. Rules in docs/regression.md.
 *
 * @param fit A fit from {@link coxRegression} (its `model` holds the data the test needs).
 * @param options `transform`: `'km'` (1 - Kaplan-Meier just before t; default), `'rank'`
 *   (ranks of the times) or `'identity'` (t).
 * @returns One test per covariate and the global test.
 * @throws {TypeError} when `fit` is not a Cox fit (its coefficients and model missing).
 * @throws {RangeError} on an unknown transform, or a fit whose model columns disagree in length.
 * @example
 * const fit = coxRegression({
 *   time: [5, 8, 12, 20, 25, 30, 41, 52],
 *   event: [1, 1, 0, 1, 0, 1, 1, 0],
 *   covariates: { rt: [1, 0, 1, 1, 0, 0, 1, 0] },
 * });
 * proportionalHazardsTest(fit).global; // => { statistic: 0.02247..., df: 1, pValue: 0.8808... }
 */
export function proportionalHazardsTest(
  fit: CoxRegressionFit,
  options: ProportionalHazardsTestOptions = {},
): ProportionalHazardsTestResult {
  const { transform = 'km' } = options;
  assertOneOf('options.transform', transform, ZPH_TRANSFORMS);
  const { time, event, strata, x, eta, names, efron } = readFit(fit);
  const n = time.length;
  const p = names.length;
  const g = transformTimes(time, event, transform);
  let sum = 0;
  let deaths = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] === 1) {
      sum += g[i]!;
      deaths++;
    }
  }
  const centre = sum / deaths;
  for (let i = 0; i < n; i++) g[i] = g[i]! - centre;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (strata === null ? 0 : strata[a]! - strata[b]!) || time[a]! - time[b]! || a - b,
  );
  const { u, imat } = zphScore({ time, event, x, eta, stratum: strata, g, efron, order });
  // the first p components of u are the fit's score, 0 at the estimate: set to 0 as cox.zph
  const test = (keep: readonly number[]): number => {
    const sub = keep.map((r) => keep.map((c) => imat[r]![c]!));
    const v = keep.map((r) => (r < p ? 0 : u[r]!));
    const solved = ldlSolve(ldlFactor(sub), v);
    let s = 0;
    for (let k = 0; k < keep.length; k++) s += v[k]! * solved[k]!;
    return s;
  };
  const beta = Array.from({ length: p }, (_, j) => j);
  return {
    transform,
    terms: names.map((name, j) => ({ name, ...chiSquareTest(test([...beta, p + j]), 1) })),
    global: chiSquareTest(test([...beta, ...beta.map((j) => p + j)]), p),
  };
}

/** The fit's data, checked enough to fail with a clear message on something else. */
function readFit(fit: CoxRegressionFit) {
  assertObject('fit', fit);
  assertArray('fit.coefficients', fit.coefficients);
  assertObject('fit.model', fit.model);
  const model = fit.model;
  assertArray('fit.model.time', model.time);
  assertArray('fit.model.event', model.event);
  assertArray('fit.model.linearPredictor', model.linearPredictor);
  assertObject('fit.model.covariates', model.covariates);
  assertOneOf('fit.ties', fit.ties, ['efron', 'breslow'] as const);
  const n = model.time.length;
  const names = fit.coefficients.map((c) => c.name);
  const columns: unknown[] = [
    model.event,
    model.linearPredictor,
    ...(model.strata === null ? [] : [model.strata]),
    ...names.map((name) => model.covariates[name]),
  ];
  for (const col of columns) {
    if (!Array.isArray(col) || col.length !== n) {
      throw new RangeError(
        `fit.model must hold columns of length ${n} (fit.model.time) for the events, linear predictor, strata and each covariate. Value: ${describeValue(col)}.`,
      );
    }
  }
  return {
    time: model.time,
    event: model.event,
    strata: model.strata,
    x: names.map((name) => model.covariates[name]!),
    eta: model.linearPredictor,
    names,
    efron: fit.ties === 'efron',
  };
}

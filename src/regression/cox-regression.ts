import {
  assertInteger,
  assertOneOf,
  assertOpenUnitInterval,
  assertPositive,
} from '../_lib/assert.js';
import { ldlFactor, ldlSolve } from '../stats/cholesky.js';
import { checkEvents, checkVariation } from './_internal/check-design.js';
import { coxConcordance } from './_internal/concordance.js';
import { coxFit } from './_internal/cox-fit.js';
import { coxProblem } from './_internal/cox-problem.js';
import { fail } from './_internal/fail.js';
import {
  type ChiSquareTest,
  chiSquareTest,
  criticalValue,
  finiteOrNull,
  twoSidedNormalP,
} from './_internal/p-values.js';
import { readCoxData } from './_internal/read-cox-data.js';
import type { Accessor } from './_internal/read-frame.js';

export type { ChiSquareTest } from './_internal/p-values.js';
export type { Accessor } from './_internal/read-frame.js';

/** Cox input as columns: arrays or typed arrays of one length. */
export interface CoxColumns {
  /** Follow-up time of each subject (finite, >= 0; days in this project). */
  readonly time: ArrayLike<number>;
  /** 1 (or `true`) for an event, 0 (or `false`) for a censoring. */
  readonly event: ArrayLike<number | boolean>;
  /** One numeric column per covariate; the keys' order is the coefficients' order. */
  readonly covariates: Readonly<Record<string, ArrayLike<number>>>;
  /** Stratum labels: a separate baseline hazard per stratum, as `strata()` in coxph. */
  readonly strata?: ArrayLike<string | number>;
}

/** Cox input as rows of any shape, read through accessors `(row, index) => value`. */
export interface CoxRows<Row> {
  readonly rows: readonly Row[];
  readonly time: Accessor<Row, number>;
  readonly event: Accessor<Row, number | boolean>;
  readonly covariates: Readonly<Record<string, Accessor<Row, number>>>;
  readonly strata?: Accessor<Row, string | number>;
}

/** Input of {@link coxRegression}: columns, or rows with accessors. */
// biome-ignore lint/suspicious/noExplicitAny: rows may be of any type; accessors narrow them
export type CoxData<Row = any> = CoxColumns | CoxRows<Row>;

/** Options of {@link coxRegression}. */
export interface CoxRegressionOptions {
  /** Handling of tied event times. Default `'efron'`, as R. */
  readonly ties?: 'efron' | 'breslow';
  /** Confidence level of the hazard-ratio limits, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
  /** Newton-Raphson iterations at most (coxph.control's iter.max). Default 100. */
  readonly maxIterations?: number;
  /**
   * Convergence: stop when the relative change of the log partial likelihood is at most this
   * (coxph.control's eps). Default 1e-12 (R's default 1e-9 leaves coefficients ~1e-6 short).
   */
  readonly tolerance?: number;
}

/** One coefficient of a Cox model, as a row of `summary.coxph`. */
export interface CoxCoefficient {
  readonly name: string;
  /** log hazard ratio per unit of the covariate. */
  readonly estimate: number;
  /** exp(estimate); null when it overflows. */
  readonly hazardRatio: number | null;
  readonly stdErr: number;
  /** Wald z = estimate / stdErr. */
  readonly z: number;
  /** Two-sided Wald p-value. */
  readonly pValue: number;
  /** Hazard-ratio limits exp(estimate -/+ z_(1+level)/2 stdErr); null when they overflow. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The data as fitted, carried so that {@link proportionalHazardsTest} needs nothing else: times
 * after R's time fix, events, stratum codes (0, 1, ... in the sorted order of the labels), the
 * covariates and the linear predictor (centred as coxph's `linear.predictors`), in data order.
 */
export interface CoxModelData {
  readonly time: readonly number[];
  readonly event: readonly (0 | 1)[];
  readonly strata: readonly number[] | null;
  readonly covariates: Readonly<Record<string, readonly number[]>>;
  readonly linearPredictor: readonly number[];
}

/** A Cox proportional hazards fit. Plain JSON data. */
export interface CoxRegressionFit {
  readonly n: number;
  readonly events: number;
  readonly ties: 'efron' | 'breslow';
  readonly confLevel: number;
  /** In the order of the covariates' keys. */
  readonly coefficients: readonly CoxCoefficient[];
  /** Covariance matrix of the estimates (the inverse information), p x p. */
  readonly variance: readonly (readonly number[])[];
  /** Log partial likelihood at beta = 0 (`null`) and at the estimate (`fitted`). */
  readonly logLikelihood: { readonly null: number; readonly fitted: number };
  /** The three global tests of beta = 0 (summary.coxph), each on p df. */
  readonly tests: {
    readonly likelihoodRatio: ChiSquareTest;
    readonly wald: ChiSquareTest;
    readonly score: ChiSquareTest;
  };
  /** Harrell's C of the linear predictor with its standard error; null when no pair is comparable. */
  readonly concordance: { readonly estimate: number | null; readonly stdErr: number | null };
  readonly converged: boolean;
  readonly iterations: number;
  /** What {@link proportionalHazardsTest} reads. */
  readonly model: CoxModelData;
}

/**
 * Fits a Cox proportional hazards model by maximum partial likelihood, matching R's
 * `summary(coxph(Surv(time, event) ~ x1 + ... + strata(s), ties = ties))` and
 * `concordance()` of survival 3.5 to 1e-8 or better.
 *
 * The log partial likelihood, with risk sets R(t) within strata and r_j = exp(x_j' beta), is
 * sum over event times t with d deaths D(t) of
 * - Breslow: sum_{i in D} x_i' beta - d log sum_{j in R} r_j
 * - Efron: sum_{i in D} x_i' beta - sum_{k=0}^{d-1} log(sum_{j in R} r_j - (k/d) sum_{j in D} r_j).
 *
 * It is maximised by Newton-Raphson from beta = 0 with coxph.fit's step halving, on covariates
 * centred and scaled as coxph does (those within {-1, 0, 1} left alone); times first pass
 * through R's time fix (aeqSurv). Standard errors from the inverse information; Wald z and
 * p; limits exp(beta -/+ z se). Tests of beta = 0: likelihood ratio 2 (l(beta) - l(0)), Wald
 * beta' V^-1 beta (unrounded, as coxph's `wald.test`), score U(0)' I(0)^-1 U(0). Concordance:
 * Harrell's C of the linear predictor against time (a higher risk score, a shorter time) with
 * the infinitesimal-jackknife standard error of survival 3.x. Rules in docs/regression.md.
 *
 * @param data Columns `{ time, event, covariates: { name: column }, strata? }` (typed arrays
 *   welcome) or rows with accessors `{ rows, time: (row) => ..., event, covariates: { name:
 *   (row) => ... }, strata? }`.
 * @param options `ties` (default `'efron'`), `confLevel` (0.95), `maxIterations` (100),
 *   `tolerance` (1e-12).
 * @returns The fit; `converged` false when the iterations ran out (estimates then the last good
 *   step, as R).
 * @throws {TypeError} when the input is neither columns nor rows with accessors, or a value has
 *   the wrong type.
 * @throws {RangeError} naming the field and row of a time that is negative or not finite, an
 *   event that is not 0/1, a covariate value that is NaN or infinite, columns of unequal length,
 *   no covariate, or a bad option.
 * @throws {RegressionError} `REGRESSION_CONSTANT_COVARIATE` (a covariate with no variance),
 *   `REGRESSION_TOO_FEW_EVENTS` (fewer events than covariates), `REGRESSION_COLLINEAR`
 *   (covariates linearly dependent within the risk sets), `REGRESSION_MONOTONE_LIKELIHOOD` (a
 *   coefficient whose estimate is infinite, where R's coxph warns and returns a large number).
 * @example
 * const fit = coxRegression({
 *   time: [5, 8, 12, 20, 25, 30, 41, 52],
 *   event: [1, 1, 0, 1, 0, 1, 1, 0],
 *   covariates: { rt: [1, 0, 1, 1, 0, 0, 1, 0] },
 * });
 * fit.coefficients[0].hazardRatio; // => 1.99194... (R: 1.991944)
 * fit.coefficients[0].upper; // => 12.0998... (R: 12.09989)
 */
export function coxRegression<Row>(
  data: CoxData<Row>,
  options: CoxRegressionOptions = {},
): CoxRegressionFit {
  const { ties = 'efron', confLevel = 0.95, maxIterations = 100, tolerance = 1e-12 } = options;
  assertOneOf('options.ties', ties, ['efron', 'breslow'] as const);
  assertOpenUnitInterval('options.confLevel', confLevel);
  assertInteger('options.maxIterations', maxIterations, 1);
  assertPositive('options.tolerance', tolerance);
  const input = readCoxData('data', data);
  const { names, columns, events } = input;
  if (names.length === 0) {
    throw new RangeError('data.covariates must have at least one covariate. Value: {}.');
  }
  checkVariation(names, columns);
  checkEvents(events, names.length, 'event');
  const strata = input.strata === null ? null : input.strata.codes;
  const prob = coxProblem(input.time, input.event, columns, strata);
  const fit = coxFit(prob, ties === 'efron', tolerance, maxIterations);
  if (fit.rankAtStart < names.length) {
    throw fail(
      'REGRESSION_COLLINEAR',
      `The covariates ${names.map((c) => `"${c}"`).join(', ')} are linearly dependent within the risk sets (collinear, or constant within every stratum): the information matrix has rank ${fit.rankAtStart} < ${names.length}.`,
      names,
    );
  }
  // back to the original scale: beta_j = scaled beta_j * s_j, V_jk = scaled V_jk s_j s_k
  const { scale, means } = prob;
  const beta = Array.from(fit.beta, (b, j) => b * scale[j]!);
  const variance = fit.variance.map((row, j) => row.map((v, k) => v * scale[j]! * scale[k]!));
  if (fit.converged) checkFinite(names, beta, variance, fit.u, scale, tolerance);
  const linearPredictor = linearPredictorOf(columns, beta, means);
  const df = names.length;
  return {
    n: input.n,
    events,
    ties,
    confLevel,
    coefficients: coefficientRows(names, beta, variance, confLevel),
    variance,
    logLikelihood: { null: fit.loglikNull, fitted: fit.loglik },
    tests: {
      likelihoodRatio: chiSquareTest(2 * (fit.loglik - fit.loglikNull), df),
      wald: chiSquareTest(waldStatistic(variance, beta), df),
      score: chiSquareTest(fit.score, df),
    },
    concordance: coxConcordance(prob.fixedTime, input.event, linearPredictor, strata),
    converged: fit.converged,
    iterations: fit.iterations,
    model: {
      time: Array.from(prob.fixedTime),
      event: Array.from(input.event, (e) => (e === 1 ? 1 : 0)),
      strata: strata === null ? null : Array.from(strata),
      covariates: Object.fromEntries(names.map((name, j) => [name, Array.from(columns[j]!)])),
      linearPredictor: Array.from(linearPredictor),
    },
  };
}

/**
 * coxph.fit's test for an infinite coefficient, made an error: after convergence the next
 * Newton step V U (original scale) should be nil; coxph warns "coefficient may be infinite" for
 * covariate k when |(V U)_k| > eps and > sqrt(eps) |beta_k|. That is a monotone partial
 * likelihood: the fit stopped only because the loglik flattens towards its supremum (in a
 * regular fit the step is at rounding level, ~1e-15; here it stays near 1).
 */
function checkFinite(
  names: readonly string[],
  beta: readonly number[],
  variance: readonly (readonly number[])[],
  uScaled: Float64Array,
  scale: Float64Array,
  eps: number,
): void {
  const u = Array.from(uScaled, (v, j) => v / scale[j]!);
  const infinite = names.filter((_, k) => {
    let step = 0;
    for (let j = 0; j < u.length; j++) step += variance[k]![j]! * u[j]!;
    const size = Math.abs(step);
    return !Number.isFinite(size) || (size > eps && size > Math.sqrt(eps) * Math.abs(beta[k]!));
  });
  if (infinite.length > 0) {
    throw fail(
      'REGRESSION_MONOTONE_LIKELIHOOD',
      `The partial likelihood keeps rising as the coefficient${infinite.length > 1 ? 's' : ''} of ${infinite.map((c) => `"${c}"`).join(', ')} ${infinite.length > 1 ? 'grow' : 'grows'} without bound (monotone likelihood, e.g. no events in one group): the estimate is infinite and R's coxph warns "coefficient may be infinite".`,
      infinite,
    );
  }
}

function coefficientRows(
  names: readonly string[],
  beta: readonly number[],
  variance: readonly (readonly number[])[],
  confLevel: number,
): CoxCoefficient[] {
  const crit = criticalValue(confLevel);
  return names.map((name, j) => {
    const estimate = beta[j]!;
    const stdErr = Math.sqrt(variance[j]![j]!);
    const z = estimate / stdErr;
    return {
      name,
      estimate,
      hazardRatio: finiteOrNull(Math.exp(estimate)),
      stdErr,
      z,
      pValue: twoSidedNormalP(z),
      lower: finiteOrNull(Math.exp(estimate - crit * stdErr)),
      upper: finiteOrNull(Math.exp(estimate + crit * stdErr)),
    };
  });
}

/**
 * coxph's `linear.predictors`: X beta - sum(beta * means). Rows with equal covariates get equal
 * values, which the concordance's ties on the predictor rely on.
 */
function linearPredictorOf(
  columns: readonly Float64Array[],
  beta: readonly number[],
  means: Float64Array,
): Float64Array {
  const n = columns[0]!.length;
  let centre = 0;
  for (let j = 0; j < beta.length; j++) centre += beta[j]! * means[j]!;
  const lp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < beta.length; j++) s += columns[j]![i]! * beta[j]!;
    lp[i] = s - centre;
  }
  return lp;
}

/** beta' V^- beta through survival's cholesky2 rule, as coxph.wtest (V's own scale). */
function waldStatistic(variance: readonly (readonly number[])[], beta: readonly number[]): number {
  const solved = ldlSolve(ldlFactor(variance), beta);
  let s = 0;
  for (let j = 0; j < beta.length; j++) s += beta[j]! * solved[j]!;
  return s;
}

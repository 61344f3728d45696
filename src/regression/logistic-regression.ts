import { assertOneOf, assertOpenUnitInterval } from '../_lib/assert.js';
import { chiSquareUpperTail } from '../stats/chi-square-upper-tail.js';
import { checkEvents, checkVariation } from './_internal/check-design.js';
import { fail } from './_internal/fail.js';
import { FIRTH_PROFILE_CONTROL, firthLogit, firthVariance } from './_internal/firth-logit.js';
import { binomialDeviance, glmLogit } from './_internal/glm-logit.js';
import { criticalValue, finiteOrNull, twoSidedNormalP } from './_internal/p-values.js';
import { type ProfilePoint, profileLimit } from './_internal/profile-limit.js';
import { qrFactor, qrInverseCrossProduct } from './_internal/qr.js';
import type { Accessor } from './_internal/read-frame.js';
import { INTERCEPT, readLogisticData } from './_internal/read-logistic-data.js';
import { isSeparated } from './_internal/separation.js';

/** Logistic input as columns: arrays or typed arrays of one length. */
export interface LogisticColumns {
  /** 1 (or `true`) for the outcome, 0 (or `false`) for its absence. */
  readonly outcome: ArrayLike<number | boolean>;
  /** One numeric column per covariate; the keys' order is the coefficients' order. */
  readonly covariates: Readonly<Record<string, ArrayLike<number>>>;
}

/** Logistic input as rows of any shape, read through accessors `(row, index) => value`. */
export interface LogisticRows<Row> {
  readonly rows: readonly Row[];
  readonly outcome: Accessor<Row, number | boolean>;
  readonly covariates: Readonly<Record<string, Accessor<Row, number>>>;
}

/** Input of {@link logisticRegression}: columns, or rows with accessors. */
// biome-ignore lint/suspicious/noExplicitAny: rows may be of any type; accessors narrow them
export type LogisticData<Row = any> = LogisticColumns | LogisticRows<Row>;

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /** `'ml'` maximum likelihood (glm) or `'firth'` penalised likelihood (logistf). Default `'ml'`. */
  readonly method?: 'ml' | 'firth';
  /** `'profile'` (profile likelihood; default) or `'wald'` limits. */
  readonly interval?: 'wald' | 'profile';
  /** Confidence level of the odds-ratio limits, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/** One coefficient, `(Intercept)` first. */
export interface LogisticCoefficient {
  readonly name: string;
  /** log odds ratio per unit of the covariate (the log odds at 0 for the intercept). */
  readonly estimate: number;
  /** exp(estimate); null when it overflows. */
  readonly oddsRatio: number | null;
  readonly stdErr: number;
  /** Wald z = estimate / stdErr. */
  readonly z: number;
  /**
   * Two-sided p-value: Wald for `'ml'` (summary.glm) and for `'firth'` with `'wald'` limits;
   * the penalised likelihood-ratio test for `'firth'` with `'profile'` limits (logistf).
   */
  readonly pValue: number;
  /** Odds-ratio limits; null when a limit is infinite or overflows. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A logistic regression fit. Plain JSON data. */
export interface LogisticRegressionFit {
  readonly n: number;
  /** Number of outcomes equal to 1. */
  readonly events: number;
  readonly method: 'ml' | 'firth';
  readonly interval: 'wald' | 'profile';
  readonly confLevel: number;
  readonly coefficients: readonly LogisticCoefficient[];
  /** Covariance matrix of the estimates, (Intercept) first. */
  readonly variance: readonly (readonly number[])[];
  /** Log-likelihood at the estimate; for `'firth'` the penalised one (logistf's loglik). */
  readonly logLikelihood: number;
  /** -2 logLikelihood (the residual deviance of 0/1 data). */
  readonly deviance: number;
  /** Of the intercept-only model (for `'firth'`: penalised, the other coefficients at 0). */
  readonly nullDeviance: number;
  /** `'ml'`: deviance + 2 p (R's AIC). `'firth'`: logistf's extractAIC, LR statistic + 2 (p - 1). */
  readonly aic: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** True when the data are completely or quasi-completely separated (only `'firth'` fits them). */
  readonly separation: boolean;
}

/** glm.control(epsilon = 1e-14, maxit = 100): as tight as the deviance's rounding allows. */
const GLM_EPSILON = 1e-14;
const GLM_MAXIT = 100;

/**
 * Logistic regression of a 0/1 outcome: log(p / (1 - p)) = b0 + b1 x1 + ..., by maximum
 * likelihood (`'ml'`, matching R's `glm(family = binomial)` with `summary` and `confint`) or
 * by Firth's penalised likelihood (`'firth'`, matching `logistf` with its defaults).
 *
 * - `'ml'`: maximises l(b) = sum [y log p + (1 - y) log(1 - p)] by glm's IRLS (step for step);
 *   standard errors from (X'WX)^-1, W = diag(p (1 - p)); Wald z and p. Profile limits: the
 *   roots of 2 (l(hat b) - max_{b_j = c} l) = qchisq(level, 1), solved exactly (MASS's
 *   `confint` reads them off a spline, up to ~1e-4 away); Wald limits b -/+ z se
 *   (`confint.default`).
 * - `'firth'`: maximises l*(b) = l(b) + 1/2 log det(X'WX), which has a finite maximum even for
 *   separated data; standard errors from logistf's (X'W*X)^-1, W* = diag((1 + h) p (1 - p)),
 *   h the hat values; `'profile'`: penalised likelihood-ratio p-values and profile penalised-
 *   likelihood limits (logistf's defaults); `'wald'`: Wald p and limits (logistf(pl = FALSE)).
 *
 * Separation (some combination of covariates splits the outcomes, so the ML estimate is
 * infinite) is detected exactly by a linear program before fitting: `'ml'` then throws
 * `REGRESSION_SEPARATION` instead of returning diverging numbers; `'firth'` fits and reports
 * `separation: true`. Odds-ratio limits are exp of the log-odds limits. Rules in
 * docs/regression.md.
 *
 * @param data Columns `{ outcome, covariates: { name: column } }` (typed arrays welcome) or rows
 *   with accessors `{ rows, outcome: (row) => ..., covariates: { name: (row) => ... } }`.
 * @param options `method` (`'ml'`), `interval` (`'profile'`), `confLevel` (0.95).
 * @returns The fit, `(Intercept)` first among the coefficients.
 * @throws {TypeError} when the input is neither columns nor rows with accessors, or a value has
 *   the wrong type.
 * @throws {RangeError} naming the field and row of an outcome that is not 0/1, a covariate value
 *   that is NaN or infinite, columns of unequal length, a covariate named `(Intercept)`, or a bad
 *   option.
 * @throws {RegressionError} `REGRESSION_CONSTANT_COVARIATE`, `REGRESSION_TOO_FEW_EVENTS` (fewer
 *   outcomes equal to 1 than coefficients, intercept included), `REGRESSION_COLLINEAR`, and for
 *   `'ml'` `REGRESSION_SEPARATION`.
 * @example
 * const fit = logisticRegression({
 *   outcome: [0, 0, 1, 0, 1, 1, 0, 1],
 *   covariates: { psa: [4.1, 2.2, 0.8, 3.5, 1.1, 2.9, 0.6, 0.4] },
 * });
 * fit.coefficients.map((c) => c.name); // => ['(Intercept)', 'psa']
 * fit.coefficients[1].oddsRatio; // => 0.43107... (R: exp(coef(glm(...)))[2] = 0.4310733)
 */
export function logisticRegression<Row>(
  data: LogisticData<Row>,
  options: LogisticRegressionOptions = {},
): LogisticRegressionFit {
  const { method = 'ml', interval = 'profile', confLevel = 0.95 } = options;
  assertOneOf('options.method', method, ['ml', 'firth'] as const);
  assertOneOf('options.interval', interval, ['wald', 'profile'] as const);
  assertOpenUnitInterval('options.confLevel', confLevel);
  const input = readLogisticData('data', data);
  const { names, columns, outcome: y, events } = input;
  checkVariation(names, columns);
  const design = [new Float64Array(input.n).fill(1), ...columns];
  const coefficientNames = [INTERCEPT, ...names];
  checkEvents(events, design.length, 'event');
  if (qrFactor(design).rank < design.length) {
    throw fail(
      'REGRESSION_COLLINEAR',
      `The covariates ${names.map((c) => `"${c}"`).join(', ')} are linearly dependent (with the intercept): no unique estimate exists.`,
      names,
    );
  }
  const separation = isSeparated(design, y);
  const body =
    method === 'ml'
      ? mlFit(design, y, coefficientNames, interval, confLevel, separation)
      : firthFit(design, y, coefficientNames, interval, confLevel);
  return { n: input.n, events, method, interval, confLevel, ...body, separation };
}

type Body = Omit<
  LogisticRegressionFit,
  'n' | 'events' | 'method' | 'interval' | 'confLevel' | 'separation'
>;

function mlFit(
  design: readonly Float64Array[],
  y: Uint8Array,
  names: readonly string[],
  interval: 'wald' | 'profile',
  confLevel: number,
  separation: boolean,
): Body {
  if (separation) {
    throw fail(
      'REGRESSION_SEPARATION',
      'The outcome is completely or quasi-completely separated by the covariates: the maximum-likelihood estimates are infinite. Use method "firth" (penalised likelihood), which gives finite estimates.',
      names.slice(1),
    );
  }
  const fit = glmLogit(design, y, null, GLM_EPSILON, GLM_MAXIT);
  const variance = qrInverseCrossProduct(fit.qr!);
  const q = criticalValue(confLevel) ** 2;
  const limits = (j: number, estimate: number, stdErr: number) =>
    interval === 'wald'
      ? waldLimits(estimate, stdErr, confLevel)
      : profileLimits(
          () => (b) => {
            const others = design.filter((_, k) => k !== j);
            const offset = Float64Array.from(design[j]!, (x) => x * b);
            const at = glmLogit(others, y, offset, GLM_EPSILON, GLM_MAXIT);
            let slope = 0;
            for (let i = 0; i < y.length; i++) slope -= 2 * design[j]![i]! * (y[i]! - at.mu[i]!);
            return { value: at.deviance - fit.deviance - q, slope };
          },
          estimate,
          stdErr,
          confLevel,
        );
  const coefficients = names.map((name, j) => {
    const estimate = fit.beta[j]!;
    const stdErr = Math.sqrt(variance[j]![j]!);
    const z = estimate / stdErr;
    return row(name, estimate, stdErr, z, twoSidedNormalP(z), limits(j, estimate, stdErr));
  });
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]!;
  mean /= y.length;
  return {
    coefficients,
    variance,
    logLikelihood: -fit.deviance / 2,
    deviance: fit.deviance,
    // glm.fit: the deviance at the weighted mean of y (the intercept-only fit)
    nullDeviance: binomialDeviance(y, new Float64Array(y.length).fill(mean)),
    aic: fit.deviance + 2 * design.length,
    converged: fit.converged,
    iterations: fit.iterations,
  };
}

function firthFit(
  design: readonly Float64Array[],
  y: Uint8Array,
  names: readonly string[],
  interval: 'wald' | 'profile',
  confLevel: number,
): Body {
  const p = design.length;
  const free = design.map(() => true);
  const fit = firthLogit(design, y, new Float64Array(p), free);
  const variance = firthVariance(design, fit);
  // logistf's null model: the intercept alone is fitted, the penalty stays the full design's
  const nullFit = firthLogit(
    design,
    y,
    new Float64Array(p),
    design.map((_, k) => k === 0),
  );
  const q = criticalValue(confLevel) ** 2;
  // l* maximised with coefficient j held at b, from a warm start
  const constrained = (j: number, b: number, start: Float64Array) => {
    const init = Float64Array.from(start);
    init[j] = b;
    return firthLogit(
      design,
      y,
      init,
      free.map((_, k) => k !== j),
      FIRTH_PROFILE_CONTROL,
    );
  };
  const coefficients = names.map((name, j) => {
    const estimate = fit.beta[j]!;
    const stdErr = Math.sqrt(variance[j]![j]!);
    const z = estimate / stdErr;
    if (interval === 'wald') {
      return row(
        name,
        estimate,
        stdErr,
        z,
        twoSidedNormalP(z),
        waldLimits(estimate, stdErr, confLevel),
      );
    }
    // penalised likelihood-ratio test of b_j = 0 (logistf's prob)
    const atZero = constrained(j, 0, fit.beta);
    const pValue = chiSquareUpperTail(2 * (fit.loglik - atZero.loglik), 1);
    // each side starts from the estimate and warm-starts every refit from the previous one
    const evaluator = () => {
      let warm = fit.beta;
      return (b: number): ProfilePoint => {
        const at = constrained(j, b, warm);
        warm = at.beta;
        return { value: 2 * (fit.loglik - at.loglik) - q, slope: -2 * at.score[j]! };
      };
    };
    return row(
      name,
      estimate,
      stdErr,
      z,
      pValue,
      profileLimits(evaluator, estimate, stdErr, confLevel),
    );
  });
  return {
    coefficients,
    variance,
    logLikelihood: fit.loglik,
    deviance: -2 * fit.loglik,
    nullDeviance: -2 * nullFit.loglik,
    aic: -2 * (nullFit.loglik - fit.loglik) + 2 * (p - 1),
    converged: fit.converged,
    iterations: fit.iterations,
  };
}

function row(
  name: string,
  estimate: number,
  stdErr: number,
  z: number,
  pValue: number,
  [lower, upper]: readonly [number | null, number | null],
): LogisticCoefficient {
  return {
    name,
    estimate,
    oddsRatio: finiteOrNull(Math.exp(estimate)),
    stdErr,
    z,
    pValue,
    lower: lower === null ? null : finiteOrNull(Math.exp(lower)),
    upper: upper === null ? null : finiteOrNull(Math.exp(upper)),
  };
}

function waldLimits(estimate: number, stdErr: number, confLevel: number): [number, number] {
  const crit = criticalValue(confLevel);
  return [estimate - crit * stdErr, estimate + crit * stdErr];
}

/** Both profile limits; `evaluator` makes a fresh f(b) for each side. */
function profileLimits(
  evaluator: () => (b: number) => ProfilePoint,
  estimate: number,
  stdErr: number,
  confLevel: number,
): [number | null, number | null] {
  const crit = criticalValue(confLevel);
  return [
    profileLimit(evaluator(), estimate, stdErr, crit, -1),
    profileLimit(evaluator(), estimate, stdErr, crit, 1),
  ];
}

import { SlndStatsError } from '../errors.js';

/** The stable codes of {@link RegressionError}. */
export type RegressionErrorCode =
  | 'REGRESSION_CONSTANT_COVARIATE'
  | 'REGRESSION_TOO_FEW_EVENTS'
  | 'REGRESSION_COLLINEAR'
  | 'REGRESSION_SEPARATION'
  | 'REGRESSION_MONOTONE_LIKELIHOOD';

/**
 * The data cannot support the model asked for: a covariate with no variance
 * (`REGRESSION_CONSTANT_COVARIATE`), fewer events than parameters (`REGRESSION_TOO_FEW_EVENTS`),
 * covariates that are linearly dependent (`REGRESSION_COLLINEAR`; for Cox, also a covariate that
 * is constant within every stratum or risk set), for maximum-likelihood logistic regression
 * complete or quasi-complete separation (`REGRESSION_SEPARATION`), and for Cox regression a
 * monotone partial likelihood (`REGRESSION_MONOTONE_LIKELIHOOD`, the Cox form of separation:
 * e.g. no event at all in one group). In the last two the estimates would run off to infinity.
 * `variables` names the covariates concerned (empty when the problem is the whole model's).
 */
export class RegressionError extends SlndStatsError {
  readonly variables: readonly string[];
  /** True for `REGRESSION_SEPARATION` and `REGRESSION_MONOTONE_LIKELIHOOD`: the data are separated. */
  readonly separation: boolean;

  constructor(code: RegressionErrorCode, message: string, variables: readonly string[] = []) {
    super(code, message);
    this.name = 'RegressionError';
    this.variables = variables;
    this.separation = code === 'REGRESSION_SEPARATION' || code === 'REGRESSION_MONOTONE_LIKELIHOOD';
  }
}

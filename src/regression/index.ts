// Regression: Cox proportional hazards (with cox.zph's test) and logistic regression by maximum
// likelihood or Firth's penalised likelihood, each matching R (survival, glm/MASS, logistf).
// A separate area: importing kaplanMeier does not load it. Re-exported by src/index.ts.

export {
  type Accessor,
  type ChiSquareTest,
  type CoxCoefficient,
  type CoxColumns,
  type CoxData,
  type CoxModelData,
  type CoxRegressionFit,
  type CoxRegressionOptions,
  type CoxRows,
  coxRegression,
} from './cox-regression.js';
export {
  type LogisticCoefficient,
  type LogisticColumns,
  type LogisticData,
  type LogisticRegressionFit,
  type LogisticRegressionOptions,
  type LogisticRows,
  logisticRegression,
} from './logistic-regression.js';
export {
  type ProportionalHazardsTerm,
  type ProportionalHazardsTestOptions,
  type ProportionalHazardsTestResult,
  proportionalHazardsTest,
  type ZphTransform,
} from './proportional-hazards-test.js';
export { RegressionError, type RegressionErrorCode } from './regression-error.js';

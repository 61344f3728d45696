// slnd-stats: the browser-safe main entry. Node-only code (files, CLI) lives in its own entry.

export * from './complications/index.js';
export {
  type CohortIssue,
  CohortValidationError,
  formatIssue,
  SlndStatsError,
} from './errors.js';
export * from './input/index.js';
export * from './model/index.js';
export * from './monitoring/index.js';
export * from './psa/index.js';
export * from './simulate/index.js';
export {
  BINOMIAL_INTERVAL_METHODS,
  type BinomialConfidenceInterval,
  type BinomialConfidenceIntervalOptions,
  type BinomialIntervalMethod,
  binomialConfidenceInterval,
} from './stats/binomial-confidence-interval.js';
export {
  type WilcoxonSignedRankResult,
  wilcoxonSignedRank,
} from './stats/wilcoxon-signed-rank.js';
export * from './survival/index.js';

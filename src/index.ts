// slnd-stats: the browser-safe main entry. Node-only code (files, CLI) lives in its own entry.

export {
  type CohortIssue,
  CohortValidationError,
  formatIssue,
  SlndStatsError,
} from './errors.js';
export * from './model/index.js';
export * from './psa/index.js';
export {
  type WilcoxonSignedRankResult,
  wilcoxonSignedRank,
} from './stats/wilcoxon-signed-rank.js';

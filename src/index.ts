// slnd-stats: the browser-safe main entry. Node-only code (files, CLI) lives in its own entry.

export * from './complications/index.js';
// Notebook-ready versions (display members attached) take the place of the plain functions of
// the same names exported by the area barrels above.
export {
  buildTrialReport,
  complicationSummary,
  evaluateStoppingRule,
  kaplanMeier,
  logRank,
} from './display/index.js';
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
export * from './regression/index.js';
export {
  type Displayable,
  type DisplayableWithSvg,
  type DisplayViews,
  JUPYTER_DISPLAY,
  type MimeBundle,
} from './render/attach-display.js';
export { type Block, reportDocument } from './render/report-document.js';
export { blocksToHtml, reportToHtml } from './render/report-html.js';
export { blocksToMarkdown, escapeMarkdown, reportToMarkdown } from './render/report-markdown.js';
export { reportSummary } from './render/report-summary.js';
export {
  type EndpointSpec,
  LANDMARK_DAYS,
  REPORT_ENDPOINTS,
  RISK_DAYS,
  type TrialReportOptions,
} from './report/build-trial-report.js';
export { type CohortAsOf, cohortAsOf } from './report/cohort-as-of.js';
export {
  DEFAULT_STOPPING_RULE,
  type ResolvedStoppingRule,
  stoppingRuleFromSpec,
} from './report/stopping-rule-spec.js';
export type {
  CastrationResistanceDiscrepancy,
  CastrationResistanceReport,
  CompetingRiskReport,
  EndpointReport,
  Estimate,
  ExcludedPatient,
  LandmarkIncidence,
  LandmarkSurvival,
  NotEvaluablePatient,
  Proportion,
  ReportSetting,
  TrialReport,
  WaterfallBar as ReportWaterfallBar,
} from './report/trial-report.js';
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
export { VERSION } from './version.js';

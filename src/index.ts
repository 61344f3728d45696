// slnd-stats: the browser-safe main entry, the plain analysis functions and their plain-data
// results. It never imports rendering, plotting, notebook or Node code (test/layering.test.ts):
// the SVG plots are `slnd-stats/plot`, the CSV exports of trial databases `slnd-stats/csv` (a CSV
// parser is most of its weight), notebook display and the report's HTML and Markdown
// `slnd-stats/notebook`, files and the command `slnd-stats/node`.

export * from './complications/index.js';
export {
  type CohortIssue,
  CohortValidationError,
  formatIssue,
  SlndStatsError,
} from './errors.js';
export { type CohortAsOf, cohortAsOf } from './model/cohort-as-of.js';
export * from './model/index.js';
export * from './monitoring/index.js';
export * from './psa/index.js';
export * from './regression/index.js';
export {
  buildTrialReport,
  type EndpointSpec,
  LANDMARK_DAYS,
  REPORT_ENDPOINTS,
  RISK_DAYS,
  type TrialCohort,
  type TrialReportOptions,
} from './report/build-trial-report.js';
export {
  DEFAULT_STOPPING_RULE,
  type ResolvedStoppingRule,
  stoppingRuleFromSpec,
} from './report/stopping-rule-spec.js';
export {
  type BaselineRow,
  type CastrationResistanceDiscrepancy,
  type CastrationResistanceReport,
  type CompetingRiskReport,
  type EndpointReport,
  type ExcludedPatient,
  type FlowCount,
  type FlowEndpoint,
  type FollowUpCompleteness,
  INDIVIDUAL_PLOT_LIMIT,
  type LandmarkIncidence,
  type LandmarkSurvival,
  type NotEvaluablePatient,
  PREDICTORS_LIMIT,
  type PredictorRow,
  type PsaTrajectoryReport,
  type ReportEndpoint,
  type ReportSetting,
  type ResponseComparison,
  type ResponseGroup,
  type SwimmerLaneReport,
  type TrajectoryPoint,
  type TrialReport,
  type WaterfallBar as ReportWaterfallBar,
} from './report/trial-report.js';
export * from './simulate/index.js';
export {
  BINOMIAL_INTERVAL_METHODS,
  type BinomialConfidenceInterval,
  type BinomialConfidenceIntervalOptions,
  type BinomialIntervalMethod,
  binomialConfidenceInterval,
} from './stats/binomial-confidence-interval.js';
export type { Estimate, Proportion } from './stats/estimate.js';
export {
  type WilcoxonSignedRankResult,
  wilcoxonSignedRank,
} from './stats/wilcoxon-signed-rank.js';
export * from './survival/index.js';
export { VERSION } from './version.js';

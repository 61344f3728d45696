// Survival analysis: Kaplan-Meier, its summaries, group comparisons and competing risks,
// each matching R's survival / cmprsk. Re-exported by src/index.ts.

export {
  type CompetingRiskColumns,
  type CompetingRiskInput,
  type CompetingRiskRow,
  type CumulativeIncidence,
  cumulativeIncidence,
} from './cumulative-incidence.js';
export {
  type CumulativeIncidenceAtOptions,
  type CumulativeIncidenceAtRow,
  cumulativeIncidenceAt,
} from './cumulative-incidence-at.js';
export {
  ENDPOINTS,
  type Endpoint,
  type EndpointDataOptions,
  type EndpointRecord,
  endpointData,
} from './endpoint-data.js';
export {
  type GrayTestCause,
  type GrayTestResult,
  type GroupedCompetingRiskColumns,
  type GroupedCompetingRiskInput,
  type GroupedCompetingRiskRow,
  grayTest,
} from './gray-test.js';
export {
  type ConfType,
  type KaplanMeierFit,
  type KaplanMeierOptions,
  kaplanMeier,
  type Label,
  type SurvivalColumns,
  type SurvivalInput,
  type SurvivalRow,
} from './kaplan-meier.js';
export {
  type GroupedSurvivalColumns,
  type GroupedSurvivalInput,
  type GroupedSurvivalRow,
  type LogRankOptions,
  type LogRankResult,
  logRank,
} from './log-rank.js';
export { medianFollowUp } from './median-follow-up.js';
export { type RestrictedMean, restrictedMeanSurvival } from './restricted-mean-survival.js';
export { type RiskTableRow, riskTable } from './risk-table.js';
export { type SurvivalAtRow, survivalAt } from './survival-at.js';
export { survivalQuantile } from './survival-quantile.js';

export {
  CohortInputError,
  type CohortInputIssue,
} from './cohort-input-error.js';
export {
  type CohortCsvFiles,
  type ParseCohortCsvOptions,
  type ParseCohortCsvResult,
  parseCohortCsv,
  parseCohortCsvOrThrow,
} from './parse-cohort-csv.js';

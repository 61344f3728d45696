// slnd-stats/node: the node-only entry (reads files). The main entry stays browser-safe.

export {
  COHORT_CSV_FILE_NAMES,
  type CohortSource,
  MAX_INPUT_BYTES,
  parseCohortFile,
  type ValidateCohortFileOptions,
  type ValidateCohortFileResult,
  validateCohortFile,
} from './validate-cohort-file.js';
export { type ReportFormat, type WriteReportOptions, writeReport } from './write-report.js';

// slnd-stats/node: the node-only entry (reads files). The main entry stays browser-safe.

export {
  COHORT_CSV_FILE_NAMES,
  type CohortSource,
  MAX_INPUT_BYTES,
  type ReadCohortResult,
  readCohort,
  readCohortOrThrow,
} from './read-cohort.js';
export { type ReportFormat, type WriteReportOptions, writeReport } from './write-report.js';

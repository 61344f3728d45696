export {
  CohortInputError,
  type CohortInputIssue,
} from './cohort-input-error.js';
export {
  type ColumnMapping,
  columnMappingJsonSchema,
  type FileColumnMapping,
  type MappedValue,
} from './column-mapping-schema.js';
export { CSV_DIALECTS, type CsvDialect } from './csv-dialect.js';
export { FILE_NAMES } from './csv-layout.js';
export type { CsvCohortResult } from './read-cohort-csv.js';
export {
  type CohortCsvFiles,
  parseCohortCsv,
  UNKNOWN_COLUMNS,
  type UnknownColumns,
  type ValidateCohortCsvOptions,
  type ValidateCohortCsvResult,
  validateCohortCsv,
} from './validate-cohort-csv.js';

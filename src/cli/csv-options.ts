import { extname } from 'node:path';
import { CSV_DIALECTS, type CsvDialect } from '../input/csv-dialect.js';
import type { UnknownColumns } from '../input/validate-cohort-csv.js';
import type { ValidateCohortFileOptions } from '../node/validate-cohort-file.js';
import { UsageError } from './usage-error.js';

/** The options of report and validate about a CSV folder, as parseArgs reads them. */
export const CSV_OPTIONS = {
  'unknown-columns': { type: 'string' },
  'csv-dialect': { type: 'string' },
  map: { type: 'string' },
} as const;

/** `--unknown-columns` values and the library's `unknownColumns` they stand for. */
const UNKNOWN_COLUMNS_FLAG: Readonly<Record<string, UnknownColumns>> = {
  warn: 'warning',
  ignore: 'ignore',
  error: 'error',
};

/**
 * The reading options of `--unknown-columns` (default warn), `--csv-dialect` and `--map`,
 * checked. They are about the columns of a CSV folder: given for a JSON file, they are an
 * error rather than silently without effect.
 */
export function csvOptions(
  values: { 'unknown-columns'?: string; 'csv-dialect'?: string; map?: string },
  input: string,
): ValidateCohortFileOptions {
  const given = (['unknown-columns', 'csv-dialect', 'map'] as const).filter(
    (name) => values[name] !== undefined,
  );
  if (given.length > 0 && extname(input).toLowerCase() === '.json') {
    throw new UsageError(
      `--${given[0]} is about the columns of a folder of CSV files; ${input} is a cohort JSON file, which has one form`,
    );
  }
  const unknown = values['unknown-columns'] ?? 'warn';
  if (!Object.hasOwn(UNKNOWN_COLUMNS_FLAG, unknown)) {
    throw new UsageError(`--unknown-columns must be warn, ignore or error. Value: "${unknown}".`);
  }
  const dialect = values['csv-dialect'] ?? 'standard';
  if (!(CSV_DIALECTS as readonly string[]).includes(dialect)) {
    throw new UsageError(`--csv-dialect must be standard or de. Value: "${dialect}".`);
  }
  if (values.map === '') throw new UsageError('--map must name a column mapping file. Value: "".');
  return {
    unknownColumns: UNKNOWN_COLUMNS_FLAG[unknown]!,
    csvDialect: dialect as CsvDialect,
    ...(values.map === undefined ? {} : { columnMapping: values.map }),
  };
}

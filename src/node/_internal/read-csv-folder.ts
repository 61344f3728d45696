import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { CohortInputIssue } from '../../input/cohort-input-error.js';
import type { ColumnMapping } from '../../input/column-mapping-schema.js';
import { readCohortCsv } from '../../input/read-cohort-csv.js';
import type { ResolvedColumnMapping } from '../../input/resolve-column-mapping.js';
import type { checkCsvOptions } from '../../input/validate-cohort-csv.js';
import { COHORT_CSV_FILE_NAMES } from '../cohort-csv-file-names.js';
import { fileSystemProblem } from '../stat-input.js';
import type { ValidateCohortFileResult } from '../validate-cohort-file.js';
import { failedRead } from './failed-read.js';
import { plainIssue } from './plain-issue.js';
import { readColumnMapping } from './read-column-mapping.js';
import { readCsvFiles } from './read-csv-files.js';

/** The checked options of `validateCohortFile`: what reading a CSV folder needs. */
export interface CsvFolderReading {
  readonly unknownColumns: 'error' | 'warning' | 'ignore';
  readonly dialect: ReturnType<typeof checkCsvOptions>['dialect'];
  readonly columnMapping: string | ColumnMapping | undefined;
}

/**
 * Reads a folder of CSV files: the column mapping first (when one is given), then the cohort
 * files (see {@link readCsvFiles}), a warning for each other `.csv` file, and the cohort from
 * their texts (`readCohortCsv`).
 */
export function readCsvFolder(folder: string, options: CsvFolderReading): ValidateCohortFileResult {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    // A folder without read permission: say so, not that each file is missing.
    const { code, reason } = fileSystemProblem(folder, error);
    return failedRead(folder, [plainIssue(basename(folder), code, reason)]);
  }
  // The mapping first: one that would misread a column never reaches the data.
  let mapping: ResolvedColumnMapping | null = null;
  if (options.columnMapping !== undefined) {
    const read = readColumnMapping(options.columnMapping);
    if (read.issues !== null) return failedRead(folder, read.issues);
    mapping = read.mapping;
  }
  const { texts, sha256, issues } = readCsvFiles(folder);
  const source = { path: folder, sha256 };
  const warnings = unknownFileWarnings(names);
  if (issues.length > 0) return failedRead(folder, issues, sha256, warnings);

  const result = readCohortCsv(texts, {
    unknownColumns: options.unknownColumns,
    dialect: options.dialect,
    mapping,
  });
  const allWarnings = [...warnings, ...result.warnings];
  const flow = { notOperated: result.notOperated, screening: result.screening };
  if (!result.ok) {
    return {
      ok: false,
      patients: null,
      warnings: allWarnings,
      issues: result.issues,
      source,
      validPatients: result.validPatients,
      ...flow,
    };
  }
  return {
    ok: true,
    patients: result.patients,
    warnings: allWarnings,
    issues: [],
    source,
    ...flow,
  };
}

/** A warning for each other `.csv` file of the folder: a misnamed export is not read. */
function unknownFileWarnings(names: readonly string[]): CohortInputIssue[] {
  const known: readonly string[] = COHORT_CSV_FILE_NAMES;
  return names
    .filter((name) => name.toLowerCase().endsWith('.csv') && !known.includes(name))
    .sort()
    .map((name) =>
      plainIssue(
        name,
        'unknown_file',
        `ignored: not one of the cohort files (${COHORT_CSV_FILE_NAMES.join(', ')})`,
      ),
    );
}

import { basename, extname, resolve } from 'node:path';
import { describeValue } from '../_lib/describe-value.js';
import { CohortInputError, type CohortInputIssue } from '../input/cohort-input-error.js';
import type { ColumnMapping } from '../input/column-mapping-schema.js';
import {
  checkCsvOptions,
  type ValidateCohortCsvOptions,
  type validateCohortCsv,
} from '../input/validate-cohort-csv.js';
import type { NotOperatedPatient, Patient, Screening } from '../model/types.js';
import type { ParsedCohort, validateCohort } from '../model/validate-cohort.js';
import { failedRead } from './_internal/failed-read.js';
import { plainIssue } from './_internal/plain-issue.js';
import { readCohortJsonFile } from './_internal/read-cohort-json-file.js';
import { type CsvFolderReading, readCsvFolder } from './_internal/read-csv-folder.js';
import { COHORT_CSV_FILE_NAMES } from './cohort-csv-file-names.js';
import { printableLine } from './printable-line.js';
import { MAX_INPUT_BYTES } from './read-input-file.js';
import { statInput } from './stat-input.js';

export { COHORT_CSV_FILE_NAMES, MAX_INPUT_BYTES };

/** Options of {@link validateCohortFile} and {@link parseCohortFile}. */
export interface ValidateCohortFileOptions extends Omit<ValidateCohortCsvOptions, 'columnMapping'> {
  /**
   * A column mapping for a CSV folder: the path of its JSON file (read like the cohort's
   * files; its problems are issues naming that file and the key), or the parsed mapping.
   */
  readonly columnMapping?: string | ColumnMapping;
}

/** What was read: the path as given (resolved) and the SHA-256 of its bytes. */
export interface CohortSource {
  /** Absolute path of the JSON file or CSV folder. */
  readonly path: string;
  /**
   * Lower-case hex SHA-256 of the input: of the JSON file's bytes, or for a CSV folder of each
   * present file in the order of {@link COHORT_CSV_FILE_NAMES}, each as its name, `\n`, its size
   * in bytes in decimal, `\n`, then its bytes. Null when nothing could be read.
   */
  readonly sha256: string | null;
}

/**
 * The outcome of {@link validateCohortFile}: the patients or every problem, where the input
 * came from, and (as `validateCohort` gives them) the patient flow: `notOperated` (empty when
 * the input has none) and `screening` (null when it has none).
 */
export type ValidateCohortFileResult = (
  | {
      readonly ok: true;
      readonly patients: Patient[];
      readonly warnings: CohortInputIssue[];
      readonly issues: CohortInputIssue[];
      readonly source: CohortSource;
    }
  | {
      readonly ok: false;
      readonly patients: null;
      readonly warnings: CohortInputIssue[];
      readonly issues: CohortInputIssue[];
      readonly source: CohortSource;
      /** The patients no issue names (see `validateCohort`), for `--exclude-invalid`. */
      readonly validPatients: Patient[];
    }
) & {
  readonly notOperated: NotOperatedPatient[];
  readonly screening: Screening | null;
};

/**
 * Reads a cohort from disk (node only) and validates it: a cohort JSON file (`{ "patients":
 * [...], "notOperated"?: [...], "screening"?: {...} }`, checked by {@link validateCohort}) or a
 * folder of CSV files (`patients.csv`, `psa.csv`, `complications.csv` and the optional
 * `testosterone.csv`, `not-operated.csv`, `screening.csv`, read by {@link validateCohortCsv});
 * see docs/data-format.md. Every problem is returned, each with its file (and, where known,
 * line and column); a JSON syntax error gives its line and column, and so does a key written
 * twice in one JSON object (`duplicate_key`: JSON.parse would keep the last silently). A UTF-8
 * byte-order mark is accepted in either form. Other `.csv` files in the folder are reported as
 * warnings (a misnamed export would otherwise be silently left out).
 *
 * The options apply to a CSV folder (a JSON file is strict and has one form):
 * `unknownColumns`, `csvDialect`, and `columnMapping`, here also the path of a mapping JSON
 * file, read with the same care as the data; its problems are issues of that file naming the
 * key (`mapping.json: files["patients.csv"].columns.sex: ...`), and the data is not read.
 *
 * Only regular files (or links to them) are read. A FIFO, device or socket (`special_file`) is
 * refused before it is opened; a loop of links (`symlink_loop`), a file or folder without
 * permission (`unreadable`), a file over {@link MAX_INPUT_BYTES} (`too_large`: from its size,
 * or from the bytes read, whatever its size said) or whose bytes are not UTF-8
 * (`invalid_encoding`: a Windows-1252, Latin-1 or UTF-16 export, or not text at all) is an
 * issue, never a thrown error. Messages are printable: control and other invisible characters
 * from the data are written as `\uXXXX`, a long id is cut, and no message is longer than 1,000
 * characters.
 *
 * `source.sha256` identifies the exact input a result came from (see {@link CohortSource}), so
 * a report can record which data it analysed. For a folder it equals
 * `for f in patients.csv psa.csv complications.csv testosterone.csv not-operated.csv
 * screening.csv; do [ -f $f ] && { printf '%s\n%s\n' $f $(wc -c < $f); cat $f; }; done |
 * sha256sum` (the column mapping is not part of it).
 *
 * @param path - a `.json` file or a folder of CSV files.
 * @param options - for a CSV folder: `unknownColumns` (default `'error'`), `csvDialect`
 *   (default `'standard'`), `columnMapping` (a path or a parsed mapping).
 * @returns `{ ok, patients, warnings, issues, source, notOperated, screening }`: `patients`
 *   null and `issues` non-empty when `ok` is false (a missing path or file is an issue too,
 *   with `sha256` null when nothing was read); never throws for bad data.
 * @throws {TypeError} when `path` is not a non-empty string, `options` not an object or
 *   `options.columnMapping` neither a string nor an object.
 * @throws {RangeError} when `options.unknownColumns` or `options.csvDialect` is not one of its
 *   values.
 * @example
 * const result = validateCohortFile('examples/example-cohort-csv');
 * if (result.ok) console.log(result.patients.length, result.source.sha256);
 */
export function validateCohortFile(
  path: string,
  options: ValidateCohortFileOptions = {},
): ValidateCohortFileResult {
  if (typeof path !== 'string' || path === '') {
    throw new TypeError(`path must be a non-empty string. Value: ${describeValue(path)}.`);
  }
  const { unknownColumns, dialect } = checkCsvOptions(options);
  const { columnMapping } = options;
  if (
    columnMapping !== undefined &&
    typeof columnMapping !== 'string' &&
    (typeof columnMapping !== 'object' || columnMapping === null)
  ) {
    throw new TypeError(
      `options.columnMapping must be the path of a mapping file or a mapping object. Value: ${describeValue(columnMapping)}.`,
    );
  }
  return printable(readPath(path, { unknownColumns, dialect, columnMapping }));
}

/**
 * {@link validateCohortFile} that returns the cohort or throws.
 *
 * @param path - a `.json` file or a folder of CSV files.
 * @param options - as for {@link validateCohortFile}.
 * @returns `{ patients, notOperated, screening, warnings }`.
 * @throws {CohortInputError} (code `'COHORT_INPUT_INVALID'`) listing every problem in `.issues`.
 * @throws {TypeError} when `path` is not a non-empty string (or an option has the wrong type).
 * @throws {RangeError} when an option is not one of its values.
 * @example
 * const { patients, screening } = parseCohortFile('examples/example-cohort.json');
 */
export function parseCohortFile(
  path: string,
  options: ValidateCohortFileOptions = {},
): ParsedCohort<CohortInputIssue> {
  const result = validateCohortFile(path, options);
  if (!result.ok) throw new CohortInputError(result.issues);
  const { patients, notOperated, screening, warnings } = result;
  return { patients, notOperated, screening, warnings };
}

/** A JSON file or a CSV folder, told apart and read; a path that is neither is an issue. */
function readPath(path: string, options: CsvFolderReading): ValidateCohortFileResult {
  let absolute: string;
  try {
    absolute = resolve(path);
  } catch (error) {
    // A relative path from a folder that has been deleted: process.cwd() fails (uv_cwd).
    return failedRead(path, [
      plainIssue(
        basename(path),
        'not_found',
        `cannot find ${path}: the current folder no longer exists (${(error as Error).message})`,
      ),
    ]);
  }
  const stat = statInput(absolute);
  if (stat.kind === 'problem') {
    return failedRead(absolute, [plainIssue(basename(absolute), stat.code, stat.reason)]);
  }
  if (stat.kind === 'folder') return readCsvFolder(absolute, options);
  if (extname(absolute).toLowerCase() !== '.json') {
    return failedRead(absolute, [
      plainIssue(
        basename(absolute),
        'unsupported_input',
        'expected a .json cohort file or a folder of CSV files',
      ),
    ]);
  }
  return readCohortJsonFile(absolute);
}

/** Every message as one printable line (see `printableLine`); the issues' data untouched. */
function printable(result: ValidateCohortFileResult): ValidateCohortFileResult {
  const line = (issue: CohortInputIssue): CohortInputIssue => {
    const message = printableLine(issue.message);
    return message === issue.message ? issue : { ...issue, message };
  };
  return { ...result, issues: result.issues.map(line), warnings: result.warnings.map(line) };
}

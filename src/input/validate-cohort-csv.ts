import { assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import type { parseClavienDindoGrade } from '../complications/grades.js';
import type { ParsedCohort, validateCohort } from '../model/validate-cohort.js';
import { CohortInputError, type CohortInputIssue } from './cohort-input-error.js';
import type { ColumnMapping } from './column-mapping-schema.js';
import { CSV_DIALECTS, type CsvDialect, DIALECT_RULES } from './csv-dialect.js';
import { FILE_NAMES, type FileKey } from './csv-layout.js';
import { type CsvCohortResult, type CsvTexts, readCohortCsv } from './read-cohort-csv.js';
import { resolveColumnMapping } from './resolve-column-mapping.js';

/** The text of the CSV files of a cohort export (see docs/data-format.md). */
export interface CohortCsvFiles {
  /** `patients.csv`: one row per operated patient. */
  readonly patients: string;
  /** `psa.csv`: patient_id, date, value (`<0.03` = undetectable, limit 0.03). */
  readonly psa: string;
  /** `complications.csv`: patient_id, date, grade, description, category, intraoperative. */
  readonly complications: string;
  /** `testosterone.csv` (optional): patient_id, date, value in ng/dL. */
  readonly testosterone?: string;
  /** `not-operated.csv` (optional): id, enrollment_date, reason of enrolled patients not operated. */
  readonly notOperated?: string;
  /** `screening.csv` (optional): step (`assessed`/`excluded`), reason, count. */
  readonly screening?: string;
}

/** What a column the layout does not know is: dropped, a warning, or an error. */
export type UnknownColumns = 'ignore' | 'warning' | 'error';

/** Every {@link UnknownColumns}. */
export const UNKNOWN_COLUMNS: readonly UnknownColumns[] = Object.freeze([
  'ignore',
  'warning',
  'error',
]);

/** Options of {@link validateCohortCsv} and {@link parseCohortCsv}. */
export interface ValidateCohortCsvOptions {
  /**
   * What a column the layout (and the column mapping) does not know is: `'error'` (default;
   * often a misspelt name), `'warning'` (the column is left out and reported in `warnings`) or
   * `'ignore'` (left out silently: for an export with many columns of its own).
   */
  readonly unknownColumns?: UnknownColumns;
  /**
   * How the files are written: `'standard'` (default: `,` between fields, decimal point,
   * `YYYY-MM-DD` dates) or `'de'` (a German/Swiss spreadsheet export: `;`, decimal comma,
   * `DD.MM.YYYY` dates, also `ja`/`nein`). Never guessed from the data.
   */
  readonly csvDialect?: CsvDialect;
  /**
   * A column mapping (the parsed JSON of a mapping file, docs/data-format.md "Column
   * mappings"): an export's own column names and codes onto this layout. Checked first; its
   * problems are issues naming the key (`options.columnMapping: files["patients.csv"]...`).
   */
  readonly columnMapping?: ColumnMapping;
}

/**
 * The outcome of {@link validateCohortCsv}: the operated patients or every problem, and (as
 * `validateCohort` gives them) the patient flow: `notOperated` (empty without
 * not-operated.csv) and `screening` (null without screening.csv).
 */
export type ValidateCohortCsvResult = CsvCohortResult;

/**
 * Reads a cohort from the CSV files of a trial data export and validates it, returning the
 * patients or every problem found, each with its file, line and column.
 *
 * The layout (docs/data-format.md, `src/input/csv-layout.ts`): `patients.csv` with one row per
 * operated patient (`id`, `surgery_date`, `last_follow_up_date` required; the other dates and
 * the baseline characteristics, such as `isup_grade_group`, `prior_adt` or `imaging_regions`,
 * optional; an empty cell is an absent value), `psa.csv` (`patient_id`, `date`, `value` in
 * ng/mL, `<0.03` meaning undetectable with limit 0.03), `complications.csv` (`patient_id`,
 * `date`, `grade` in any form {@link parseClavienDindoGrade} reads, optional `description`,
 * `category`, `intraoperative`), and the optional `testosterone.csv` (`patient_id`, `date`,
 * `value` in ng/dL), `not-operated.csv` (`id`, `enrollment_date`, `reason`) and
 * `screening.csv` (`step` assessed or excluded, `reason`, `count`).
 *
 * Rules: RFC 4180 quoting, UTF-8 with or without a byte-order mark, LF or CRLF line endings;
 * header names matched ignoring case and surrounding spaces; cells trimmed and never type-cast
 * (id `007` stays the string "007"); yes/no cells read `yes`/`no`, `true`/`false`, `1`/`0` in
 * any case (the de dialect also `ja`/`nein`); a list cell (`imaging_regions`) holds values
 * separated by `|`; rows whose cells are all empty are skipped. In the standard dialect a
 * semicolon header, a decimal comma or a `DD.MM.YYYY` date is an error whose message names
 * the de dialect. Each row of psa, complications and testosterone must name a patient of
 * patients.csv; an id of not-operated.csv must not be one. Missing required columns, unknown
 * columns (as `options.unknownColumns` says), empty required cells, bad values, rows with the
 * wrong number of fields and duplicate ids are all reported together. A control character or
 * a first line over 65,536 characters makes a file unreadable; such a file, and one whose
 * header lacks a required column, is rejected before the rest of it is parsed.
 *
 * Then {@link validateCohort} checks the assembled cohort (date order, same-day duplicates, the
 * baseline rules, a screening that adds up); its issues are placed on the line and column of
 * the CSV cell they concern (`psa[3]` of patient X becomes the line of X's fourth row in
 * psa.csv). Those checks run on every patient whose rows passed the CSV checks; they are
 * skipped only when a whole file could not be read.
 *
 * Issue messages start with their place: `psa.csv line 14, column 3: value "1,2" is not a
 * number`. Lines are 1-based with the header as line 1 (a quoted cell may span lines: its
 * record's first line is given); columns are 1-based.
 *
 * @param files - the text of each file (`testosterone`, `notOperated`, `screening` optional).
 * @param options - `unknownColumns` (default `'error'`), `csvDialect` (default `'standard'`),
 *   `columnMapping`.
 * @returns `{ ok: true, patients, warnings, notOperated, screening }` (patients in patients.csv
 *   order, series sorted by date) or `{ ok: false, issues, warnings, validPatients, notOperated,
 *   screening }`; never throws for bad data.
 * @throws {TypeError} when `files` or `options` is not an object or a file's text is not a
 *   string.
 * @throws {RangeError} when `options.unknownColumns` or `options.csvDialect` is not one of its
 *   values.
 * @example
 * const result = validateCohortCsv({
 *   patients: 'id,surgery_date,last_follow_up_date,prior_adt\n007,2024-01-10,2025-06-01,no\n',
 *   psa: 'patient_id,date,value\n007,2024-01-02,1.4\n007,2024-02-20,<0.03\n',
 *   complications: 'patient_id,date,grade,description\n007,2024-01-14,2,lymphocele\n',
 * });
 * result.ok && result.patients[0].psa[1]; // => { date: '2024-02-20', value: 0.03, undetectable: true }
 */
export function validateCohortCsv(
  files: CohortCsvFiles,
  options: ValidateCohortCsvOptions = {},
): ValidateCohortCsvResult {
  assertObject('files', files);
  const { unknownColumns, dialect } = checkCsvOptions(options);
  const texts: Partial<Record<FileKey, string>> = {};
  for (const key of Object.keys(FILE_NAMES) as FileKey[]) {
    const text = files[key as keyof CohortCsvFiles];
    const required = key === 'patients' || key === 'psa' || key === 'complications';
    if (typeof text === 'string') texts[key] = text;
    else if (required || text !== undefined) {
      throw new TypeError(
        `files.${key} must be the text of ${FILE_NAMES[key]}${required ? '' : ' or undefined'}. Value: ${describeValue(text)}.`,
      );
    }
  }
  let mapping = null;
  if (options.columnMapping !== undefined) {
    const resolved = resolveColumnMapping(options.columnMapping, 'options.columnMapping');
    if (resolved.mapping === null) {
      // Not a file's problem: the issues name the option and the key.
      const issues = resolved.issues.map((i): CohortInputIssue => ({ ...i, file: null }));
      return mappingFailure(issues);
    }
    mapping = resolved.mapping;
  }
  return readCohortCsv(texts as CsvTexts, { unknownColumns, dialect, mapping });
}

/** The outcome when the column mapping cannot be used: its issues, nothing read. */
function mappingFailure(issues: CohortInputIssue[]): ValidateCohortCsvResult {
  return { ok: false, issues, warnings: [], validPatients: [], notOperated: [], screening: null };
}

/**
 * The checked `unknownColumns` and dialect of CSV options.
 *
 * @throws {TypeError} when `options` is not an object.
 * @throws {RangeError} when an option is not one of its values.
 */
export function checkCsvOptions(options: {
  readonly unknownColumns?: unknown;
  readonly csvDialect?: unknown;
}): { unknownColumns: UnknownColumns; dialect: (typeof DIALECT_RULES)[CsvDialect] } {
  assertObject('options', options);
  const { unknownColumns = 'error', csvDialect = 'standard' } = options;
  assertOneOf('options.unknownColumns', unknownColumns, UNKNOWN_COLUMNS);
  assertOneOf('options.csvDialect', csvDialect, CSV_DIALECTS);
  return { unknownColumns, dialect: DIALECT_RULES[csvDialect] };
}

/**
 * Reads a cohort like {@link validateCohortCsv} and returns it, or throws.
 *
 * @param files - the text of each file (`testosterone`, `notOperated`, `screening` optional).
 * @param options - as for {@link validateCohortCsv}.
 * @returns `{ patients, notOperated, screening, warnings }`.
 * @throws {CohortInputError} (code `'COHORT_INPUT_INVALID'`) listing every problem in `.issues`.
 * @throws {TypeError} when `files` is not an object or a file's text is not a string.
 * @throws {RangeError} when an option is not one of its values.
 * @example
 * const { patients, notOperated } = parseCohortCsv({ patients, psa, complications });
 */
export function parseCohortCsv(
  files: CohortCsvFiles,
  options: ValidateCohortCsvOptions = {},
): ParsedCohort<CohortInputIssue> {
  const result = validateCohortCsv(files, options);
  if (!result.ok) throw new CohortInputError(result.issues);
  const { patients, notOperated, screening, warnings } = result;
  return { patients, notOperated, screening, warnings };
}

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { describeValue } from '../_lib/describe-value.js';
import { formatIssue } from '../errors.js';
import {
  CohortInputError,
  type CohortInputIssue,
  formatInputLocation,
} from '../input/cohort-input-error.js';
import type { ColumnMapping } from '../input/column-mapping-schema.js';
import { type FileKey, fileKeyOf } from '../input/csv-layout.js';
import { jsonDuplicateKeys } from '../input/json-duplicate-keys.js';
import { jsonErrorPlace } from '../input/json-error-place.js';
import { mayHaveDuplicateKeys } from '../input/json-may-have-duplicate-keys.js';
import { readCohortCsv } from '../input/read-cohort-csv.js';
import {
  type ResolvedColumnMapping,
  resolveColumnMapping,
} from '../input/resolve-column-mapping.js';
import {
  checkCsvOptions,
  type ValidateCohortCsvOptions,
  type validateCohortCsv,
} from '../input/validate-cohort-csv.js';
import type { NotOperatedPatient, Patient, Screening } from '../model/types.js';
import type { ParsedCohort } from '../model/validate-cohort.js';
import { validateCohort } from '../model/validate-cohort.js';
import { printableLine } from './printable-line.js';
import { MAX_INPUT_BYTES, readInputFile } from './read-input-file.js';
import { fileSystemProblem, statInput } from './stat-input.js';

export { MAX_INPUT_BYTES };

/**
 * The files of a CSV cohort folder, in the order they are hashed; the first three are required,
 * the others optional.
 */
export const COHORT_CSV_FILE_NAMES = Object.freeze([
  'patients.csv',
  'psa.csv',
  'complications.csv',
  'testosterone.csv',
  'not-operated.csv',
  'screening.csv',
] as const);

/** The files a CSV folder must hold. */
const REQUIRED_CSV_FILES: ReadonlySet<string> = new Set([
  'patients.csv',
  'psa.csv',
  'complications.csv',
]);

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

/** Nothing of the patient flow: the result of an input that could not be read. */
function noFlow(): { notOperated: NotOperatedPatient[]; screening: null } {
  return { notOperated: [], screening: null };
}

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

/** The checked options of {@link validateCohortFile}. */
interface FileReading {
  readonly unknownColumns: 'error' | 'warning' | 'ignore';
  readonly dialect: ReturnType<typeof checkCsvOptions>['dialect'];
  readonly columnMapping: string | ColumnMapping | undefined;
}

function readPath(path: string, options: FileReading): ValidateCohortFileResult {
  let absolute: string;
  try {
    absolute = resolve(path);
  } catch (error) {
    // A relative path from a folder that has been deleted: process.cwd() fails (uv_cwd).
    return failed(
      path,
      plainIssue(
        basename(path),
        'not_found',
        `cannot find ${path}: the current folder no longer exists (${(error as Error).message})`,
      ),
    );
  }
  const stat = statInput(absolute);
  if (stat.kind === 'problem') {
    return failed(absolute, plainIssue(basename(absolute), stat.code, stat.reason));
  }
  if (stat.kind === 'folder') return readCsvFolder(absolute, options);
  if (extname(absolute).toLowerCase() !== '.json') {
    return failed(
      absolute,
      plainIssue(
        basename(absolute),
        'unsupported_input',
        'expected a .json cohort file or a folder of CSV files',
      ),
    );
  }
  return readJsonFile(absolute);
}

function failed(
  path: string,
  issue: CohortInputIssue,
  sha256: string | null = null,
  warnings: CohortInputIssue[] = [],
): ValidateCohortFileResult {
  return {
    ok: false,
    patients: null,
    warnings,
    issues: [issue],
    source: { path, sha256 },
    validPatients: [],
    ...noFlow(),
  };
}

/** Every message as one printable line (see `printableLine`); the issues' data untouched. */
function printable(result: ValidateCohortFileResult): ValidateCohortFileResult {
  const line = (issue: CohortInputIssue): CohortInputIssue => {
    const message = printableLine(issue.message);
    return message === issue.message ? issue : { ...issue, message };
  };
  return { ...result, issues: result.issues.map(line), warnings: result.warnings.map(line) };
}

function plainIssue(file: string, code: string, message: string): CohortInputIssue {
  return {
    file,
    line: null,
    column: null,
    patientId: null,
    path: '',
    code,
    message: `${file}: ${message}`,
  };
}

/** The longest id a message repeats; a longer one is cut (the issue keeps it whole). */
const MAX_ID_IN_MESSAGE = 80;

function idForMessage(id: string | null): string | null {
  if (id === null || id.length <= MAX_ID_IN_MESSAGE) return id;
  return `${id.slice(0, MAX_ID_IN_MESSAGE - 3)}... (an id of ${id.length} characters)`;
}

/** A JSON file read and parsed, or its issues; `sha256` of its bytes when they were read. */
type JsonRead =
  | { readonly input: unknown; readonly issues: null; readonly sha256: string }
  | { readonly input: null; readonly issues: CohortInputIssue[]; readonly sha256: string | null };

/**
 * Reads and parses one JSON file: its bytes (see readInputFile), a UTF-8 BOM dropped, a syntax
 * error placed on its line and column, a key written twice in one object refused.
 */
function readJson(path: string, file: string, expected: string): JsonRead {
  const read = readInputFile(path, file);
  const sha256 = read.bytes === null ? null : createHash('sha256').update(read.bytes).digest('hex');
  if (read.issue !== null) return { input: null, issues: [read.issue], sha256 };
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const fail = (issue: CohortInputIssue): JsonRead => ({ input: null, issues: [issue], sha256 });
  if (text.trim() === '') {
    return fail(plainIssue(file, 'empty_file', `the file is empty; expected ${expected}`));
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error; printable() escapes its control characters (junk,
    // or a terminal escape sequence) so the message prints as one readable line.
    const reason = (error as Error).message;
    const { line, column } = jsonErrorPlace(text, reason);
    return fail({
      file,
      line,
      column,
      patientId: null,
      path: '',
      code: 'json_syntax',
      message: `${formatInputLocation(file, line, column)}: not valid JSON: ${reason}`,
    });
  }
  const duplicates = mayHaveDuplicateKeys(text, input) ? duplicateKeyIssues(file, text) : [];
  if (duplicates.length > 0) return { input: null, issues: duplicates, sha256 };
  return { input, issues: null, sha256: sha256! };
}

function readJsonFile(path: string): ValidateCohortFileResult {
  const file = basename(path);
  const json = readJson(path, file, '{ "patients": [...] }');
  const source = { path, sha256: json.sha256 };
  if (json.issues !== null) {
    return {
      ok: false,
      patients: null,
      warnings: [],
      issues: json.issues,
      source,
      validPatients: [],
      ...noFlow(),
    };
  }
  const result = validateCohort(json.input);
  // validateCohort knows fields, not characters: these issues name the file and the patient.
  const place = (issue: (typeof result.warnings)[number]): CohortInputIssue => ({
    ...issue,
    file,
    line: null,
    column: null,
    message: `${file}: ${formatIssue({ ...issue, patientId: idForMessage(issue.patientId) })}`,
  });
  const warnings = result.warnings.map(place);
  const flow = { notOperated: result.notOperated, screening: result.screening };
  if (!result.ok) {
    return {
      ok: false,
      patients: null,
      warnings,
      issues: result.issues.map(place),
      source,
      validPatients: result.validPatients,
      ...flow,
    };
  }
  return { ok: true, patients: result.patients, warnings, issues: [], source, ...flow };
}

/**
 * The column mapping of the options, checked: read from its file when it is a path (its
 * issues name that file), or taken as the parsed mapping (its issues name the option).
 */
function readMapping(
  columnMapping: string | ColumnMapping,
):
  | { mapping: ResolvedColumnMapping; issues: null }
  | { mapping: null; issues: CohortInputIssue[] } {
  if (typeof columnMapping !== 'string') {
    const resolved = resolveColumnMapping(columnMapping, 'options.columnMapping');
    if (resolved.mapping !== null) return { mapping: resolved.mapping, issues: null };
    return { mapping: null, issues: resolved.issues.map((i) => ({ ...i, file: null })) };
  }
  const file = basename(columnMapping);
  let absolute: string;
  try {
    absolute = resolve(columnMapping);
  } catch (error) {
    const reason = `cannot find ${columnMapping}: the current folder no longer exists (${(error as Error).message})`;
    return { mapping: null, issues: [plainIssue(file, 'not_found', reason)] };
  }
  const stat = statInput(absolute);
  if (stat.kind === 'problem') {
    return {
      mapping: null,
      issues: [plainIssue(file, stat.code, `column mapping: ${stat.reason}`)],
    };
  }
  if (stat.kind === 'folder') {
    const reason = 'column mapping: is a folder, not a JSON file';
    return { mapping: null, issues: [plainIssue(file, 'unreadable', reason)] };
  }
  const json = readJson(absolute, file, '{ "files": { "patients.csv": { ... } } }');
  if (json.issues !== null) return { mapping: null, issues: json.issues };
  const resolved = resolveColumnMapping(json.input, file);
  return resolved.mapping === null
    ? { mapping: null, issues: resolved.issues }
    : { mapping: resolved.mapping, issues: null };
}

/** The most `duplicate_key` issues one file gives; the last of them counts the rest. */
const MAX_DUPLICATE_KEY_ISSUES = 100;

/**
 * A key written twice in one object is an error, not last-wins: the value JSON.parse dropped
 * may be the one that was meant (`"value": -5, "value": 1.2` hides an invalid value), and
 * `{"patients": [...], "patients": []}` would read as a valid cohort of none. The issues come
 * alone: what the parsed object holds is not what the file says.
 */
function duplicateKeyIssues(file: string, text: string): CohortInputIssue[] {
  const { duplicates, total } = jsonDuplicateKeys(text, MAX_DUPLICATE_KEY_ISSUES);
  return duplicates.map((d, index) => {
    const more = total - duplicates.length;
    const rest =
      index === duplicates.length - 1 && more > 0
        ? ` (and ${more} more duplicate key${more === 1 ? '' : 's'} after this one)`
        : '';
    return {
      file,
      line: d.line,
      column: d.column,
      patientId: null,
      path: d.path,
      code: 'duplicate_key',
      message:
        `${formatInputLocation(file, d.line, d.column)}: the key ${describeValue(d.key)} (${d.path}) ` +
        `is written twice in one object, first at line ${d.firstLine}, column ${d.firstColumn}; ` +
        `JSON keeps only the last, silently: remove one${rest}`,
    };
  });
}

function readCsvFolder(folder: string, options: FileReading): ValidateCohortFileResult {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    // A folder without read permission: say so, not that each file is missing.
    const { code, reason } = fileSystemProblem(folder, error);
    return failed(folder, plainIssue(basename(folder), code, reason));
  }
  // The mapping first: one that would misread a column never reaches the data.
  let mapping: ResolvedColumnMapping | null = null;
  if (options.columnMapping !== undefined) {
    const read = readMapping(options.columnMapping);
    if (read.issues !== null) {
      return {
        ok: false,
        patients: null,
        warnings: [],
        issues: read.issues,
        source: { path: folder, sha256: null },
        validPatients: [],
        ...noFlow(),
      };
    }
    mapping = read.mapping;
  }
  const { texts, sha256, issues } = readCsvFiles(folder);
  const source = { path: folder, sha256 };
  const warnings = unknownFileWarnings(names);
  if (issues.length > 0) {
    return { ok: false, patients: null, warnings, issues, source, validPatients: [], ...noFlow() };
  }

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

/**
 * The cohort files of `folder`, read: their texts, the SHA-256 of them all (each file's name,
 * size and bytes, in the layout's order; null when none was read), and the files missing or
 * unreadable. An optional file may be absent, unless it is a link to nothing.
 */
function readCsvFiles(folder: string): {
  texts: Partial<Record<FileKey, string>>;
  sha256: string | null;
  issues: CohortInputIssue[];
} {
  const hash = createHash('sha256');
  const texts: Partial<Record<FileKey, string>> = {};
  let read = 0;
  const issues: CohortInputIssue[] = [];
  for (const name of COHORT_CSV_FILE_NAMES) {
    const path = join(folder, name);
    const stat = statInput(path);
    if (stat.kind === 'problem' && stat.code === 'not_found' && !isLink(path)) {
      if (REQUIRED_CSV_FILES.has(name)) {
        issues.push(plainIssue(name, 'missing_file', `required file is missing in ${folder}`));
      }
      continue;
    }
    if (stat.kind === 'problem' && stat.code === 'not_found') {
      // A link to nothing: the file was meant to be there.
      issues.push(plainIssue(name, 'missing_file', stat.reason));
      continue;
    }
    const { bytes, issue } = readInputFile(path, name);
    if (bytes !== null) {
      hash.update(`${name}\n${bytes.length}\n`, 'utf8');
      hash.update(bytes);
      texts[fileKeyOf(name)!] = bytes.toString('utf8');
      read += 1;
    }
    if (issue !== null) issues.push(issue);
  }
  return { texts, sha256: read > 0 ? hash.digest('hex') : null, issues };
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

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

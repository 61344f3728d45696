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
import { jsonDuplicateKeys } from '../input/json-duplicate-keys.js';
import { jsonErrorPlace } from '../input/json-error-place.js';
import { mayHaveDuplicateKeys } from '../input/json-may-have-duplicate-keys.js';
import { type ParseCohortCsvOptions, parseCohortCsv } from '../input/parse-cohort-csv.js';
import type { Patient } from '../model/types.js';
import { validateCohort } from '../model/validate-cohort.js';
import { printableLine } from './printable-line.js';
import { MAX_INPUT_BYTES, readInputFile } from './read-input-file.js';
import { fileSystemProblem, statInput } from './stat-input.js';

export { MAX_INPUT_BYTES };

/** The files of a CSV cohort folder, in the order they are hashed; the last is optional. */
export const COHORT_CSV_FILE_NAMES = Object.freeze([
  'patients.csv',
  'psa.csv',
  'complications.csv',
  'testosterone.csv',
] as const);

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

/** The outcome of {@link readCohort}. */
export type ReadCohortResult =
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
    };

/**
 * Reads a cohort from disk (node only): a cohort JSON file (`{ "patients": [...] }`, checked by
 * {@link validateCohort}) or a folder of CSV files (`patients.csv`, `psa.csv`,
 * `complications.csv` and optional `testosterone.csv`, read by {@link parseCohortCsv}); see
 * docs/data-format.md. Every problem is returned, each with its file (and, where known, line
 * and column); a JSON syntax error gives its line and column, and so does a key written twice
 * in one JSON object (`duplicate_key`: JSON.parse would keep the last silently). A UTF-8
 * byte-order mark is accepted in either form. Other `.csv` files in the folder are reported as
 * warnings (a misnamed export would otherwise be silently left out).
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
 * `for f in patients.csv psa.csv complications.csv testosterone.csv; do [ -f $f ] && { printf
 * '%s\n%s\n' $f $(wc -c < $f); cat $f; }; done | sha256sum`.
 *
 * @param path - a `.json` file or a folder of CSV files.
 * @param options - for a CSV folder, as for {@link parseCohortCsv}.
 * @returns `{ ok, patients, warnings, issues, source }`: `patients` null and `issues` non-empty
 *   when `ok` is false (a missing path or file is an issue too, with `sha256` null when nothing
 *   was read).
 * @throws {TypeError} when `path` is not a non-empty string.
 * @example
 * const result = readCohort('examples/example-cohort-csv');
 * if (result.ok) console.log(result.patients.length, result.source.sha256);
 */
export function readCohort(path: string, options: ParseCohortCsvOptions = {}): ReadCohortResult {
  if (typeof path !== 'string' || path === '') {
    throw new TypeError(`path must be a non-empty string. Value: ${describeValue(path)}.`);
  }
  return printable(readPath(path, options));
}

/**
 * {@link readCohort} that returns the patients or throws.
 *
 * @param path - a `.json` file or a folder of CSV files.
 * @param options - for a CSV folder, as for {@link parseCohortCsv}.
 * @returns the validated patients.
 * @throws {CohortInputError} (code `'COHORT_INPUT_INVALID'`) listing every problem in `.issues`.
 * @throws {TypeError} when `path` is not a non-empty string.
 * @example
 * const patients = readCohortOrThrow('examples/example-cohort.json');
 */
export function readCohortOrThrow(path: string, options: ParseCohortCsvOptions = {}): Patient[] {
  const result = readCohort(path, options);
  if (!result.ok) throw new CohortInputError(result.issues);
  return result.patients;
}

function readPath(path: string, options: ParseCohortCsvOptions): ReadCohortResult {
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
): ReadCohortResult {
  return {
    ok: false,
    patients: null,
    warnings,
    issues: [issue],
    source: { path, sha256 },
    validPatients: [],
  };
}

/** Every message as one printable line (see `printableLine`); the issues' data untouched. */
function printable(result: ReadCohortResult): ReadCohortResult {
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

function readJsonFile(path: string): ReadCohortResult {
  const file = basename(path);
  const read = readInputFile(path, file);
  const sha256 = read.bytes === null ? null : createHash('sha256').update(read.bytes).digest('hex');
  const fail = (issue: CohortInputIssue) => failed(path, issue, sha256);
  if (read.issue !== null) return fail(read.issue);
  const source = { path, sha256 };
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return fail(
      plainIssue(file, 'empty_file', 'the file is empty; expected { "patients": [...] }'),
    );
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
  if (duplicates.length > 0) {
    return {
      ok: false,
      patients: null,
      warnings: [],
      issues: duplicates,
      source,
      validPatients: [],
    };
  }
  const result = validateCohort(input);
  // validateCohort knows fields, not characters: these issues name the file and the patient.
  const place = (issue: (typeof result.warnings)[number]): CohortInputIssue => ({
    ...issue,
    file,
    line: null,
    column: null,
    message: `${file}: ${formatIssue({ ...issue, patientId: idForMessage(issue.patientId) })}`,
  });
  const warnings = result.warnings.map(place);
  if (!result.ok) {
    return {
      ok: false,
      patients: null,
      warnings,
      issues: result.issues.map(place),
      source,
      validPatients: result.validPatients,
    };
  }
  return { ok: true, patients: result.patients, warnings, issues: [], source };
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

function readCsvFolder(folder: string, options: ParseCohortCsvOptions): ReadCohortResult {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    // A folder without read permission: say so, not that each file is missing.
    const { code, reason } = fileSystemProblem(folder, error);
    return failed(folder, plainIssue(basename(folder), code, reason));
  }
  const hash = createHash('sha256');
  const texts = new Map<string, string>();
  const issues: CohortInputIssue[] = [];
  for (const name of COHORT_CSV_FILE_NAMES) {
    const path = join(folder, name);
    const stat = statInput(path);
    if (stat.kind === 'problem' && stat.code === 'not_found' && !isLink(path)) {
      if (name !== 'testosterone.csv') {
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
      texts.set(name, bytes.toString('utf8'));
    }
    if (issue !== null) issues.push(issue);
  }
  const source = { path: folder, sha256: texts.size > 0 ? hash.digest('hex') : null };
  const known: readonly string[] = COHORT_CSV_FILE_NAMES;
  const warnings = names
    .filter((name) => name.toLowerCase().endsWith('.csv') && !known.includes(name))
    .sort()
    .map((name) =>
      plainIssue(
        name,
        'unknown_file',
        `ignored: not one of the cohort files (${COHORT_CSV_FILE_NAMES.join(', ')})`,
      ),
    );
  if (issues.length > 0) {
    return { ok: false, patients: null, warnings, issues, source, validPatients: [] };
  }

  const testosterone = texts.get('testosterone.csv');
  const result = parseCohortCsv(
    {
      patients: texts.get('patients.csv')!,
      psa: texts.get('psa.csv')!,
      complications: texts.get('complications.csv')!,
      ...(testosterone === undefined ? {} : { testosterone }),
    },
    options,
  );
  const allWarnings = [...warnings, ...result.warnings];
  if (!result.ok) {
    return {
      ok: false,
      patients: null,
      warnings: allWarnings,
      issues: result.issues,
      source,
      validPatients: result.validPatients,
    };
  }
  return { ok: true, patients: result.patients, warnings: allWarnings, issues: [], source };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { describeValue } from '../_lib/describe-value.js';
import { formatIssue } from '../errors.js';
import {
  CohortInputError,
  type CohortInputIssue,
  formatInputLocation,
} from '../input/cohort-input-error.js';
import { jsonErrorPlace } from '../input/json-error-place.js';
import { type ParseCohortCsvOptions, parseCohortCsv } from '../input/parse-cohort-csv.js';
import type { Patient } from '../model/types.js';
import { validateCohort } from '../model/validate-cohort.js';

/** The files of a CSV cohort folder, in the order they are hashed; the last is optional. */
export const COHORT_CSV_FILE_NAMES = Object.freeze([
  'patients.csv',
  'psa.csv',
  'complications.csv',
  'testosterone.csv',
] as const);

/**
 * The largest file {@link readCohort} reads: 64 MiB (per file). A cohort of 20,000 simulated
 * patients is 20 MB as JSON and 9 MB as CSV, so a bigger file is almost certainly not a cohort
 * (a database dump, a zip renamed to .json); refusing it before reading keeps the answer fast.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

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
 * and column); a JSON syntax error gives its line and column. A UTF-8 byte-order mark is
 * accepted in either form. Other `.csv` files in the folder are reported as warnings (a
 * misnamed export would otherwise be silently left out). A file larger than
 * {@link MAX_INPUT_BYTES} (`too_large`), one that cannot be read (`unreadable`, e.g. a folder
 * named `patients.csv`) or whose bytes are not UTF-8 (`invalid_encoding`: a Windows-1252,
 * Latin-1 or UTF-16 export, or not text at all) is an issue, never a thrown error.
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
  const absolute = resolve(path);
  const fail = (issue: CohortInputIssue, sha256: string | null = null): ReadCohortResult => ({
    ok: false,
    patients: null,
    warnings: [],
    validPatients: [],
    issues: [issue],
    source: { path: absolute, sha256 },
  });
  if (!existsSync(absolute)) {
    return fail(plainIssue(basename(absolute), 'not_found', `no such file or folder: ${absolute}`));
  }
  if (statSync(absolute).isDirectory()) return readCsvFolder(absolute, options);
  if (extname(absolute).toLowerCase() !== '.json') {
    return fail(
      plainIssue(
        basename(absolute),
        'unsupported_input',
        'expected a .json cohort file or a folder of CSV files',
      ),
    );
  }
  return readJsonFile(absolute);
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

function readJsonFile(path: string): ReadCohortResult {
  const file = basename(path);
  const read = readInputFile(path, file);
  const sha256 = read.bytes === null ? null : createHash('sha256').update(read.bytes).digest('hex');
  const source = { path, sha256 };
  const fail = (issue: CohortInputIssue): ReadCohortResult => ({
    ok: false,
    patients: null,
    warnings: [],
    issues: [issue],
    source,
    validPatients: [],
  });
  if (read.issue !== null) return fail(read.issue);
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
    // V8 quotes the text around the error: escape control characters (junk, or a terminal
    // escape sequence) so the message prints as one readable line.
    const reason = (error as Error).message.replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point.
      /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const { line, column } = jsonErrorPlace(text, (error as Error).message);
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
  const result = validateCohort(input);
  // validateCohort knows fields, not characters: these issues name the file and the patient.
  const place = (issue: (typeof result.warnings)[number]): CohortInputIssue => ({
    ...issue,
    file,
    line: null,
    column: null,
    message: `${file}: ${formatIssue(issue)}`,
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

/**
 * The bytes of one input file, or why they cannot be used: too large (checked before reading),
 * unreadable (a folder, no permission) or not UTF-8. `bytes` is null when nothing was read.
 */
function readInputFile(
  path: string,
  file: string,
): { bytes: Buffer; issue: null } | { bytes: Buffer | null; issue: CohortInputIssue } {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      return { bytes: null, issue: plainIssue(file, 'unreadable', 'is a folder, not a file') };
    }
    if (stat.size > MAX_INPUT_BYTES) {
      const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
      return {
        bytes: null,
        issue: plainIssue(
          file,
          'too_large',
          `the file is ${mib(stat.size)} MiB; the limit is ${mib(MAX_INPUT_BYTES)} MiB per file ` +
            '(a cohort of 20,000 patients is about 20 MiB): is this the cohort export?',
        ),
      };
    }
    bytes = readFileSync(path);
  } catch (error) {
    return {
      bytes: null,
      issue: plainIssue(file, 'unreadable', `cannot be read: ${(error as Error).message}`),
    };
  }
  if (isUtf8(bytes)) return { bytes, issue: null };
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    return {
      bytes,
      issue: plainIssue(
        file,
        'invalid_encoding',
        'the file is UTF-16 ("Unicode text"); save it as UTF-8 (in Excel: "CSV UTF-8")',
      ),
    };
  }
  // The first invalid byte decodes to U+FFFD; its line is what the user needs to look at.
  const text = bytes.toString('utf8');
  const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
  return {
    bytes,
    issue: {
      ...plainIssue(file, 'invalid_encoding', ''),
      line,
      message:
        `${formatInputLocation(file, line, null)}: the bytes are not UTF-8 text (a Windows-1252 ` +
        'or Latin-1 export, or not a text file at all); save the file as UTF-8',
    },
  };
}

function readCsvFolder(folder: string, options: ParseCohortCsvOptions): ReadCohortResult {
  const hash = createHash('sha256');
  const texts = new Map<string, string>();
  const issues: CohortInputIssue[] = [];
  for (const name of COHORT_CSV_FILE_NAMES) {
    const path = join(folder, name);
    if (!existsSync(path)) {
      if (name !== 'testosterone.csv') {
        issues.push(plainIssue(name, 'missing_file', `required file is missing in ${folder}`));
      }
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
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    issues.push(
      plainIssue(basename(folder), 'unreadable', `cannot be read: ${(error as Error).message}`),
    );
    names = [];
  }
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

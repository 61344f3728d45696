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
 * misnamed export would otherwise be silently left out).
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
  const bytes = readFileSync(path);
  const file = basename(path);
  const source = { path, sha256: createHash('sha256').update(bytes).digest('hex') };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPlace(text, (error as Error).message);
    const issue: CohortInputIssue = {
      file,
      line,
      column,
      patientId: null,
      path: '',
      code: 'json_syntax',
      message: `${formatInputLocation(file, line, column)}: not valid JSON: ${(error as Error).message}`,
    };
    return { ok: false, patients: null, warnings: [], issues: [issue], source, validPatients: [] };
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
 * Line and column (1-based) of a JSON.parse error. V8 names a character offset ("at position
 * 42"), and from Node 22 also "(line 3 column 5)"; messages naming neither give null.
 */
function jsonErrorPlace(
  text: string,
  message: string,
): { line: number | null; column: number | null } {
  const both = /line (\d+) column (\d+)/.exec(message);
  if (both !== null) return { line: Number(both[1]), column: Number(both[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position !== null) {
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
  // "Unexpected end of JSON input": the text ended early, so the problem is at its end.
  if (/end of JSON input/.test(message)) {
    const lines = text.split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
  return { line: null, column: null };
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
    const bytes = readFileSync(path);
    hash.update(`${name}\n${bytes.length}\n`, 'utf8');
    hash.update(bytes);
    texts.set(name, bytes.toString('utf8'));
  }
  const source = { path: folder, sha256: texts.size > 0 ? hash.digest('hex') : null };
  const known: readonly string[] = COHORT_CSV_FILE_NAMES;
  const warnings = readdirSync(folder)
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

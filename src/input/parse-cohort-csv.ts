// csv-parse's `csv-parse/sync` entry (lib/sync.js) calls the Node global `Buffer`, so it fails
// in a browser; `csv-parse/browser/esm/sync` is the same parser, bundled by csv-parse with its
// own Buffer shim and no Node import. It is used here so this module stays browser-safe.
import { parse } from 'csv-parse/browser/esm/sync';
import { assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { parseClavienDindoGrade } from '../complications/grades.js';
import type { CohortIssue } from '../errors.js';
import { isIsoDate } from '../model/iso-date.js';
import type { Patient } from '../model/types.js';
import { validateCohort } from '../model/validate-cohort.js';
import {
  CohortInputError,
  type CohortInputIssue,
  formatInputLocation,
} from './cohort-input-error.js';

/** The text of the CSV files of a cohort export (see docs/data-format.md). */
export interface CohortCsvFiles {
  /** `patients.csv`: one row per patient. */
  readonly patients: string;
  /** `psa.csv`: patient_id, date, value (`<0.03` = undetectable, limit 0.03). */
  readonly psa: string;
  /** `complications.csv`: patient_id, date, grade, description. */
  readonly complications: string;
  /** `testosterone.csv` (optional): patient_id, date, value in ng/dL. */
  readonly testosterone?: string;
}

/** Options of {@link parseCohortCsv}. */
export interface ParseCohortCsvOptions {
  /**
   * What a column the layout does not know is: `'error'` (default; often a misspelt name) or
   * `'warning'` (the column is ignored and reported in `warnings`).
   */
  readonly unknownColumns?: 'error' | 'warning';
}

/** The outcome of {@link parseCohortCsv}. */
export type ParseCohortCsvResult =
  | {
      readonly ok: true;
      readonly patients: Patient[];
      readonly warnings: CohortInputIssue[];
    }
  | {
      readonly ok: false;
      readonly issues: CohortInputIssue[];
      readonly warnings: CohortInputIssue[];
      /**
       * The patients no issue names (empty when a whole file is unreadable), for a caller that
       * chooses to analyse them and list the rest; never a silent default.
       */
      readonly validPatients: Patient[];
    };

type Kind = 'id' | 'date' | 'psa' | 'number' | 'grade' | 'text';

interface ColumnSpec {
  /** Header name, lower case. */
  readonly name: string;
  /** The Patient (or series item) field it fills. */
  readonly field: string;
  /** Column must be in the header and its cells must not be empty. */
  readonly required: boolean;
  readonly kind: Kind;
}

type SeriesField = 'psa' | 'complications' | 'testosterone';

const PATIENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', field: 'id', required: true, kind: 'id' },
  { name: 'surgery_date', field: 'surgeryDate', required: true, kind: 'date' },
  { name: 'prostatectomy_date', field: 'prostatectomyDate', required: false, kind: 'date' },
  { name: 'adt_start_date', field: 'adtStartDate', required: false, kind: 'date' },
  {
    name: 'castration_resistance_date',
    field: 'castrationResistanceDate',
    required: false,
    kind: 'date',
  },
  {
    name: 'distant_metastasis_date',
    field: 'distantMetastasisDate',
    required: false,
    kind: 'date',
  },
  { name: 'death_date', field: 'deathDate', required: false, kind: 'date' },
  { name: 'last_follow_up_date', field: 'lastFollowUpDate', required: true, kind: 'date' },
  { name: 'last_imaging_date', field: 'lastImagingDate', required: false, kind: 'date' },
];

const PATIENT_ID: ColumnSpec = { name: 'patient_id', field: '', required: true, kind: 'id' };
const DATE: ColumnSpec = { name: 'date', field: 'date', required: true, kind: 'date' };

const SERIES_COLUMNS: Readonly<Record<SeriesField, readonly ColumnSpec[]>> = {
  psa: [PATIENT_ID, DATE, { name: 'value', field: 'value', required: true, kind: 'psa' }],
  complications: [
    PATIENT_ID,
    DATE,
    { name: 'grade', field: 'grade', required: true, kind: 'grade' },
    { name: 'description', field: 'description', required: false, kind: 'text' },
  ],
  testosterone: [
    PATIENT_ID,
    DATE,
    { name: 'value', field: 'value', required: true, kind: 'number' },
  ],
};

const FILE_NAMES = {
  patients: 'patients.csv',
  psa: 'psa.csv',
  complications: 'complications.csv',
  testosterone: 'testosterone.csv',
} as const;

type FileKey = keyof typeof FILE_NAMES;

/** A decimal number: digits with an optional point and exponent (no thousands separators). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/**
 * The longest first line read as a header. The layout's header is under 200 characters; even
 * with many unknown columns (`unknownColumns: 'warning'`) a real header stays far below this,
 * while a junk file without line breaks would otherwise be parsed whole as its header.
 */
const MAX_HEADER_CHARS = 65_536;
/** An undetectable result as labs export it: `<0.03`, `< 0.03`. */
const BELOW_LIMIT = /^<\s*(.*)$/;

interface Cell {
  /** The cell's text, surrounding whitespace removed. */
  readonly text: string;
  /** 1-based column. */
  readonly column: number;
}

interface Row {
  /** 1-based line where the record starts (the header is line 1). */
  readonly line: number;
  /** Cells of known columns, by lower-case column name (absent column: no entry). */
  readonly cells: ReadonlyMap<string, Cell>;
}

interface Table {
  readonly rows: readonly Row[];
  /** 1-based column of each known column name present in the header. */
  readonly columns: ReadonlyMap<string, number>;
}

/** Where each part of an assembled patient came from, to place validateCohort's issues. */
interface PatientSource {
  readonly line: number;
  readonly psa: number[];
  readonly complications: number[];
  readonly testosterone: number[];
}

/**
 * Reads a cohort from the CSV files of a trial data export and validates it, returning the
 * patients or every problem found, each with its file, line and column.
 *
 * The layout (docs/data-format.md): `patients.csv` with one row per patient (`id`,
 * `surgery_date`, `last_follow_up_date` required; `prostatectomy_date`, `adt_start_date`,
 * `castration_resistance_date`, `distant_metastasis_date`, `death_date`, `last_imaging_date`
 * optional columns; an empty cell is an absent date), `psa.csv` (`patient_id`, `date`, `value`
 * in ng/mL, `<0.03` meaning undetectable with limit 0.03), `complications.csv` (`patient_id`,
 * `date`, `grade` in any form {@link parseClavienDindoGrade} reads, optional `description`) and
 * optional `testosterone.csv` (`patient_id`, `date`, `value` in ng/dL).
 *
 * Rules: comma-separated (a header with ";" or a tab but no "," is rejected as such), UTF-8 with
 * or without a byte-order mark, LF or CRLF line endings, RFC 4180 quoting; header names are
 * matched ignoring case and surrounding spaces; cells are trimmed and never type-cast (id
 * `007` stays the string "007"); dates are `YYYY-MM-DD`; values are decimal numbers >= 0 written
 * with a point; rows whose cells are all empty are skipped. Each row of psa, complications and
 * testosterone must name a patient of patients.csv. Missing required columns, unknown columns,
 * empty required cells, bad dates, numbers or grades, negative values, rows with the wrong number
 * of fields and duplicate patient ids are all reported together. A control character (NUL
 * and the like: a binary file, or UTF-16) or a first line over 65,536 characters makes a file
 * unreadable; such a file, and one whose header lacks a required column, is rejected before
 * the rest of it is parsed, so junk fails fast.
 *
 * Then {@link validateCohort} checks the assembled patients (date order, same-day duplicates);
 * its issues are placed on the line and column of the CSV cell they concern (e.g. `psa[3]` of
 * patient X becomes the line of X's fourth row in psa.csv). Those checks run on every patient
 * whose rows passed the CSV checks, so they are reported along with the CSV problems; they are
 * skipped only when a whole file could not be read.
 *
 * Issue messages start with their place: `psa.csv line 14, column 3: value "1,2" is not a
 * number`. Lines are 1-based with the header as line 1 (a quoted cell may span lines: its
 * record's first line is given); columns are 1-based.
 *
 * @param files - the text of each file (`testosterone` may be omitted).
 * @param options - `unknownColumns`: `'error'` (default) or `'warning'`.
 * @returns `{ ok: true, patients, warnings }` (patients in patients.csv order, series sorted by
 *   date as validateCohort returns them) or `{ ok: false, issues, warnings }`.
 * @throws {TypeError} when `files` is not an object or a file's text is not a string.
 * @example
 * const result = parseCohortCsv({
 *   patients: 'id,surgery_date,last_follow_up_date\n007,2024-01-10,2025-06-01\n',
 *   psa: 'patient_id,date,value\n007,2024-01-02,1.4\n007,2024-02-20,<0.03\n',
 *   complications: 'patient_id,date,grade,description\n007,2024-01-14,2,lymphocele\n',
 * });
 * result.ok && result.patients[0].psa[1]; // => { date: '2024-02-20', value: 0.03, undetectable: true }
 */
export function parseCohortCsv(
  files: CohortCsvFiles,
  options: ParseCohortCsvOptions = {},
): ParseCohortCsvResult {
  assertObject('files', files);
  assertObject('options', options);
  const { unknownColumns = 'error' } = options;
  assertOneOf('options.unknownColumns', unknownColumns, ['error', 'warning'] as const);
  for (const key of ['patients', 'psa', 'complications'] as const) {
    if (typeof files[key] !== 'string') {
      throw new TypeError(
        `files.${key} must be the text of ${FILE_NAMES[key]}. Value: ${describeValue(files[key])}.`,
      );
    }
  }
  if (files.testosterone !== undefined && typeof files.testosterone !== 'string') {
    throw new TypeError(
      `files.testosterone must be the text of testosterone.csv or undefined. Value: ${describeValue(files.testosterone)}.`,
    );
  }

  const issues: CohortInputIssue[] = [];
  const warnings: CohortInputIssue[] = [];
  const read = (key: FileKey, specs: readonly ColumnSpec[], text: string) =>
    readTable(FILE_NAMES[key], text, specs, unknownColumns, issues, warnings);

  const patientTable = read('patients', PATIENT_COLUMNS, files.patients);
  const seriesTables = {
    psa: read('psa', SERIES_COLUMNS.psa, files.psa),
    complications: read('complications', SERIES_COLUMNS.complications, files.complications),
    testosterone:
      files.testosterone === undefined
        ? null
        : read('testosterone', SERIES_COLUMNS.testosterone, files.testosterone),
  };

  const drafts = new Map<string, Record<string, unknown>>();
  const sources = new Map<string, PatientSource>();
  // Patients with a problem in any of their rows: validateCohort would only add noise for them.
  const tainted = new Set<string>();
  let unreadableFile = patientTable === null;

  for (const row of patientTable?.rows ?? []) {
    readPatientRow(row, drafts, sources, tainted, issues);
  }
  for (const field of ['psa', 'complications', 'testosterone'] as const) {
    const table = seriesTables[field];
    if (table === null) {
      if (field !== 'testosterone' || files.testosterone !== undefined) unreadableFile = true;
      continue;
    }
    // Without a readable patients.csv every row would be "not an id in patients.csv": noise
    // that buries the one real problem (thousands of lines for a semicolon export).
    if (patientTable === null) continue;
    for (const row of table.rows) {
      readSeriesRow(field, row, drafts, sources, tainted, issues);
    }
  }

  if (!unreadableFile) {
    const columnsOf = (key: FileKey): ReadonlyMap<string, number> | undefined =>
      key === 'patients' ? patientTable?.columns : seriesTables[key]?.columns;
    const candidates = [...drafts].filter(([id]) => !tainted.has(id)).map(([, p]) => p);
    const validation = validateCohort(candidates);
    const place = (issue: CohortIssue): CohortInputIssue => placeIssue(issue, sources, columnsOf);
    if (!validation.ok) issues.push(...validation.issues.map(place));
    warnings.push(...validation.warnings.map(place));
    if (validation.ok && issues.length === 0) {
      return { ok: true, patients: validation.patients, warnings: byPlace(warnings) };
    }
    const named = new Set(issues.map((i) => i.patientId));
    const valid = validation.ok ? validation.patients : validation.validPatients;
    return {
      ok: false,
      issues: byPlace(issues),
      warnings: byPlace(warnings),
      validPatients: named.has(null) ? [] : valid.filter((p) => !named.has(p.id)),
    };
  }
  return { ok: false, issues: byPlace(issues), warnings: byPlace(warnings), validPatients: [] };
}

const FILE_ORDER: readonly (string | null)[] = [...Object.values(FILE_NAMES), null];

/** Issues in reading order: by file (patients, psa, complications, testosterone), line, column. */
function byPlace(issues: readonly CohortInputIssue[]): CohortInputIssue[] {
  const key = (i: CohortInputIssue) => [FILE_ORDER.indexOf(i.file), i.line ?? 0, i.column ?? 0];
  return [...issues].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let k = 0; k < 3; k++) if (ka[k] !== kb[k]) return ka[k]! - kb[k]!;
    return 0;
  });
}

/**
 * {@link parseCohortCsv} that returns the patients or throws.
 *
 * @param files - the text of each file (`testosterone` may be omitted).
 * @param options - as for {@link parseCohortCsv}.
 * @returns the validated patients.
 * @throws {CohortInputError} (code `'COHORT_INPUT_INVALID'`) listing every problem in `.issues`.
 * @throws {TypeError} when `files` is not an object or a file's text is not a string.
 * @example
 * const patients = parseCohortCsvOrThrow({ patients, psa, complications });
 */
export function parseCohortCsvOrThrow(
  files: CohortCsvFiles,
  options: ParseCohortCsvOptions = {},
): Patient[] {
  const result = parseCohortCsv(files, options);
  if (!result.ok) throw new CohortInputError(result.issues);
  return result.patients;
}

function issueAt(
  file: string | null,
  line: number | null,
  column: number | null,
  patientId: string | null,
  path: string,
  code: string,
  message: string,
): CohortInputIssue {
  return {
    file,
    line,
    column,
    patientId,
    path,
    code,
    message: `${formatInputLocation(file, line, column)}: ${message}`,
  };
}

/** Parses one file into rows of known columns; null when the file as a whole is unreadable. */
function readTable(
  file: string,
  rawText: string,
  specs: readonly ColumnSpec[],
  unknownColumns: 'error' | 'warning',
  issues: CohortInputIssue[],
  warnings: CohortInputIssue[],
): Table | null {
  // The BOM is dropped and line endings made LF before parsing: csv-parse counts a CRLF inside a
  // quoted cell as two lines, which would shift every later line number by one.
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fileIssue = (line: number | null, code: string, message: string): null => {
    issues.push(issueAt(file, line, null, null, '', code, message));
    return null;
  };
  const expected = specs.map((s) => s.name).join(',');
  if (text.trim() === '') {
    return fileIssue(null, 'empty_file', `the file is empty; expected the header line ${expected}`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control !== null) {
    // A NUL or other control character: a binary file or one in another encoding (UTF-16).
    // Checked before parsing so that junk fails at once with its line, not after a slow parse.
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fileIssue(
      text.slice(0, control.index).split('\n').length,
      'control_character',
      `control character U+${code}: the file is not comma-separated UTF-8 text (binary, or ` +
        'UTF-16?); export it as CSV UTF-8',
    );
  }
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  if (headerLine.length > MAX_HEADER_CHARS) {
    return fileIssue(
      1,
      'csv_syntax',
      `the first line is ${headerLine.length} characters long, not a header; expected the ` +
        `header line ${expected}`,
    );
  }
  for (const [char, name] of [
    [';', 'semicolons (";")'],
    ['\t', 'tabs'],
  ] as const) {
    if (headerLine.includes(char) && !headerLine.includes(',')) {
      return fileIssue(
        1,
        'wrong_separator',
        `the file is separated by ${name}, not commas; export it as comma-separated CSV ` +
          `with a decimal point (header ${expected})`,
      );
    }
  }

  type Records = { record: string[]; raw?: string; info: { lines: number } }[];
  const parseCsv = (csv: string): Records | null => {
    try {
      return parse(csv, {
        cast: false,
        info: true,
        raw: true,
        relax_column_count: true,
        skip_empty_lines: false,
      }) as unknown as Records;
    } catch (error) {
      const line = (error as { lines?: unknown }).lines;
      return fileIssue(
        typeof line === 'number' ? line : null,
        'csv_syntax',
        `not readable as CSV: ${(error as Error).message}`,
      );
    }
  };

  // The header is checked before the rest is parsed, so a file that is not this table (junk,
  // another export) fails at once; parsing megabytes only to reject line 1 took seconds.
  const headerRecords = parseCsv(headerLine);
  if (headerRecords === null) return null;
  // A blank first line is an empty header: reported as its missing columns, as before.
  const headerRecord = headerRecords[0] ?? { record: [''] };
  const header = headerRecord.record.map((h) => h.trim().toLowerCase());
  const known = new Map(specs.map((s) => [s.name, s]));
  const columns = new Map<string, number>();
  let ok = true;
  header.forEach((name, i) => {
    const column = i + 1;
    const original = headerRecord.record[i]!;
    if (known.has(name)) {
      if (columns.has(name)) {
        issues.push(
          issueAt(
            file,
            1,
            column,
            null,
            '',
            'duplicate_column',
            `column "${original}" appears twice (columns ${columns.get(name)} and ${column})`,
          ),
        );
        ok = false;
      } else columns.set(name, column);
      return;
    }
    const issue = issueAt(
      file,
      1,
      column,
      null,
      '',
      'unknown_column',
      `unknown column ${describeValue(original)}; the columns of ${file} are ${expected}`,
    );
    (unknownColumns === 'error' ? issues : warnings).push(issue);
  });
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.name)) {
      issues.push(
        issueAt(
          file,
          1,
          null,
          null,
          '',
          'missing_column',
          `required column "${spec.name}" is missing; the header is ${describeValue(headerLine)}`,
        ),
      );
      ok = false;
    }
  }
  if (!ok) return null;

  const records = parseCsv(text);
  if (records === null) return null;
  const rows: Row[] = [];
  for (const { record, raw = '', info } of records.slice(1)) {
    // info.lines is the line where the record ends; a quoted cell may hold line breaks.
    const line = info.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== header.length) {
      const hint =
        record.length > header.length && /\d,\d/.test(raw)
          ? ' (a decimal comma? write 1.2, not 1,2)'
          : '';
      issues.push(
        issueAt(
          file,
          line,
          null,
          null,
          '',
          'wrong_field_count',
          `the row has ${record.length} fields but the header has ${header.length}${hint}`,
        ),
      );
      continue;
    }
    const cells = new Map<string, Cell>();
    for (const [name, column] of columns) {
      cells.set(name, { text: record[column - 1]!.trim(), column });
    }
    rows.push({ line, cells });
  }
  return { rows, columns };
}

/** The value of one cell under its column's rules, or an issue. */
type CellResult = { readonly value: unknown } | { readonly error: string; readonly code: string };

function readCell(spec: ColumnSpec, cell: Cell | undefined, file: string): CellResult | null {
  if (cell === undefined || cell.text === '') {
    return spec.required
      ? { code: 'empty_cell', error: `${spec.name} is empty; it is required` }
      : null;
  }
  const { text } = cell;
  const quoted = describeValue(text);
  switch (spec.kind) {
    case 'id':
    case 'text':
      return { value: text };
    case 'date':
      return isIsoDate(text)
        ? { value: text }
        : {
            code: 'invalid_date',
            error: `${spec.name} ${quoted} is not an existing calendar date written YYYY-MM-DD`,
          };
    case 'grade':
      try {
        return { value: parseClavienDindoGrade(text) };
      } catch (error) {
        const why = /Clavien-Dindo grade( \([^)]*\))?\. Accepted/.exec((error as Error).message);
        return {
          code: 'invalid_grade',
          error:
            `grade ${quoted} is not a Clavien-Dindo grade${why?.[1] ?? ''}; accepted: I, II, ` +
            'IIIa, IIIb, IVa, IVb, V or 1, 2, 3a, 3b, 4a, 4b, 5, optionally with "Grade", ' +
            '"-" before a/b, and the suffix d (e.g. "Grade IIIb", "IV-a", "IId")',
        };
      }
    case 'psa':
    case 'number': {
      const below = BELOW_LIMIT.exec(text);
      if (below !== null) {
        if (spec.kind === 'number') {
          return {
            code: 'censored_value',
            error: `value ${quoted}: a "<" result is accepted only in psa.csv; write the number (${file} has no undetectable flag)`,
          };
        }
        const limit = readNumber(below[1]!.trim(), quoted);
        if ('error' in limit) return limit;
        if (limit.value === 0) {
          return {
            code: 'out_of_range',
            error: `value ${quoted}: the detection limit after "<" must be > 0`,
          };
        }
        return { value: { value: limit.value, undetectable: true } };
      }
      const number = readNumber(text, quoted);
      if ('error' in number) return number;
      return spec.kind === 'psa' ? { value: { value: number.value } } : number;
    }
  }
}

function readNumber(
  text: string,
  quoted: string,
): { readonly value: number } | { readonly error: string; readonly code: string } {
  if (!NUMBER.test(text)) {
    const hint = /^\d+,\d+$/.test(text) ? ' (decimal comma? write it with a point: 1.2)' : '';
    return { code: 'invalid_number', error: `value ${quoted} is not a number${hint}` };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return { code: 'not_finite', error: `value ${quoted} is not a finite number` };
  }
  if (value < 0) {
    return { code: 'out_of_range', error: `value ${quoted} is negative; values must be >= 0` };
  }
  // Number('-0') is -0; a result of "-0" is 0.
  return { value: value === 0 ? 0 : value };
}

function readPatientRow(
  row: Row,
  drafts: Map<string, Record<string, unknown>>,
  sources: Map<string, PatientSource>,
  tainted: Set<string>,
  issues: CohortInputIssue[],
): void {
  const file = FILE_NAMES.patients;
  const idCell = row.cells.get('id');
  const id = idCell !== undefined && idCell.text !== '' ? idCell.text : null;
  if (id === null) {
    issues.push(
      issueAt(file, row.line, idCell?.column ?? null, null, 'id', 'empty_cell', 'id is empty'),
    );
    return;
  }
  const first = sources.get(id);
  if (first !== undefined) {
    issues.push(
      issueAt(
        file,
        row.line,
        idCell!.column,
        id,
        'id',
        'duplicate_id',
        `id ${describeValue(id)} is also on line ${first.line}; ids must be unique`,
      ),
    );
    tainted.add(id);
    return;
  }
  const draft: Record<string, unknown> = { id };
  for (const spec of PATIENT_COLUMNS.slice(1)) {
    const cell = row.cells.get(spec.name);
    const result = readCell(spec, cell, file);
    if (result === null) continue;
    if ('error' in result) {
      issues.push(
        issueAt(file, row.line, cell?.column ?? null, id, spec.field, result.code, result.error),
      );
      tainted.add(id);
    } else draft[spec.field] = result.value;
  }
  draft['psa'] = [];
  draft['complications'] = [];
  drafts.set(id, draft);
  sources.set(id, { line: row.line, psa: [], complications: [], testosterone: [] });
}

function readSeriesRow(
  field: SeriesField,
  row: Row,
  drafts: Map<string, Record<string, unknown>>,
  sources: Map<string, PatientSource>,
  tainted: Set<string>,
  issues: CohortInputIssue[],
): void {
  const file = FILE_NAMES[field];
  const idCell = row.cells.get('patient_id')!;
  if (idCell.text === '') {
    issues.push(
      issueAt(file, row.line, idCell.column, null, '', 'empty_cell', 'patient_id is empty'),
    );
    return;
  }
  const id = idCell.text;
  const source = sources.get(id);
  const draft = drafts.get(id);
  if (source === undefined || draft === undefined) {
    // Not in patients.csv (or only on a row with an empty id): the row belongs to no one known.
    issues.push(
      issueAt(
        file,
        row.line,
        idCell.column,
        id,
        '',
        'unknown_patient',
        `patient_id ${describeValue(id)} is not an id in patients.csv`,
      ),
    );
    return;
  }
  const index = source[field].length;
  source[field].push(row.line);
  const item: Record<string, unknown> = {};
  let bad = false;
  for (const spec of SERIES_COLUMNS[field].slice(1)) {
    const cell = row.cells.get(spec.name);
    const result = readCell(spec, cell, file);
    if (result === null) continue;
    if ('error' in result) {
      issues.push(
        issueAt(
          file,
          row.line,
          cell?.column ?? null,
          id,
          `${field}[${index}].${spec.field}`,
          result.code,
          result.error,
        ),
      );
      bad = true;
    } else if (spec.kind === 'psa') {
      Object.assign(item, result.value as object);
    } else if (spec.kind === 'grade') {
      const { grade, persistsAtDischarge } = result.value as ReturnType<
        typeof parseClavienDindoGrade
      >;
      item['grade'] = grade;
      if (persistsAtDischarge) item['persistsAtDischarge'] = true;
    } else item[spec.field] = result.value;
  }
  if (bad) {
    tainted.add(id);
    return;
  }
  const series = draft[field] as unknown[] | undefined;
  if (series === undefined) draft[field] = [item];
  else series.push(item);
}

/** Places one validateCohort issue on the CSV cell it concerns. */
function placeIssue(
  issue: CohortIssue,
  sources: ReadonlyMap<string, PatientSource>,
  columnsOf: (key: FileKey) => ReadonlyMap<string, number> | undefined,
): CohortInputIssue {
  const source = issue.patientId === null ? undefined : sources.get(issue.patientId);
  let file: string | null = null;
  let line: number | null = null;
  let column: number | null = null;
  if (source !== undefined) {
    const series = /^(psa|complications|testosterone)\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
    if (series !== null) {
      const key = series[1] as SeriesField;
      file = FILE_NAMES[key];
      line = source[key][Number(series[2])] ?? null;
      const spec = SERIES_COLUMNS[key].find((s) => s.field === series[3]);
      column = spec === undefined ? null : (columnsOf(key)?.get(spec.name) ?? null);
    } else {
      file = FILE_NAMES.patients;
      line = source.line;
      const spec = PATIENT_COLUMNS.find((s) => s.field === issue.path);
      column = spec === undefined ? null : (columnsOf('patients')?.get(spec.name) ?? null);
    }
  }
  const who = issue.patientId === null ? '' : `patient ${issue.patientId}: `;
  return {
    file,
    line,
    column,
    patientId: issue.patientId,
    path: issue.path,
    code: issue.code,
    message: `${formatInputLocation(file, line, column)}: ${who}${issue.message}`,
  };
}

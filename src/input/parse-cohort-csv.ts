import { assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import type { parseClavienDindoGrade } from '../complications/grades.js';
import type { CohortIssue } from '../errors.js';
import type { Patient } from '../model/types.js';
import { validateCohort } from '../model/validate-cohort.js';
import {
  CohortInputError,
  type CohortInputIssue,
  formatInputLocation,
  inputIssue,
} from './cohort-input-error.js';
import {
  type ColumnSpec,
  FILE_NAMES,
  type FileKey,
  PATIENT_COLUMNS,
  SERIES_COLUMNS,
  type SeriesField,
} from './csv-layout.js';
import { readCell } from './read-csv-cell.js';
import { type Row, readTable } from './read-csv-table.js';

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
    // Loops, not push(...list): a CSV with 10^6 bad rows must not overflow the stack.
    if (!validation.ok) for (const issue of validation.issues) issues.push(place(issue));
    for (const warning of validation.warnings) warnings.push(place(warning));
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
      inputIssue(file, row.line, idCell?.column ?? null, null, 'id', 'empty_cell', 'id is empty'),
    );
    return;
  }
  const first = sources.get(id);
  if (first !== undefined) {
    issues.push(
      inputIssue(
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
        inputIssue(file, row.line, cell?.column ?? null, id, spec.field, result.code, result.error),
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
      inputIssue(file, row.line, idCell.column, null, '', 'empty_cell', 'patient_id is empty'),
    );
    return;
  }
  const id = idCell.text;
  const source = sources.get(id);
  const draft = drafts.get(id);
  if (source === undefined || draft === undefined) {
    // Not in patients.csv (or only on a row with an empty id): the row belongs to no one known.
    issues.push(
      inputIssue(
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
        inputIssue(
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

// The rows of patients.csv and of the series files (psa, complications, testosterone), read
// into draft patients for validateCohort, with where each part came from so that its issues
// can be placed on the CSV cell they concern.
import { describeValue } from '../_lib/describe-value.js';
import type { parseClavienDindoGrade } from '../complications/grades.js';
import { type CohortInputIssue, inputIssue } from './cohort-input-error.js';
import type { DialectRules } from './csv-dialect.js';
import { FILE_NAMES, PATIENT_COLUMNS, SERIES_COLUMNS, type SeriesField } from './csv-layout.js';
import { readCell } from './read-csv-cell.js';
import type { Row } from './read-csv-table.js';

/** Where each part of an assembled patient came from, to place validateCohort's issues. */
export interface PatientSource {
  readonly line: number;
  readonly psa: number[];
  readonly complications: number[];
  readonly testosterone: number[];
}

/** What the rows read so far hold: draft patients by id, their sources, those with a problem. */
export interface PatientDrafts {
  readonly drafts: Map<string, Record<string, unknown>>;
  readonly sources: Map<string, PatientSource>;
  /** Patients with a problem in any of their rows: validateCohort would only add noise for them. */
  readonly tainted: Set<string>;
  /** Every id of patients.csv, including those on a row with a problem. */
  readonly ids: Map<string, number>;
}

/** The imaging cells of patients.csv; any of them needs `imaging_modality`. */
const IMAGING_COLUMNS = PATIENT_COLUMNS.filter((s) => s.field.startsWith('imaging.'));

/** Reads one row of patients.csv into a draft patient (or issues). */
export function readPatientRow(
  row: Row,
  read: PatientDrafts,
  dialect: DialectRules,
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
  const first = read.ids.get(id);
  if (first !== undefined) {
    issues.push(
      inputIssue(
        file,
        row.line,
        idCell!.column,
        id,
        'id',
        'duplicate_id',
        `id ${describeValue(id)} is also on line ${first}; ids must be unique`,
      ),
    );
    read.tainted.add(id);
    return;
  }
  read.ids.set(id, row.line);
  const draft: Record<string, unknown> = { id };
  for (const spec of PATIENT_COLUMNS.slice(1)) {
    const cell = row.cells.get(spec.name);
    const result = readCell(spec, cell, file, dialect);
    if (result === null) continue;
    if ('error' in result) {
      const column = result.column ?? cell?.column ?? null;
      issues.push(inputIssue(file, row.line, column, id, spec.field, result.code, result.error));
      read.tainted.add(id);
    } else setField(draft, spec.field, result.value);
  }
  const imaging = draft['imaging'] as Record<string, unknown> | undefined;
  if (imaging !== undefined && imaging['modality'] === undefined) {
    // The model's imaging needs its modality: say so on the row, naming what was given.
    // The columns that gave a value (a list made from a mapping's checkboxes has no text).
    const given = IMAGING_COLUMNS.filter(
      (s) => imaging[s.field.slice('imaging.'.length)] !== undefined,
    );
    const cell = row.cells.get('imaging_modality') ?? row.cells.get(given[0]!.name);
    issues.push(
      inputIssue(
        file,
        row.line,
        cell?.column ?? null,
        id,
        'imaging.modality',
        'empty_cell',
        `imaging_modality is empty; it is required when ${given.map((s) => s.name).join(', ')} ${given.length === 1 ? 'is' : 'are'} given`,
      ),
    );
    read.tainted.add(id);
  }
  draft['psa'] = [];
  draft['complications'] = [];
  read.drafts.set(id, draft);
  read.sources.set(id, { line: row.line, psa: [], complications: [], testosterone: [] });
}

/** Sets `imaging.date` as `{ imaging: { date } }`, a plain field as itself. */
function setField(draft: Record<string, unknown>, field: string, value: unknown): void {
  const dot = field.indexOf('.');
  if (dot === -1) {
    draft[field] = value;
    return;
  }
  const parent = field.slice(0, dot);
  const nested = (draft[parent] as Record<string, unknown> | undefined) ?? {};
  nested[field.slice(dot + 1)] = value;
  draft[parent] = nested;
}

/** Reads one row of psa.csv, complications.csv or testosterone.csv into its patient's series. */
export function readSeriesRow(
  field: SeriesField,
  row: Row,
  read: PatientDrafts,
  dialect: DialectRules,
  notOperatedIds: { has(id: string): boolean },
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
  const source = read.sources.get(id);
  const draft = read.drafts.get(id);
  if (source === undefined || draft === undefined) {
    // Not in patients.csv (or only on a row with an empty id): the row belongs to no one known.
    const why = notOperatedIds.has(id)
      ? ' (it is in not-operated.csv: a patient who was not operated has no rows here)'
      : '';
    issues.push(
      inputIssue(
        file,
        row.line,
        idCell.column,
        id,
        '',
        'unknown_patient',
        `patient_id ${describeValue(id)} is not an id in patients.csv${why}`,
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
    const result = readCell(spec, cell, file, dialect);
    if (result === null) continue;
    if ('error' in result) {
      issues.push(
        inputIssue(
          file,
          row.line,
          result.column ?? cell?.column ?? null,
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
    read.tainted.add(id);
    return;
  }
  const series = draft[field] as unknown[] | undefined;
  if (series === undefined) draft[field] = [item];
  else series.push(item);
}

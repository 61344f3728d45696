// The rows of not-operated.csv and screening.csv (the patient flow of docs/data-format.md), read
// into the cohort's `notOperated` and `screening` for validateCohort, with the line of each
// entry so that its issues can be placed on the CSV cell they concern.
import { describeValue } from '../_lib/describe-value.js';
import type { NotOperatedPatient, Screening } from '../model/types.js';
import { type CohortInputIssue, inputIssue } from './cohort-input-error.js';
import type { DialectRules } from './csv-dialect.js';
import { FILE_NAMES, NOT_OPERATED_COLUMNS, SCREENING_COLUMNS } from './csv-layout.js';
import { readCell } from './read-csv-cell.js';
import type { Row } from './read-csv-table.js';

/** The entries of not-operated.csv read so far, with their lines. */
export interface NotOperatedDrafts {
  /** The entries without a problem, in file order. */
  readonly entries: NotOperatedPatient[];
  /** The line of each of `entries`. */
  readonly lines: number[];
  /** Every id of the file (also those on a row with a problem), with its first line. */
  readonly ids: Map<string, number>;
}

/** A new, empty {@link NotOperatedDrafts}. */
export function notOperatedDrafts(): NotOperatedDrafts {
  return { entries: [], lines: [], ids: new Map() };
}

/**
 * Reads one row of not-operated.csv: an id (not also in patients.csv, not twice), an optional
 * enrolment date and a reason.
 */
export function readNotOperatedRow(
  row: Row,
  read: NotOperatedDrafts,
  patientIds: ReadonlyMap<string, number>,
  dialect: DialectRules,
  issues: CohortInputIssue[],
): void {
  const file = FILE_NAMES.notOperated;
  const index = read.entries.length;
  const path = (field: string) => `notOperated[${index}].${field}`;
  const entry: Record<string, unknown> = {};
  let bad = false;
  for (const spec of NOT_OPERATED_COLUMNS) {
    const cell = row.cells.get(spec.name);
    const result = readCell(spec, cell, file, dialect);
    if (result === null) continue;
    if ('error' in result) {
      const id = typeof entry['id'] === 'string' ? entry['id'] : null;
      const column = result.column ?? cell?.column ?? null;
      issues.push(
        inputIssue(file, row.line, column, id, path(spec.field), result.code, result.error),
      );
      bad = true;
    } else entry[spec.field] = result.value;
  }
  const id = entry['id'];
  if (typeof id === 'string') {
    const column = row.cells.get('id')?.column ?? null;
    const operated = patientIds.get(id);
    const earlier = read.ids.get(id);
    if (operated !== undefined || earlier !== undefined) {
      issues.push(
        inputIssue(
          file,
          row.line,
          column,
          id,
          path('id'),
          'duplicate_id',
          operated !== undefined
            ? `id ${describeValue(id)} is also in patients.csv (line ${operated}): a patient is either operated or not operated`
            : `id ${describeValue(id)} is also on line ${earlier}; ids must be unique`,
        ),
      );
      bad = true;
    }
    if (earlier === undefined) read.ids.set(id, row.line);
  }
  if (bad) return;
  read.entries.push(entry as unknown as NotOperatedPatient);
  read.lines.push(row.line);
}

/** The screening read from screening.csv, with the line of each of its parts. */
export interface ScreeningDrafts {
  assessed: { readonly count: number; readonly line: number } | null;
  /** The excluded rows without a problem, in file order. */
  readonly excluded: { readonly reason: string; readonly count: number; readonly line: number }[];
  /** The first line of each excluded reason (also rows with a problem), lower case. */
  readonly reasons: Map<string, number>;
  /** A row had a problem: the screening is not returned. */
  bad: boolean;
  /** The file had at least one row. */
  rows: number;
}

/** A new, empty {@link ScreeningDrafts}. */
export function screeningDrafts(): ScreeningDrafts {
  return { assessed: null, excluded: [], reasons: new Map(), bad: false, rows: 0 };
}

/**
 * Reads one row of screening.csv: `assessed` (once, without a reason) or `excluded` (with a
 * reason, each reason once), and a count.
 */
export function readScreeningRow(
  row: Row,
  read: ScreeningDrafts,
  dialect: DialectRules,
  issues: CohortInputIssue[],
): void {
  const file = FILE_NAMES.screening;
  read.rows += 1;
  const values: Record<string, unknown> = {};
  const columnAt = (name: string) => row.cells.get(name)?.column ?? null;
  const issue = (column: number | null, path: string, code: string, message: string) => {
    issues.push(inputIssue(file, row.line, column, null, path, code, message));
    read.bad = true;
  };
  for (const spec of SCREENING_COLUMNS) {
    const cell = row.cells.get(spec.name);
    const result = readCell(spec, cell, file, dialect);
    if (result === null) continue;
    if ('error' in result) {
      issue(
        result.column ?? cell?.column ?? null,
        `screening.${spec.field}`,
        result.code,
        result.error,
      );
    } else values[spec.field] = result.value;
  }
  const { step, reason, count } = values as { step?: string; reason?: string; count?: number };
  if (step === 'assessed') {
    if (reason !== undefined) {
      issue(
        columnAt('reason'),
        'screening.assessed',
        'invalid_value',
        `reason ${describeValue(reason)} on the assessed row: only an excluded row has a reason`,
      );
    }
    if (read.assessed !== null) {
      issue(
        columnAt('step'),
        'screening.assessed',
        'duplicate_row',
        `a second assessed row (the first is on line ${read.assessed.line}); screening.csv has one`,
      );
      return;
    }
    if (count !== undefined) read.assessed = { count, line: row.line };
    return;
  }
  if (step !== 'excluded') return;
  if (reason === undefined) {
    issue(
      columnAt('reason') ?? columnAt('step'),
      `screening.excluded[${read.excluded.length}].reason`,
      'empty_cell',
      'reason is empty; an excluded row says why',
    );
    return;
  }
  const first = read.reasons.get(reason.toLowerCase());
  if (first !== undefined) {
    issue(
      columnAt('reason'),
      `screening.excluded[${read.excluded.length}].reason`,
      'duplicate_row',
      `reason ${describeValue(reason)} is also on line ${first}; give each reason one row with its count`,
    );
    return;
  }
  read.reasons.set(reason.toLowerCase(), row.line);
  if (count !== undefined) read.excluded.push({ reason, count, line: row.line });
}

/**
 * The screening of the rows read, or null when the file has none or a row had a problem; a
 * file with excluded rows but no assessed row is an issue (`missing_row`).
 */
export function finishScreening(
  read: ScreeningDrafts,
  issues: CohortInputIssue[],
): Screening | null {
  if (read.rows === 0) return null;
  if (read.assessed === null && !read.bad) {
    issues.push(
      inputIssue(
        FILE_NAMES.screening,
        null,
        null,
        null,
        'screening.assessed',
        'missing_row',
        'no assessed row: screening.csv needs one row "assessed" with the number of patients assessed',
      ),
    );
    read.bad = true;
  }
  if (read.bad || read.assessed === null) return null;
  return {
    assessed: read.assessed.count,
    excluded: read.excluded.map(({ reason, count }) => ({ reason, count })),
  };
}

// The reading behind validateCohortCsv, shared with slnd-stats/node: the files of an export read
// in a dialect, through a checked column mapping, into a cohort for validateCohort, whose issues
// are then placed on the CSV cell they concern.
import type { CohortIssue } from '../errors.js';
import type { NotOperatedPatient, Patient, Screening } from '../model/types.js';
import { validateCohort } from '../model/validate-cohort.js';
import { type CohortInputIssue, formatInputLocation } from './cohort-input-error.js';
import type { DialectRules } from './csv-dialect.js';
import {
  FILE_COLUMNS,
  FILE_NAMES,
  type FileKey,
  NOT_OPERATED_COLUMNS,
  PATIENT_COLUMNS,
  SCREENING_COLUMNS,
  SERIES_COLUMNS,
  type SeriesField,
} from './csv-layout.js';
import { readTable, type Table } from './read-csv-table.js';
import {
  finishScreening,
  type NotOperatedDrafts,
  notOperatedDrafts,
  readNotOperatedRow,
  readScreeningRow,
  type ScreeningDrafts,
  screeningDrafts,
} from './read-flow-rows.js';
import { type PatientDrafts, readPatientRow, readSeriesRow } from './read-patient-rows.js';
import type { ResolvedColumnMapping } from './resolve-column-mapping.js';

/** The text of each file of an export, by its key in the layout (see `CohortCsvFiles`). */
export type CsvTexts = Readonly<Partial<Record<FileKey, string>>>;

/** How the files are read: checked options. */
export interface CsvReading {
  readonly unknownColumns: 'error' | 'warning' | 'ignore';
  readonly dialect: DialectRules;
  /** The checked column mapping, or null for none. */
  readonly mapping: ResolvedColumnMapping | null;
}

/** What a CSV export reads to: the outcome of validateCohortCsv. */
export type CsvCohortResult = (
  | { readonly ok: true; readonly patients: Patient[]; readonly warnings: CohortInputIssue[] }
  | {
      readonly ok: false;
      readonly issues: CohortInputIssue[];
      readonly warnings: CohortInputIssue[];
      readonly validPatients: Patient[];
    }
) & {
  readonly notOperated: NotOperatedPatient[];
  readonly screening: Screening | null;
};

/** The files whose problems leave the operated patients' data untouched. */
const FLOW_FILES: ReadonlySet<string | null> = new Set([
  FILE_NAMES.notOperated,
  FILE_NAMES.screening,
]);

/**
 * Reads the files (patients, psa and complications present; the others when given) and
 * validates the cohort they make. Issues come in reading order.
 */
export function readCohortCsv(texts: CsvTexts, reading: CsvReading): CsvCohortResult {
  const issues: CohortInputIssue[] = [];
  const warnings: CohortInputIssue[] = [];
  const tables = readTables(texts, reading, issues, warnings);
  const { read, notOperated, screeningRead, screening } = readDrafts(tables, reading, issues);
  if ([...tables.values()].includes(null)) {
    return {
      ok: false,
      issues: byPlace(issues),
      warnings: byPlace(warnings),
      validPatients: [],
      notOperated: notOperated.entries,
      screening,
    };
  }
  const candidates = [...read.drafts].filter(([id]) => !read.tainted.has(id)).map(([, p]) => p);
  const validation = validateCohort({
    patients: candidates,
    notOperated: notOperated.entries,
    ...(screening === null ? {} : { screening }),
  });
  const columnsOf = (key: FileKey) => tables.get(key)?.columns;
  const place = (issue: CohortIssue): CohortInputIssue =>
    placeIssue(issue, read, notOperated, screeningRead, columnsOf);
  // Loops, not push(...list): a CSV with 10^6 bad rows must not overflow the stack.
  if (!validation.ok) for (const issue of validation.issues) issues.push(place(issue));
  for (const warning of validation.warnings) warnings.push(place(warning));
  const flow = { notOperated: validation.notOperated, screening: validation.screening };
  if (validation.ok && issues.length === 0) {
    return { ok: true, patients: validation.patients, warnings: byPlace(warnings), ...flow };
  }
  // An issue of no patient in a patients' file (an empty id, a header problem) leaves no patient
  // certainly valid; one in not-operated.csv or screening.csv leaves the operated ones as they are.
  const patientIssues = issues.filter((i) => !FLOW_FILES.has(i.file));
  const named = new Set(patientIssues.map((i) => i.patientId));
  const valid = validation.ok ? validation.patients : validation.validPatients;
  return {
    ok: false,
    issues: byPlace(issues),
    warnings: byPlace(warnings),
    validPatients: named.has(null) ? [] : valid.filter((p) => !named.has(p.id)),
    ...flow,
  };
}

/** Each file given, read as a table of the layout's columns (null: unreadable as a whole). */
function readTables(
  texts: CsvTexts,
  reading: CsvReading,
  issues: CohortInputIssue[],
  warnings: CohortInputIssue[],
): Map<FileKey, Table | null> {
  const tables = new Map<FileKey, Table | null>();
  for (const key of Object.keys(FILE_NAMES) as FileKey[]) {
    const text = texts[key];
    if (text === undefined) continue;
    const mapping = reading.mapping?.get(key);
    const format = { dialect: reading.dialect, ...(mapping === undefined ? {} : { mapping }) };
    tables.set(
      key,
      readTable(
        FILE_NAMES[key],
        text,
        FILE_COLUMNS[key],
        reading.unknownColumns,
        issues,
        warnings,
        format,
      ),
    );
  }
  return tables;
}

/**
 * The rows of the tables as drafts: the patients, then (when patients.csv is readable) the
 * not-operated patients and each patient's series, then the screening log.
 */
function readDrafts(
  tables: ReadonlyMap<FileKey, Table | null>,
  reading: CsvReading,
  issues: CohortInputIssue[],
): {
  read: PatientDrafts;
  notOperated: NotOperatedDrafts;
  screeningRead: ScreeningDrafts;
  screening: Screening | null;
} {
  const patientTable = tables.get('patients') ?? null;
  const read: PatientDrafts = {
    drafts: new Map(),
    sources: new Map(),
    tainted: new Set(),
    ids: new Map(),
  };
  for (const row of patientTable?.rows ?? []) readPatientRow(row, read, reading.dialect, issues);
  const notOperated = notOperatedDrafts();
  // Without a readable patients.csv every row would be "not an id in patients.csv": noise
  // that buries the one real problem (thousands of lines for a semicolon export).
  if (patientTable !== null) {
    for (const row of tables.get('notOperated')?.rows ?? []) {
      readNotOperatedRow(row, notOperated, read.ids, reading.dialect, issues);
    }
    for (const field of ['psa', 'complications', 'testosterone'] as const) {
      for (const row of tables.get(field)?.rows ?? []) {
        readSeriesRow(field, row, read, reading.dialect, notOperated.ids, issues);
      }
    }
  }
  const screeningRead = screeningDrafts();
  for (const row of tables.get('screening')?.rows ?? []) {
    readScreeningRow(row, screeningRead, reading.dialect, issues);
  }
  const screening = finishScreening(screeningRead, issues);
  return { read, notOperated, screeningRead, screening };
}

const FILE_ORDER: readonly (string | null)[] = [...Object.values(FILE_NAMES), null];

/** Issues in reading order: by file (in the layout's order), line, column. */
function byPlace(issues: readonly CohortInputIssue[]): CohortInputIssue[] {
  const key = (i: CohortInputIssue) => [FILE_ORDER.indexOf(i.file), i.line ?? 0, i.column ?? 0];
  return [...issues].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let k = 0; k < 3; k++) if (ka[k] !== kb[k]) return ka[k]! - kb[k]!;
    return 0;
  });
}

/** The file, line and column a validateCohort issue path points at, or nulls. */
interface Place {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

const NOWHERE: Place = { file: null, line: null, column: null };

/** Places one validateCohort issue on the CSV cell it concerns. */
function placeIssue(
  issue: CohortIssue,
  read: PatientDrafts,
  notOperated: NotOperatedDrafts,
  screening: ScreeningDrafts,
  columnsOf: (key: FileKey) => ReadonlyMap<string, number> | undefined,
): CohortInputIssue {
  /** The CSV column of the issue's field, by name, when the placement finds one. */
  let columnName: string | null = null;
  const columnOf = (
    key: FileKey,
    specs: readonly { name: string; field: string }[],
    field?: string,
  ) => {
    const spec = specs.find((s) => s.field === field);
    if (spec === undefined) return null;
    columnName = spec.name;
    return columnsOf(key)?.get(spec.name) ?? null;
  };
  let place = NOWHERE;
  const flowEntry = /^notOperated\[(\d+)\]\.?(\w*)/.exec(issue.path);
  const screeningPart = /^screening\.(assessed|excluded\[(\d+)\])(?:\.(\w+))?/.exec(issue.path);
  const source = issue.patientId === null ? undefined : read.sources.get(issue.patientId);
  if (flowEntry !== null) {
    const line = notOperated.lines[Number(flowEntry[1])] ?? null;
    const column = columnOf('notOperated', NOT_OPERATED_COLUMNS, flowEntry[2]);
    place = { file: FILE_NAMES.notOperated, line, column };
  } else if (screeningPart !== null) {
    const excluded =
      screeningPart[2] === undefined ? undefined : screening.excluded[Number(screeningPart[2])];
    const line = screeningPart[2] === undefined ? screening.assessed?.line : excluded?.line;
    const column = columnOf('screening', SCREENING_COLUMNS, screeningPart[3] ?? 'count');
    place = { file: FILE_NAMES.screening, line: line ?? null, column };
  } else if (source !== undefined) {
    const series = /^(psa|complications|testosterone)\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
    if (series !== null) {
      const key = series[1] as SeriesField;
      const line = source[key][Number(series[2])] ?? null;
      place = {
        file: FILE_NAMES[key],
        line,
        column: columnOf(key, SERIES_COLUMNS[key], series[3]),
      };
    } else {
      const column = columnOf('patients', PATIENT_COLUMNS, issue.path);
      place = { file: FILE_NAMES.patients, line: source.line, column };
    }
  }
  const who = issue.patientId === null ? '' : `patient ${issue.patientId}: `;
  // A schema message (`must be <= 5. Value: 6`) does not say which field: name its column.
  const what = issue.message.includes(issue.path) ? '' : `${columnName ?? issue.path}: `;
  return {
    ...place,
    patientId: issue.patientId,
    path: issue.path,
    code: issue.code,
    message: `${formatInputLocation(place.file, place.line, place.column)}: ${who}${what}${issue.message}`,
  };
}

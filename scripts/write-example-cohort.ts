// Writes the SYNTHETIC example trial (simulateTrial({ n: 60, seed: 2026 })) as
// examples/example-cohort.json and, the same cohort (its patient flow too, when it has one),
// as the CSV files of examples/example-cohort-csv/: npx tsx scripts/write-example-cohort.ts
// test/node/example-cohort.test.ts fails when the committed files differ from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ColumnSpec,
  LIST_SEPARATOR,
  NOT_OPERATED_COLUMNS,
  PATIENT_COLUMNS,
  SCREENING_COLUMNS,
  SERIES_COLUMNS,
} from '../src/input/csv-layout.js';
import type { Complication, NotOperatedPatient, Patient, Screening } from '../src/model/types.js';
import { simulateTrial } from '../src/simulate/simulate-trial.js';

/** Options of the example cohort. */
export const EXAMPLE_COHORT_OPTIONS = Object.freeze({ n: 60, seed: 2026 });

/** Quotes a CSV cell when it holds a comma, a quote, a line break or surrounding spaces. */
function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
) {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** The grade as an export writes it, with the suffix "d" when the complication persists. */
function gradeText(c: Complication): string {
  if (c.persistsAtDischarge !== true) return c.grade;
  return /[ab]$/.test(c.grade) ? `${c.grade}-d` : `${c.grade}d`;
}

/** The value at a layout field (`imaging.date`: nested) of an object, as a CSV cell writes it. */
function cellOf(item: object, field: string): string | number | undefined {
  let value: unknown = item;
  for (const part of field.split('.'))
    value = (value as Record<string, unknown> | undefined)?.[part];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return value as string | number;
}

/**
 * The columns of the layout written for `items`: those always written (the first `always`),
 * then each other one that some item has a value for.
 */
function columnsFor(
  specs: readonly ColumnSpec[],
  always: number,
  items: readonly object[],
): ColumnSpec[] {
  return specs.filter(
    (spec, i) => i < always || items.some((item) => cellOf(item, spec.field) !== undefined),
  );
}

/** The example files, by path relative to the repository root, with their exact content. */
export function exampleCohortFiles(): Map<string, string> {
  // The operated patients with the patient flow (notOperated, screening).
  const cohort: { patients: readonly Patient[] } & CohortFlowInput =
    simulateTrial(EXAMPLE_COHORT_OPTIONS);
  return cohortFiles(
    cohort.patients,
    'examples/example-cohort.json',
    'examples/example-cohort-csv',
    {
      ...(cohort.notOperated === undefined ? {} : { notOperated: cohort.notOperated }),
      ...(cohort.screening === undefined ? {} : { screening: cohort.screening }),
    },
  );
}

/** The patient flow of a cohort, each part optional. */
export interface CohortFlowInput {
  readonly notOperated?: readonly NotOperatedPatient[];
  readonly screening?: Screening | null;
}

/**
 * A cohort as a JSON file and the same cohort as a folder of CSV exports (the layout of
 * docs/data-format.md), by path, with their exact content: patients.csv with the layout's
 * first ten columns and each further one some patient has, complications.csv with
 * `category` and `intraoperative` when some complication has them, and not-operated.csv and
 * screening.csv when the cohort has a patient flow. Also used by bench/report.bench.ts.
 */
export function cohortFiles(
  patients: readonly Patient[],
  jsonPath: string,
  csvDir: string,
  flow: CohortFlowInput = {},
): Map<string, string> {
  const { notOperated, screening } = flow;
  const cohort = {
    $schema: '../fixtures/cohort.schema.json',
    patients,
    ...(notOperated === undefined ? {} : { notOperated }),
    ...(screening === undefined || screening === null ? {} : { screening }),
  };
  // The cohort object is strict: the synthetic note is in the docs.
  const json = `${JSON.stringify(cohort, null, 2)}\n`;
  const each = <T>(pick: (p: Patient) => readonly T[] | undefined) =>
    patients.flatMap((p) => (pick(p) ?? []).map((item) => [p.id, item] as const));
  const patientColumns = columnsFor(PATIENT_COLUMNS, LAYOUT_COLUMNS_ALWAYS_WRITTEN, patients);
  const complications = each((p) => p.complications);
  // patient_id, date, grade, description always; category and intraoperative when recorded.
  const complicationColumns = columnsFor(
    SERIES_COLUMNS.complications.slice(1),
    3,
    complications.map(([, c]) => c),
  );
  const files = new Map([
    [jsonPath, json],
    [
      `${csvDir}/patients.csv`,
      csv(
        patientColumns.map((s) => s.name),
        patients.map((p) => patientColumns.map((s) => cellOf(p, s.field))),
      ),
    ],
    [
      `${csvDir}/psa.csv`,
      csv(
        ['patient_id', 'date', 'value'],
        each((p) => p.psa).map(([id, m]) => [
          id,
          m.date,
          m.undetectable === true ? `<${m.value}` : m.value,
        ]),
      ),
    ],
    [
      `${csvDir}/complications.csv`,
      csv(
        ['patient_id', ...complicationColumns.map((s) => s.name)],
        complications.map(([id, c]) => [
          id,
          ...complicationColumns.map((s) =>
            s.kind === 'grade' ? gradeText(c) : cellOf(c, s.field),
          ),
        ]),
      ),
    ],
    [
      `${csvDir}/testosterone.csv`,
      csv(
        ['patient_id', 'date', 'value'],
        each((p) => p.testosterone).map(([id, m]) => [id, m.date, m.value]),
      ),
    ],
  ]);
  if (notOperated !== undefined) {
    files.set(
      `${csvDir}/not-operated.csv`,
      csv(
        NOT_OPERATED_COLUMNS.map((s) => s.name),
        notOperated.map((entry) => NOT_OPERATED_COLUMNS.map((s) => cellOf(entry, s.field))),
      ),
    );
  }
  if (screening !== undefined && screening !== null) {
    files.set(
      `${csvDir}/screening.csv`,
      csv(
        SCREENING_COLUMNS.map((s) => s.name),
        [
          ['assessed', '', screening.assessed],
          ...screening.excluded.map((e) => ['excluded', e.reason, e.count]),
        ],
      ),
    );
  }
  return files;
}

/** patients.csv's columns up to last_imaging_date are written even when every cell is empty. */
const LAYOUT_COLUMNS_ALWAYS_WRITTEN = 10;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes the example files under the repository root. */
export function writeExampleCohort(): void {
  for (const [path, content] of exampleCohortFiles()) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${path}`);
  }
}

// Run when executed (npx tsx scripts/write-example-cohort.ts), not when a test imports it.
if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  writeExampleCohort();
}

// Writes the SYNTHETIC example cohort (simulateCohort({ n: 60, seed: 2026 })) as
// examples/example-cohort.json and, the same patients, as the CSV files of
// examples/example-cohort-csv/: npx tsx scripts/write-example-cohort.ts
// test/node/example-cohort.test.ts fails when the committed files differ from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Complication, Patient } from '../src/model/types.js';
import { simulateCohort } from '../src/simulate/simulate-cohort.js';

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

/** The example files, by path relative to the repository root, with their exact content. */
export function exampleCohortFiles(): Map<string, string> {
  const { patients } = simulateCohort(EXAMPLE_COHORT_OPTIONS);
  return cohortFiles(patients, 'examples/example-cohort.json', 'examples/example-cohort-csv');
}

/**
 * A cohort as a JSON file and the same patients as a folder of CSV exports (the layout of
 * docs/data-format.md), by path, with their exact content. Also used by bench/report.bench.ts.
 */
export function cohortFiles(
  patients: readonly Patient[],
  jsonPath: string,
  csvDir: string,
): Map<string, string> {
  // The cohort object is strict ($schema and patients only): the synthetic note is in the docs.
  const json = `${JSON.stringify({ $schema: '../fixtures/cohort.schema.json', patients }, null, 2)}\n`;
  const each = <T>(pick: (p: Patient) => readonly T[] | undefined) =>
    patients.flatMap((p) => (pick(p) ?? []).map((item) => [p.id, item] as const));
  return new Map([
    [jsonPath, json],
    [
      `${csvDir}/patients.csv`,
      csv(
        [
          'id',
          'surgery_date',
          'prostatectomy_date',
          'adt_start_date',
          'castration_resistance_date',
          'distant_metastasis_date',
          'death_date',
          'death_cause',
          'last_follow_up_date',
          'last_imaging_date',
        ],
        patients.map((p) => [
          p.id,
          p.surgeryDate,
          p.prostatectomyDate,
          p.adtStartDate,
          p.castrationResistanceDate,
          p.distantMetastasisDate,
          p.deathDate,
          p.deathCause,
          p.lastFollowUpDate,
          p.lastImagingDate,
        ]),
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
        ['patient_id', 'date', 'grade', 'description'],
        each((p) => p.complications).map(([id, c]) => [id, c.date, gradeText(c), c.description]),
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
}

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

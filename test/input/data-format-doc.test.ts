import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_COLUMNS, FILE_NAMES, type FileKey } from '../../src/input/csv-layout.js';
import { validateCohortCsv } from '../../src/input/validate-cohort-csv.js';
import { validateCohort } from '../../src/model/validate-cohort.js';

// docs/data-format.md shows one cohort as JSON and as CSV: both must read, to the same cohort.
// Its column table must list every column of the layout (src/input/csv-layout.ts), each in the
// file it belongs to, and say which are required.
const doc = readFileSync('docs/data-format.md', 'utf8');
const csvBlocks = new Map(
  [...doc.matchAll(/`([\w-]+\.csv)`[^\n]*\n(?:[^\n]+\n)*\n```csv\n([\s\S]*?)```/g)].map(
    (m) => [m[1] as string, m[2] as string] as const,
  ),
);
const jsonBlock = /```json\n([\s\S]*?)```/.exec(doc)?.[1];

/** The rows of the column table: file (carried down from the row above), columns, required. */
function columnTable(): { file: string; column: string; required: string }[] {
  const start = doc.indexOf('| file ');
  const rows = doc.slice(start).split('\n\n')[0]!.split('\n').slice(2);
  let file = '';
  return rows.flatMap((row) => {
    const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells[1] !== '') file = cells[1]!.replaceAll('`', '');
    return [...cells[2]!.matchAll(/`([a-z_]+)`/g)].map((m) => ({
      file,
      column: m[1]!,
      required: cells[3]!,
    }));
  });
}

describe('docs/data-format.md examples', () => {
  it('has the six CSV files and the JSON', () => {
    expect([...csvBlocks.keys()]).toEqual(Object.values(FILE_NAMES));
    expect(jsonBlock).toBeDefined();
  });

  it('the CSV example reads to the same cohort as the JSON example', () => {
    const text = (key: FileKey) => csvBlocks.get(FILE_NAMES[key])!;
    const fromCsv = validateCohortCsv({
      patients: text('patients'),
      psa: text('psa'),
      complications: text('complications'),
      testosterone: text('testosterone'),
      notOperated: text('notOperated'),
      screening: text('screening'),
    });
    const fromJson = validateCohort(JSON.parse(jsonBlock!));
    expect(fromCsv.ok ? [] : fromCsv.issues).toEqual([]);
    expect(fromJson.ok ? [] : fromJson.issues).toEqual([]);
    expect(fromCsv.warnings).toEqual([]);
    expect(fromCsv.ok && fromCsv.patients).toEqual(fromJson.ok && fromJson.patients);
    expect(fromCsv.notOperated).toEqual(fromJson.notOperated);
    expect(fromCsv.screening).toEqual(fromJson.screening);
    expect(fromCsv.notOperated).toHaveLength(1);
    expect(fromCsv.screening?.excluded).toHaveLength(2);
  });
});

describe('docs/data-format.md column table', () => {
  const table = columnTable();

  it('lists every column of the layout in its file, saying whether it is required', () => {
    for (const key of Object.keys(FILE_NAMES) as FileKey[]) {
      const listed = table.filter((r) => r.file === FILE_NAMES[key]);
      expect(listed.map((r) => r.column).sort(), FILE_NAMES[key]).toEqual(
        FILE_COLUMNS[key].map((s) => s.name).sort(),
      );
      for (const spec of FILE_COLUMNS[key]) {
        const row = listed.find((r) => r.column === spec.name)!;
        expect(row.required.startsWith(spec.required ? 'yes' : 'no'), spec.name).toBe(true);
      }
    }
  });

  it('lists no file the layout does not have', () => {
    expect([...new Set(table.map((r) => r.file))]).toEqual(Object.values(FILE_NAMES));
  });
});

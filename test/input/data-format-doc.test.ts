import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCohortCsv } from '../../src/input/parse-cohort-csv.js';
import { validateCohort } from '../../src/model/validate-cohort.js';

// docs/data-format.md shows one cohort as JSON and as CSV: both must read, to the same patients.
const doc = readFileSync('docs/data-format.md', 'utf8');
const csvBlocks = new Map(
  [...doc.matchAll(/`(\w+\.csv)`[^\n]*\n\n```csv\n([\s\S]*?)```/g)].map(
    (m) => [m[1] as string, m[2] as string] as const,
  ),
);
const jsonBlock = /```json\n([\s\S]*?)```/.exec(doc)?.[1];

describe('docs/data-format.md examples', () => {
  it('has the four CSV files and the JSON', () => {
    expect([...csvBlocks.keys()]).toEqual([
      'patients.csv',
      'psa.csv',
      'complications.csv',
      'testosterone.csv',
    ]);
    expect(jsonBlock).toBeDefined();
  });

  it('the CSV example reads to the same patients as the JSON example', () => {
    const fromCsv = parseCohortCsv({
      patients: csvBlocks.get('patients.csv')!,
      psa: csvBlocks.get('psa.csv')!,
      complications: csvBlocks.get('complications.csv')!,
      testosterone: csvBlocks.get('testosterone.csv')!,
    });
    const fromJson = validateCohort(JSON.parse(jsonBlock!));
    expect(fromCsv.ok ? [] : fromCsv.issues).toEqual([]);
    expect(fromJson.ok).toBe(true);
    expect(fromCsv.ok && fromCsv.patients).toEqual(fromJson.ok && fromJson.patients);
  });
});

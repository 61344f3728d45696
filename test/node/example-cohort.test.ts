import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_COHORT_OPTIONS, exampleCohortFiles } from '../../scripts/write-example-cohort.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { readCohort } from '../../src/node/read-cohort.js';
import { simulateCohort } from '../../src/simulate/simulate-cohort.js';

// The committed example cohort is written by scripts/write-example-cohort.ts; if this fails,
// run `npx tsx scripts/write-example-cohort.ts` and commit the result.

describe('examples/example-cohort', () => {
  it('the committed files equal what the script writes now', () => {
    const files = exampleCohortFiles();
    expect([...files.keys()].sort()).toEqual([
      'examples/example-cohort-csv/complications.csv',
      'examples/example-cohort-csv/patients.csv',
      'examples/example-cohort-csv/psa.csv',
      'examples/example-cohort-csv/testosterone.csv',
      'examples/example-cohort.json',
    ]);
    for (const [path, content] of files) {
      expect(readFileSync(path, 'utf8'), path).toBe(content);
    }
    expect(readdirSync('examples/example-cohort-csv').sort()).toEqual([
      'complications.csv',
      'patients.csv',
      'psa.csv',
      'testosterone.csv',
    ]);
  });

  it('the JSON holds the simulated cohort and is valid', () => {
    const json = JSON.parse(readFileSync('examples/example-cohort.json', 'utf8'));
    expect(Object.keys(json)).toEqual(['$schema', 'patients']);
    expect(json.patients).toEqual(simulateCohort(EXAMPLE_COHORT_OPTIONS).patients);
    const result = validateCohort(json);
    expect(result.ok).toBe(true);
    expect(result.ok && result.patients).toEqual(json.patients);
  });

  it('reading the CSV folder gives the same patients as the JSON', () => {
    const fromJson = readCohort('examples/example-cohort.json');
    const fromCsv = readCohort('examples/example-cohort-csv');
    expect(fromJson.ok).toBe(true);
    expect(fromCsv.ok).toBe(true);
    expect(fromCsv.warnings).toEqual([]);
    expect(fromCsv.patients).toHaveLength(60);
    expect(fromCsv.patients).toEqual(fromJson.patients);
  });

  it('exercises the CSV rules: undetectable PSA, quoted descriptions, testosterone', () => {
    const files = exampleCohortFiles();
    expect(files.get('examples/example-cohort-csv/psa.csv')).toMatch(/,<0\.03\n/);
    expect(files.get('examples/example-cohort-csv/complications.csv')).toMatch(/,"[^"]*, [^"]*"\n/);
    expect(
      files.get('examples/example-cohort-csv/testosterone.csv')!.split('\n').length,
    ).toBeGreaterThan(3);
  });
});

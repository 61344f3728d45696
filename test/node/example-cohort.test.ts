import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cohortFiles,
  EXAMPLE_COHORT_OPTIONS,
  exampleCohortFiles,
} from '../../scripts/write-example-cohort.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { validateCohortFile } from '../../src/node/validate-cohort-file.js';
import { simulateCohort } from '../../src/simulate/simulate-cohort.js';

// The committed example cohort is written by scripts/write-example-cohort.ts; if this fails,
// run `npx tsx scripts/write-example-cohort.ts` and commit the result.

describe('examples/example-cohort', () => {
  it('the committed files equal what the script writes now', () => {
    const files = exampleCohortFiles();
    const paths = [...files.keys()].sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        'examples/example-cohort-csv/complications.csv',
        'examples/example-cohort-csv/patients.csv',
        'examples/example-cohort-csv/psa.csv',
        'examples/example-cohort-csv/testosterone.csv',
        'examples/example-cohort.json',
      ]),
    );
    for (const [path, content] of files) {
      expect(readFileSync(path, 'utf8'), path).toBe(content);
    }
    const csvFolder = 'examples/example-cohort-csv/';
    expect(readdirSync(csvFolder).sort()).toEqual(
      paths.filter((p) => p.startsWith(csvFolder)).map((p) => p.slice(csvFolder.length)),
    );
  });

  it('the JSON holds the simulated cohort and is valid', () => {
    const json = JSON.parse(readFileSync('examples/example-cohort.json', 'utf8'));
    expect(Object.keys(json).slice(0, 2)).toEqual(['$schema', 'patients']);
    expect(json.patients).toEqual(simulateCohort(EXAMPLE_COHORT_OPTIONS).patients);
    const result = validateCohort(json);
    expect(result.ok).toBe(true);
    expect(result.ok && result.patients).toEqual(json.patients);
  });

  it('reading the CSV folder gives the same patients as the JSON', () => {
    const fromJson = validateCohortFile('examples/example-cohort.json');
    const fromCsv = validateCohortFile('examples/example-cohort-csv');
    expect(fromJson.ok).toBe(true);
    expect(fromCsv.ok).toBe(true);
    expect(fromCsv.warnings).toEqual([]);
    expect(fromCsv.patients).toHaveLength(60);
    expect(fromCsv.patients).toEqual(fromJson.patients);
    expect(fromCsv.notOperated).toEqual(fromJson.notOperated);
    expect(fromCsv.screening).toEqual(fromJson.screening);
  });

  it('exercises the CSV rules: undetectable PSA, quoted descriptions, testosterone', () => {
    const files = exampleCohortFiles();
    expect(files.get('examples/example-cohort-csv/psa.csv')).toMatch(/,<0\.03\n/);
    expect(files.get('examples/example-cohort-csv/complications.csv')).toMatch(
      /,"[^"]*, [^"]*"[,\n]/,
    );
    expect(
      files.get('examples/example-cohort-csv/testosterone.csv')!.split('\n').length,
    ).toBeGreaterThan(3);
  });

  it('the script writes any cohort, its flow and baseline columns too, as CSV that reads back the same', () => {
    const { patients } = simulateCohort({ n: 25, seed: 7 });
    const flow = {
      notOperated: [
        { id: 'N-1', enrollmentDate: '2022-03-01', reason: 'withdrew consent' },
        { id: 'N-2', reason: 'PSMA-PET negative, "no target"' },
      ],
      screening: { assessed: 80, excluded: [{ reason: 'distant metastases', count: 12 }] },
    };
    const dir = mkdtempSync(join(tmpdir(), 'slnd-cohort-files-'));
    try {
      const files = cohortFiles(patients, 'cohort.json', 'csv', flow);
      for (const [path, content] of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      expect(readdirSync(join(dir, 'csv')).sort()).toEqual([
        'complications.csv',
        'not-operated.csv',
        'patients.csv',
        'psa.csv',
        'screening.csv',
        'testosterone.csv',
      ]);
      const fromJson = validateCohortFile(join(dir, 'cohort.json'));
      const fromCsv = validateCohortFile(join(dir, 'csv'));
      expect(fromJson.issues).toEqual([]);
      expect(fromCsv.issues).toEqual([]);
      expect(fromCsv.patients).toEqual(fromJson.patients);
      expect(fromCsv.notOperated).toEqual(flow.notOperated);
      expect(fromCsv.screening).toEqual(flow.screening);
      // Every field a simulated patient has is a column of the CSV twin.
      const header = files.get('csv/patients.csv')!.split('\n')[0]!;
      if (patients.some((p) => p.imaging !== undefined))
        expect(header).toContain('imaging_regions');
      if (patients.some((p) => p.priorAdt !== undefined)) expect(header).toContain('prior_adt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

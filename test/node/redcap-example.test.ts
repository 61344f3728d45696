import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCohortFile, validateCohortFile } from '../../src/node/validate-cohort-file.js';

// examples/redcap/: a REDCap-style export read through its mapping.json (docs/data-format.md,
// "Column mappings"). The expected values are read off the export and the mapping by hand:
// patient 1001's row has pt_stage 2 (pT3a), margin 1 (R1), pet_tracer 1 (PSMA-PET/CT),
// pet_region___1 checked only (pelvic); 1002 has margin 9 (unknown: absent) and two regions
// checked; 1003's complications are Clavien codes 4 (IIIb) and 7 (V), type 4 (thromboembolism).

const FOLDER = 'examples/redcap';
const MAPPING = 'examples/redcap/mapping.json';

describe('examples/redcap with its mapping', () => {
  const cohort = parseCohortFile(FOLDER, { columnMapping: MAPPING });
  const byId = new Map(cohort.patients.map((p) => [p.id, p]));

  it('reads the four operated patients, the two not operated and the screening, without warnings', () => {
    expect(cohort.warnings).toEqual([]);
    expect([...byId.keys()]).toEqual(['1001', '1002', '1003', '1004']);
    expect(cohort.notOperated).toEqual([
      { id: '1005', enrollmentDate: '2023-06-10', reason: 'distant metastases at re-staging' },
      { id: '1006', enrollmentDate: '2023-11-02', reason: 'withdrew consent' },
    ]);
    expect(cohort.screening).toEqual({
      assessed: 14,
      excluded: [
        { reason: 'distant metastases on PSMA-PET', count: 5 },
        { reason: 'declined to participate', count: 3 },
      ],
    });
  });

  it('maps the coded fields, the yes/no fields and the checkboxes', () => {
    expect(byId.get('1001')).toMatchObject({
      surgeryDate: '2023-03-14',
      biochemicalRecurrenceDate: '2019-02-11',
      ageAtSurgery: 63.4,
      isupGradeGroup: 3,
      pathologicalStage: 'pT3a',
      pathologicalNodes: 'pN0',
      surgicalMargin: 'R1',
      priorSalvageRadiotherapy: true,
      priorAdt: false,
      imaging: {
        date: '2023-02-20',
        modality: 'PSMA-PET/CT',
        positiveNodes: 2,
        regions: ['pelvic'],
      },
      nodesRemoved: 22,
      nodesPositive: 2,
    });
    const p1002 = byId.get('1002')!;
    expect(p1002.surgicalMargin).toBeUndefined();
    expect(p1002.pathologicalStage).toBe('pT3b');
    expect(p1002.imaging?.regions).toEqual(['pelvic', 'retroperitoneal']);
    expect(p1002.testosterone).toEqual([
      { date: '2024-02-26', value: 410 },
      { date: '2024-04-15', value: 18 },
    ]);
    expect(byId.get('1003')).toMatchObject({
      pathologicalNodes: 'pNx',
      deathDate: '2023-10-05',
      deathCause: 'complication',
      complications: [
        { date: '2023-10-01', grade: 'IIIb', category: 'thromboembolism', intraoperative: false },
        { date: '2023-10-05', grade: 'V', category: 'thromboembolism', intraoperative: false },
      ],
    });
    // Nothing checked and nothing recorded: absent, never a default.
    expect(byId.get('1004')!.imaging).toEqual({ date: '2024-01-05', modality: 'choline-PET/CT' });
    expect(byId.get('1004')!.prostatectomyDate).toBeUndefined();
  });

  it('without the mapping, the export is not read as the layout', () => {
    const result = validateCohortFile(FOLDER);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ file: 'patients.csv', code: 'unknown_column', column: 1 }),
    );
    const lenient = validateCohortFile(FOLDER, { unknownColumns: 'warning' });
    expect(lenient.issues).toContainEqual(
      expect.objectContaining({ file: 'patients.csv', code: 'missing_column' }),
    );
  });

  it('the mapping file is the one docs/data-format.md shows in part', () => {
    const mapping = JSON.parse(readFileSync(MAPPING, 'utf8'));
    expect(mapping.files['patients.csv'].values.pathological_stage).toEqual({
      '1': 'pT2',
      '2': 'pT3a',
      '3': 'pT3b',
      '4': 'pT4',
    });
    expect(Object.keys(mapping.files)).not.toContain('screening.csv');
  });
});

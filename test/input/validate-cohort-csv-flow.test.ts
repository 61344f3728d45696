import { describe, expect, it } from 'vitest';
import {
  type CohortCsvFiles,
  type CohortInputIssue,
  parseCohortCsv,
  validateCohortCsv,
} from '../../src/input/index.js';
import { validateCohort } from '../../src/model/validate-cohort.js';

// not-operated.csv and screening.csv (issue 14): the patient flow, read into `notOperated` and
// `screening` as validateCohort gives them, each bad cell named with its file, line and column.

const FILES: CohortCsvFiles = {
  patients:
    'id,surgery_date,last_follow_up_date\nP1,2024-01-10,2025-06-01\nP2,2024-02-10,2025-06-01\n',
  psa: 'patient_id,date,value\n',
  complications: 'patient_id,date,grade\n',
};
const NOT_OPERATED = 'id,enrollment_date,reason\nN1,2024-01-03,withdrew consent\nN2,,unfit\n';
const SCREENING =
  'step,reason,count\nassessed,,12\nexcluded,distant metastases,5\nexcluded,declined,2\n';

function issuesOf(files: Partial<CohortCsvFiles>): CohortInputIssue[] {
  const result = validateCohortCsv({ ...FILES, ...files });
  return result.ok ? [] : result.issues;
}

describe('validateCohortCsv: the patient flow', () => {
  it('reads not-operated.csv and screening.csv as validateCohort reads the same cohort', () => {
    const result = validateCohortCsv({ ...FILES, notOperated: NOT_OPERATED, screening: SCREENING });
    expect(result.ok).toBe(true);
    const expected = {
      notOperated: [
        { id: 'N1', enrollmentDate: '2024-01-03', reason: 'withdrew consent' },
        { id: 'N2', reason: 'unfit' },
      ],
      screening: {
        assessed: 12,
        excluded: [
          { reason: 'distant metastases', count: 5 },
          { reason: 'declined', count: 2 },
        ],
      },
    };
    expect(result.notOperated).toEqual(expected.notOperated);
    expect(result.screening).toEqual(expected.screening);
    const fromJson = validateCohort({
      patients: result.ok ? result.patients : [],
      ...expected,
    });
    expect(fromJson.ok).toBe(true);
    expect(fromJson.notOperated).toEqual(result.notOperated);
    expect(fromJson.screening).toEqual(result.screening);
  });

  it('gives no flow without the files, and parseCohortCsv returns the flow too', () => {
    const result = validateCohortCsv(FILES);
    expect(result).toMatchObject({ ok: true, notOperated: [], screening: null });
    const parsed = parseCohortCsv({ ...FILES, notOperated: NOT_OPERATED, screening: SCREENING });
    expect(Object.keys(parsed).sort()).toEqual([
      'notOperated',
      'patients',
      'screening',
      'warnings',
    ]);
    expect(parsed.notOperated).toHaveLength(2);
    expect(parsed.screening?.assessed).toBe(12);
  });

  it('a screening.csv with only its header gives no screening', () => {
    expect(validateCohortCsv({ ...FILES, screening: 'step,reason,count\n' }).screening).toBeNull();
  });

  it('reads the de dialect in both files', () => {
    const result = validateCohortCsv(
      {
        patients: 'id;surgery_date;last_follow_up_date\nP1;10.01.2024;01.06.2025\n',
        psa: 'patient_id;date;value\n',
        complications: 'patient_id;date;grade\n',
        notOperated: 'id;enrollment_date;reason\nN1;3.1.2024;withdrew consent, moved away\n',
        screening: 'step;reason;count\nassessed;;4\nexcluded;declined;1\n',
      },
      { csvDialect: 'de' },
    );
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.notOperated).toEqual([
      { id: 'N1', enrollmentDate: '2024-01-03', reason: 'withdrew consent, moved away' },
    ]);
    expect(result.screening).toEqual({ assessed: 4, excluded: [{ reason: 'declined', count: 1 }] });
  });
});

describe('validateCohortCsv: bad rows of not-operated.csv', () => {
  it.each([
    ['id,enrollment_date,reason\nN1,2024-01-03,', 'empty_cell', 3, 'reason is empty'],
    [
      'id,enrollment_date,reason\nN1,03/01/2024,unfit',
      'invalid_date',
      2,
      'enrollment_date "03/01/2024"',
    ],
    ['id,enrollment_date,reason\n,2024-01-03,unfit', 'empty_cell', 1, 'id is empty'],
    [
      'id,enrollment_date,reason\nP2,2024-01-03,unfit',
      'duplicate_id',
      1,
      'id "P2" is also in patients.csv (line 3)',
    ],
  ] as const)('%j: %s', (text, code, column, says) => {
    const issues = issuesOf({ notOperated: text });
    expect(issues.map((i) => i.code)).toEqual([code]);
    expect(issues[0]).toMatchObject({ file: 'not-operated.csv', line: 2, column });
    expect(issues[0]!.message).toMatch(
      new RegExp(`^not-operated\\.csv line 2, column ${column}: `),
    );
    expect(issues[0]!.message).toContain(says);
  });

  it('an id twice in the file, and a missing required column', () => {
    expect(issuesOf({ notOperated: `${NOT_OPERATED}N1,2024-02-01,again` })).toEqual([
      expect.objectContaining({
        file: 'not-operated.csv',
        line: 4,
        column: 1,
        code: 'duplicate_id',
        message: expect.stringContaining('id "N1" is also on line 2'),
      }),
    ]);
    expect(issuesOf({ notOperated: 'id,enrollment_date\nN1,2024-01-03\n' })).toEqual([
      expect.objectContaining({ file: 'not-operated.csv', line: 1, code: 'missing_column' }),
    ]);
  });

  it('a row of psa.csv for a patient who was not operated says so', () => {
    const issues = issuesOf({
      notOperated: NOT_OPERATED,
      psa: 'patient_id,date,value\nN1,2024-01-02,1.2\n',
    });
    expect(issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 2, column: 1, code: 'unknown_patient' }),
    ]);
    expect(issues[0]!.message).toContain('it is in not-operated.csv');
  });

  it('leaves the operated patients valid for --exclude-invalid', () => {
    const result = validateCohortCsv({
      ...FILES,
      notOperated: 'id,enrollment_date,reason\nN1,2024-13-01,x\n',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.validPatients.map((p) => p.id)).toEqual(['P1', 'P2']);
  });
});

describe('validateCohortCsv: bad rows of screening.csv', () => {
  const screening = (rows: string) => ({ screening: `step,reason,count\n${rows}\n` });

  it.each([
    [
      'assessed,,12\nincluded,,3',
      'invalid_value',
      3,
      1,
      'step "included" is not one of assessed, excluded',
    ],
    ['assessed,,-1', 'out_of_range', 2, 3, 'count "-1" is negative'],
    ['assessed,,2.5', 'invalid_number', 2, 3, 'count "2.5" is not a whole number'],
    ['assessed,,12\nexcluded,,3', 'empty_cell', 3, 2, 'reason is empty; an excluded row says why'],
    ['assessed,all,12', 'invalid_value', 2, 2, 'only an excluded row has a reason'],
    [
      'assessed,,12\nassessed,,14',
      'duplicate_row',
      3,
      1,
      'a second assessed row (the first is on line 2)',
    ],
    [
      'assessed,,12\nexcluded,declined,3\nexcluded,Declined,1',
      'duplicate_row',
      4,
      2,
      'reason "Declined" is also on line 3',
    ],
    [
      'assessed,,5\nexcluded,declined,4',
      'screening_count',
      2,
      3,
      '5 patients assessed, fewer than the 2 enrolled (operated and not) plus the 4 excluded',
    ],
  ] as const)('%j: %s', (rows, code, line, column, says) => {
    const issues = issuesOf(screening(rows));
    expect(issues.map((i) => i.code)).toEqual([code]);
    expect(issues[0]).toMatchObject({ file: 'screening.csv', line, column, patientId: null });
    expect(issues[0]!.message).toMatch(
      new RegExp(`^screening\\.csv line ${line}, column ${column}: `),
    );
    expect(issues[0]!.message).toContain(says);
  });

  it('no assessed row: one issue of the file', () => {
    expect(issuesOf(screening('excluded,declined,3'))).toEqual([
      expect.objectContaining({
        file: 'screening.csv',
        line: null,
        code: 'missing_row',
        message: expect.stringMatching(/^screening\.csv: no assessed row/),
      }),
    ]);
  });

  it('a screening with a problem is not returned, the patients stay valid', () => {
    const result = validateCohortCsv({ ...FILES, ...screening('assessed,,x') });
    expect(result.screening).toBeNull();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.validPatients).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type CohortCsvFiles,
  type CohortInputIssue,
  parseCohortCsv,
  validateCohortCsv,
} from '../../src/input/index.js';

// The de dialect (`;`, decimal comma, DD.MM.YYYY, ja/nein), chosen by the caller and never
// guessed; in the standard dialect, each sign of a German/Swiss export names the way out.

const DE: CohortCsvFiles = {
  patients:
    'id;surgery_date;last_follow_up_date;age_at_surgery;prior_adt;prior_salvage_radiotherapy\n' +
    '007;10.01.2024;1.6.2025;64,5;nein;Ja\n',
  psa: 'patient_id;date;value\n007;02.01.2024;1,4\n007;20.02.2024;<0,03\n007;2024-05-20;0,25\n',
  complications: 'patient_id;date;grade;description\n007;14.01.2024;2;"Lymphozele; Drainage"\n',
};

function issuesOf(files: Partial<CohortCsvFiles>, options = {}): CohortInputIssue[] {
  const result = validateCohortCsv({ ...DE, ...files }, options);
  return result.ok ? [] : result.issues;
}

describe("csvDialect: 'de'", () => {
  it('reads ";", decimal commas, day-first dates (and ISO ones) and ja/nein', () => {
    const { patients } = parseCohortCsv(DE, { csvDialect: 'de' });
    expect(patients[0]).toEqual({
      id: '007',
      surgeryDate: '2024-01-10',
      lastFollowUpDate: '2025-06-01',
      ageAtSurgery: 64.5,
      priorAdt: false,
      priorSalvageRadiotherapy: true,
      psa: [
        { date: '2024-01-02', value: 1.4 },
        { date: '2024-02-20', value: 0.03, undetectable: true },
        { date: '2024-05-20', value: 0.25 },
      ],
      complications: [{ date: '2024-01-14', grade: 'II', description: 'Lymphozele; Drainage' }],
    });
  });

  it('refuses a point as decimal separator, saying why', () => {
    const issues = issuesOf(
      { psa: 'patient_id;date;value\n007;02.01.2024;1.4\n' },
      { csvDialect: 'de' },
    );
    expect(issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 2, column: 3, code: 'invalid_number' }),
    ]);
    expect(issues[0]!.message).toContain('the de dialect writes a decimal comma');
  });

  it('refuses a comma-separated file, and an impossible day-first date', () => {
    expect(
      issuesOf({ psa: 'patient_id,date,value\n007,2024-01-02,1.4\n' }, { csvDialect: 'de' }),
    ).toEqual([
      expect.objectContaining({
        file: 'psa.csv',
        line: 1,
        code: 'wrong_separator',
        message: expect.stringContaining('not semicolons as the de dialect expects'),
      }),
    ]);
    const issues = issuesOf(
      { psa: 'patient_id;date;value\n007;31.02.2024;1,4\n' },
      { csvDialect: 'de' },
    );
    expect(issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 2, column: 2, code: 'invalid_date' }),
    ]);
    expect(issues[0]!.message).toContain(
      '"31.02.2024" is not an existing calendar date written DD.MM.YYYY',
    );
  });

  it('ja/nein are not yes/no in the standard dialect', () => {
    const issues = validateCohortCsv({
      patients: 'id,surgery_date,last_follow_up_date,prior_adt\n007,2024-01-10,2025-06-01,nein\n',
      psa: 'patient_id,date,value\n',
      complications: 'patient_id,date,grade\n',
    });
    expect(issues.ok).toBe(false);
    if (!issues.ok) expect(issues.issues[0]).toMatchObject({ code: 'invalid_boolean', column: 4 });
  });
});

describe('the standard dialect names --csv-dialect de for a German/Swiss export', () => {
  it('a semicolon header', () => {
    const issues = issuesOf({});
    expect(issues.map((i) => [i.file, i.code])).toEqual([
      ['patients.csv', 'wrong_separator'],
      ['psa.csv', 'wrong_separator'],
      ['complications.csv', 'wrong_separator'],
    ]);
    for (const issue of issues) {
      expect(issue.message).toMatch(/^[a-z]+\.csv line 1: the file is separated by semicolons/);
      expect(issue.message).toContain('--csv-dialect de');
    }
  });

  const STANDARD = {
    patients: 'id,surgery_date,last_follow_up_date\n007,2024-01-10,2025-06-01\n',
    complications: 'patient_id,date,grade\n',
  };

  it('a decimal comma, quoted or not', () => {
    const quoted = issuesOf({ ...STANDARD, psa: 'patient_id,date,value\n007,2024-01-02,"1,4"\n' });
    expect(quoted).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 2, column: 3, code: 'invalid_number' }),
    ]);
    expect(quoted[0]!.message).toContain('--csv-dialect de');
    const unquoted = issuesOf({ ...STANDARD, psa: 'patient_id,date,value\n007,2024-01-02,1,4\n' });
    expect(unquoted).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 2, code: 'wrong_field_count' }),
    ]);
    expect(unquoted[0]!.message).toContain('--csv-dialect de');
  });

  it('a day-first date', () => {
    const issues = issuesOf({ ...STANDARD, psa: 'patient_id,date,value\n007,18.03.2024,1.4\n' });
    expect(issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 2, column: 2, code: 'invalid_date' }),
    ]);
    expect(issues[0]!.message).toContain(
      '"18.03.2024" is not an existing calendar date written YYYY-MM-DD',
    );
    expect(issues[0]!.message).toContain('--csv-dialect de');
  });

  it('is never guessed: the same text reads differently only when the caller says so', () => {
    const files = { ...STANDARD, psa: 'patient_id,date,value\n007,2024-01-02,1.234\n' };
    const { patients } = parseCohortCsv(files);
    expect(patients[0]!.psa[0]!.value).toBe(1.234);
  });
});

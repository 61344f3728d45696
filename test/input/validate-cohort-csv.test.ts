import { describe, expect, it } from 'vitest';
import { SlndStatsError } from '../../src/errors.js';
import {
  type CohortCsvFiles,
  CohortInputError,
  type CohortInputIssue,
  parseCohortCsv,
  validateCohortCsv,
} from '../../src/input/index.js';

const PATIENTS = [
  'id,surgery_date,prostatectomy_date,adt_start_date,castration_resistance_date,distant_metastasis_date,death_date,last_follow_up_date,last_imaging_date',
  '007,2024-01-10,2019-05-02,,,,,2025-06-01,2025-05-20',
  'P02,2024-02-05,,2024-10-01,,2025-04-14,,2025-11-20,2025-04-14',
].join('\n');
const PSA = [
  'patient_id,date,value',
  '007,2023-11-20,1.8',
  '007,2024-01-08,2.4',
  '007,2024-02-21,<0.03',
  'P02,2024-01-30,3.2',
  'P02,2024-03-18,1.9',
].join('\n');
const COMPLICATIONS = [
  'patient_id,date,grade,description',
  '007,2024-01-14,2,"lymphocele, antibiotics"',
  'P02,2024-02-20,Grade IIIb,',
  'P02,2024-02-21,Id,wound seroma',
].join('\n');
const TESTOSTERONE = 'patient_id,date,value\nP02,2024-12-01,22\n';

const FILES: CohortCsvFiles = {
  patients: PATIENTS,
  psa: PSA,
  complications: COMPLICATIONS,
  testosterone: TESTOSTERONE,
};

function issuesOf(files: Partial<CohortCsvFiles>, options = {}): CohortInputIssue[] {
  const result = validateCohortCsv({ ...FILES, ...files }, options);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('validateCohortCsv: a valid export', () => {
  it('assembles the patients in patients.csv order', () => {
    const result = validateCohortCsv(FILES);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.patients.map((p) => p.id)).toEqual(['007', 'P02']);
    expect(result.patients[0]).toEqual({
      id: '007',
      surgeryDate: '2024-01-10',
      prostatectomyDate: '2019-05-02',
      psa: [
        { date: '2023-11-20', value: 1.8 },
        { date: '2024-01-08', value: 2.4 },
        { date: '2024-02-21', value: 0.03, undetectable: true },
      ],
      complications: [{ date: '2024-01-14', grade: 'II', description: 'lymphocele, antibiotics' }],
      lastFollowUpDate: '2025-06-01',
      lastImagingDate: '2025-05-20',
    });
    expect(result.patients[1]).toEqual({
      id: 'P02',
      surgeryDate: '2024-02-05',
      psa: [
        { date: '2024-01-30', value: 3.2 },
        { date: '2024-03-18', value: 1.9 },
      ],
      testosterone: [{ date: '2024-12-01', value: 22 }],
      adtStartDate: '2024-10-01',
      complications: [
        { date: '2024-02-20', grade: 'IIIb' },
        { date: '2024-02-21', grade: 'I', description: 'wound seroma', persistsAtDischarge: true },
      ],
      distantMetastasisDate: '2025-04-14',
      lastFollowUpDate: '2025-11-20',
      lastImagingDate: '2025-04-14',
    });
  });

  it('keeps ids such as 007 as strings (no type casting)', () => {
    const { patients } = parseCohortCsv(FILES);
    expect(patients[0]!.id).toBe('007');
    expect(typeof patients[0]!.id).toBe('string');
  });

  it('reads <0.03 and < 0.1 as undetectable with that limit', () => {
    const { patients } = parseCohortCsv({
      ...FILES,
      psa: 'patient_id,date,value\n007,2024-02-21,<0.03\n007,2024-05-21,< 0.1\n',
    });
    expect(patients[0]!.psa).toEqual([
      { date: '2024-02-21', value: 0.03, undetectable: true },
      { date: '2024-05-21', value: 0.1, undetectable: true },
    ]);
  });

  it('accepts a UTF-8 byte-order mark and CRLF line endings', () => {
    const crlf = (text: string) => `\uFEFF${text.replaceAll('\n', '\r\n')}\r\n`;
    const result = validateCohortCsv({
      patients: crlf(PATIENTS),
      psa: crlf(PSA),
      complications: crlf(COMPLICATIONS),
      testosterone: crlf(TESTOSTERONE),
    });
    expect(result).toEqual(validateCohortCsv(FILES));
    expect(result.ok).toBe(true);
  });

  it('counts lines correctly after a quoted cell spanning CRLF lines', () => {
    const complications =
      'patient_id,date,grade,description\r\n007,2024-01-14,2,"two\r\nlines"\r\n007,2024-01-15,9,x\r\n';
    const issues = issuesOf({ complications });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(4);
    expect(issues[0]!.message).toMatch(/^complications\.csv line 4, column 3: grade "9"/);
  });

  it('works without testosterone.csv and without the optional date columns', () => {
    const { patients } = parseCohortCsv({
      patients: 'id,surgery_date,last_follow_up_date\nA,2024-01-10,2025-01-01\n',
      psa: 'patient_id,date,value\n',
      complications: 'patient_id,date,grade\n',
    });
    expect(patients).toEqual([
      {
        id: 'A',
        surgeryDate: '2024-01-10',
        psa: [],
        complications: [],
        lastFollowUpDate: '2025-01-01',
      },
    ]);
  });

  it('matches header names ignoring case and spaces, trims cells, skips blank rows', () => {
    const { patients } = parseCohortCsv({
      patients: ' ID , Surgery_Date,LAST_FOLLOW_UP_DATE\n A ,2024-01-10, 2025-01-01\n,,\n\n',
      psa: 'patient_id,date,value\nA,2024-01-02, 1.5 \n',
      complications: 'patient_id,date,grade\n',
    });
    expect(patients[0]!.id).toBe('A');
    expect(patients[0]!.psa).toEqual([{ date: '2024-01-02', value: 1.5 }]);
  });

  it('reads every grade form parseClavienDindoGrade accepts', () => {
    const forms = ['3a', 'IIIa', 'Grade IIIb', 'IV-a', '5', 'Id', 'ii'];
    const rows = forms.map((g, i) => `007,2024-01-${String(11 + i)},${g},`).join('\n');
    const { patients } = parseCohortCsv({
      ...FILES,
      patients:
        'id,surgery_date,last_follow_up_date,death_date\n007,2024-01-10,2024-01-20,2024-01-20\n',
      psa: 'patient_id,date,value\n',
      complications: `patient_id,date,grade,description\n${rows}\n`,
      testosterone: undefined,
    });
    expect(patients[0]!.complications.map((c) => c.grade)).toEqual([
      'IIIa',
      'IIIa',
      'IIIb',
      'IVa',
      'V',
      'I',
      'II',
    ]);
    expect(patients[0]!.complications[5]!.persistsAtDischarge).toBe(true);
  });
});

describe('validateCohortCsv: file-level problems', () => {
  it('rejects a semicolon-separated file with a clear message', () => {
    const issues = issuesOf({ psa: 'patient_id;date;value\n007;2024-01-08;2,4\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'psa.csv', line: 1, code: 'wrong_separator' });
    expect(issues[0]!.message).toMatch(/^psa\.csv line 1: the file is separated by semicolons/);
  });

  it('accepts a semicolon inside a comma-separated file', () => {
    const complications =
      'patient_id,date,grade,description\n007,2024-01-14,2,"lymphocele; antibiotics"\n';
    expect(validateCohortCsv({ ...FILES, complications }).ok).toBe(true);
  });

  it('rejects a tab-separated file', () => {
    const issues = issuesOf({ testosterone: 'patient_id\tdate\tvalue\nP02\t2024-12-01\t22\n' });
    expect(issues[0]).toMatchObject({ file: 'testosterone.csv', code: 'wrong_separator' });
  });

  it('reports an empty file', () => {
    const issues = issuesOf({ complications: '\uFEFF\r\n' });
    expect(issues[0]).toMatchObject({ file: 'complications.csv', code: 'empty_file' });
  });

  it('reports missing required columns', () => {
    const issues = issuesOf({ psa: 'patient_id,date\n007,2024-01-08\n' });
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'psa.csv',
        line: 1,
        column: null,
        code: 'missing_column',
        message: expect.stringMatching(/^psa\.csv line 1: required column "value" is missing/),
      }),
    ]);
  });

  it('reports unknown columns as errors by default, as warnings or not at all on request', () => {
    const psa = 'patient_id,date,value,unit\n007,2023-11-20,1.8,ng/mL\n';
    const issues = issuesOf({ psa });
    expect(issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 1, column: 4, code: 'unknown_column' }),
    ]);
    expect(issues[0]!.message).toMatch(/^psa\.csv line 1, column 4: unknown column "unit"/);
    const lenient = validateCohortCsv({ ...FILES, psa }, { unknownColumns: 'warning' });
    expect(lenient.ok).toBe(true);
    expect(lenient.warnings.map((w) => w.code)).toEqual(['unknown_column']);
    const silent = validateCohortCsv({ ...FILES, psa }, { unknownColumns: 'ignore' });
    expect(silent).toMatchObject({ ok: true, warnings: [] });
    expect(silent.ok && silent.patients).toEqual(lenient.ok && lenient.patients);
  });

  it('still reports a missing required column when the unknown ones are ignored', () => {
    const psa = 'patient_id,date,psa_value\n007,2023-11-20,1.8\n';
    const result = validateCohortCsv({ ...FILES, psa }, { unknownColumns: 'ignore' });
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['missing_column']);
    expect(result.warnings).toEqual([]);
  });

  it('reports a column named twice', () => {
    const issues = issuesOf({ psa: 'patient_id,date,value,value\n007,2023-11-20,1.8,1.8\n' });
    expect(issues[0]).toMatchObject({ code: 'duplicate_column', column: 4 });
  });

  it('reports a CSV syntax error with its line', () => {
    const issues = issuesOf({ psa: 'patient_id,date,value\n007,2023-11-20,1.8\n007,"2024"x,1\n' });
    expect(issues[0]).toMatchObject({ file: 'psa.csv', line: 3, code: 'csv_syntax' });
  });
});

describe('validateCohortCsv: row problems', () => {
  it('reports a decimal comma in a quoted cell with line and column', () => {
    const psa = `${PSA}\n${'P02,2024-06-20,"1,2"'}`;
    const issues = issuesOf({ psa });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'psa.csv',
      line: 7,
      column: 3,
      patientId: 'P02',
      path: 'psa[2].value',
      code: 'invalid_number',
    });
    expect(issues[0]!.message).toMatch(/^psa\.csv line 7, column 3: value "1,2" is not a number/);
  });

  it('reports an unquoted decimal comma as a wrong number of fields', () => {
    const issues = issuesOf({ psa: `${PSA}\nP02,2024-06-20,1,2` });
    expect(issues[0]).toMatchObject({ line: 7, code: 'wrong_field_count' });
    expect(issues[0]!.message).toMatch(/4 fields but the header has 3.*decimal comma/);
  });

  it('reports a row of an unknown patient id as an error, never ignoring it', () => {
    const issues = issuesOf({ psa: `${PSA}\n7,2024-06-20,1.2` });
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'psa.csv',
        line: 7,
        column: 1,
        patientId: '7',
        code: 'unknown_patient',
        message: 'psa.csv line 7, column 1: patient_id "7" is not an id in patients.csv',
      }),
    ]);
  });

  it('reports unknown patients in complications.csv and testosterone.csv too', () => {
    const issues = issuesOf({
      complications: `${COMPLICATIONS}\nP99,2024-02-20,II,x`,
      testosterone: `${TESTOSTERONE}P98,2024-12-01,22\n`,
    });
    expect(issues.map((i) => [i.file, i.line, i.code])).toEqual([
      ['complications.csv', 5, 'unknown_patient'],
      ['testosterone.csv', 3, 'unknown_patient'],
    ]);
  });

  it('reports empty required cells but accepts empty optional ones', () => {
    const issues = issuesOf({
      patients: `${PATIENTS}\n,2024-01-10,,,,,,2025-01-01,\nP03,,,,,,,2025-01-01,`,
      psa: `${PSA}\nP02,,1.2\n,2024-05-01,1`,
    });
    expect(issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['patients.csv', 4, 1, 'empty_cell'],
      ['patients.csv', 5, 2, 'empty_cell'],
      ['psa.csv', 7, 2, 'empty_cell'],
      ['psa.csv', 8, 1, 'empty_cell'],
    ]);
  });

  it('reports bad dates, bad and negative numbers, bad grades', () => {
    const issues = issuesOf({
      patients: PATIENTS.replace('2019-05-02', '02/05/2019'),
      psa: `${PSA}\nP02,2024-02-30,1\nP02,2024-06-01,-0.5\nP02,2024-07-01,abc\nP02,2024-08-01,<0`,
      complications: `${COMPLICATIONS}\nP02,2024-02-22,IIa,x\nP02,2024-02-23,Grade 6,x`,
      testosterone: `${TESTOSTERONE}P02,2025-01-01,<20\n`,
    });
    expect(issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['patients.csv', 2, 3, 'invalid_date'],
      ['psa.csv', 7, 2, 'invalid_date'],
      ['psa.csv', 8, 3, 'out_of_range'],
      ['psa.csv', 9, 3, 'invalid_number'],
      ['psa.csv', 10, 3, 'out_of_range'],
      ['complications.csv', 5, 3, 'invalid_grade'],
      ['complications.csv', 6, 3, 'invalid_grade'],
      ['testosterone.csv', 3, 3, 'censored_value'],
    ]);
    const messages = issues.map((i) => i.message);
    expect(messages[0]).toBe(
      'patients.csv line 2, column 3: prostatectomy_date "02/05/2019" is not an existing calendar date written YYYY-MM-DD',
    );
    expect(messages[2]).toMatch(/value "-0.5" is negative/);
    expect(messages[5]).toMatch(
      /grade "IIa" is not a Clavien-Dindo grade \(grade II has no sub-grade/,
    );
  });

  // issue 11 item 10: the same year rule as JSON, with its own code.
  it('reports a date outside the years 1900-2199 as year_out_of_range', () => {
    const issues = issuesOf({
      psa: `${PSA}\nP02,0000-01-01,1\nP02,10000-01-01,1\nP02,2200-02-29,1`,
    });
    expect(issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['psa.csv', 7, 2, 'year_out_of_range'],
      ['psa.csv', 8, 2, 'invalid_date'],
      ['psa.csv', 9, 2, 'invalid_date'],
    ]);
    expect(issues[0]!.message).toBe(
      'psa.csv line 7, column 2: date "0000-01-01" is outside the years 1900-2199 that slnd-stats accepts',
    );
  });

  it('reports duplicate patient ids with both lines', () => {
    const issues = issuesOf({ patients: `${PATIENTS}\n007,2024-01-11,,,,,,2025-06-01,` });
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'patients.csv',
        line: 4,
        column: 1,
        patientId: '007',
        code: 'duplicate_id',
        message: 'patients.csv line 4, column 1: id "007" is also on line 2; ids must be unique',
      }),
    ]);
  });

  it('reports every problem at once, in file and line order', () => {
    const issues = issuesOf({
      patients: PATIENTS.replace('2025-11-20', '2025-13-01'),
      psa: `${PSA}\nP02,2024-06-20,"1,2"\nX,2024-06-20,1\n007,2024-07-01,-1`,
      complications: `${COMPLICATIONS}\n007,2024-01-15,IIIc,`,
      testosterone: 'patient_id,date,value,note\nP02,2024-12-01,22,\n',
    });
    expect(issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual([
      'patients.csv:3:invalid_date',
      'psa.csv:7:invalid_number',
      'psa.csv:8:unknown_patient',
      'psa.csv:9:out_of_range',
      'complications.csv:5:invalid_grade',
      'testosterone.csv:1:unknown_column',
    ]);
  });
});

describe('validateCohortCsv: validateCohort issues placed on the CSV cell', () => {
  it('names the psa.csv line and column of a PSA after the last follow-up', () => {
    const issues = issuesOf({ psa: `${PSA}\n007,2025-07-01,0.5` });
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'psa.csv',
        line: 7,
        column: 2,
        patientId: '007',
        path: 'psa[3].date',
        code: 'after_last_follow_up',
      }),
    ]);
    expect(issues[0]!.message).toMatch(
      /^psa\.csv line 7, column 2: patient 007: psa\[3\]\.date 2025-07-01 is after lastFollowUpDate 2025-06-01/,
    );
  });

  it('names the patients.csv cell of a date-order error', () => {
    const issues = issuesOf({ patients: PATIENTS.replace('2019-05-02', '2024-02-01') });
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'patients.csv',
        line: 2,
        column: 3,
        path: 'prostatectomyDate',
        code: 'date_order',
      }),
    ]);
  });

  it('names the complications.csv and testosterone.csv lines', () => {
    const issues = issuesOf({
      complications: COMPLICATIONS.replace('007,2024-01-14', '007,2024-01-09'),
      testosterone: `${TESTOSTERONE}P02,2025-12-01,20\n`,
    });
    expect(issues.map((i) => [i.file, i.line, i.column, i.path, i.code])).toEqual([
      ['complications.csv', 2, 2, 'complications[0].date', 'before_surgery'],
      ['testosterone.csv', 3, 2, 'testosterone[1].date', 'after_last_follow_up'],
    ]);
  });

  it('places same-day conflicts and merged duplicates (warnings) on their lines', () => {
    const conflict = issuesOf({ psa: `${PSA}\n007,2024-01-08,2.5` });
    expect(conflict[0]).toMatchObject({ line: 7, code: 'conflicting_duplicate' });
    const merged = validateCohortCsv({ ...FILES, psa: `${PSA}\n007,2024-01-08,2.4` });
    expect(merged.ok).toBe(true);
    expect(merged.warnings).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 7, code: 'duplicate_merged' }),
    ]);
  });

  it('reports date-order problems of clean patients along with CSV problems of others', () => {
    const issues = issuesOf({ psa: `${PSA}\n007,2025-07-01,0.5\nP02,2024-06-20,abc` });
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [7, 'after_last_follow_up'],
      [8, 'invalid_number'],
    ]);
  });

  it('skips the date-order checks when a file cannot be read', () => {
    const issues = issuesOf({
      patients: PATIENTS.replace('2019-05-02', '2024-02-01'),
      psa: 'patient_id;date;value\n',
    });
    expect(issues.map((i) => i.code)).toEqual(['wrong_separator']);
  });
});

describe('parseCohortCsv', () => {
  it('returns the patients of a valid export', () => {
    expect(parseCohortCsv(FILES).patients).toHaveLength(2);
  });

  it('throws a CohortInputError with every issue', () => {
    const files = { ...FILES, psa: `${PSA}\nX,2024-06-20,1\n007,2024-07-01,-1` };
    let error: unknown;
    try {
      parseCohortCsv(files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CohortInputError);
    expect(error).toBeInstanceOf(SlndStatsError);
    const inputError = error as CohortInputError;
    expect(inputError.code).toBe('COHORT_INPUT_INVALID');
    expect(inputError.issues.map((i) => i.code)).toEqual(['unknown_patient', 'out_of_range']);
    expect(inputError.message).toMatch(/2 problems:\n {2}- psa\.csv line 7, column 1/);
  });
});

describe('validateCohortCsv: argument checks', () => {
  it('throws TypeError for files that are not strings', () => {
    expect(() => validateCohortCsv(null as never)).toThrow(TypeError);
    expect(() => validateCohortCsv({ ...FILES, psa: undefined } as never)).toThrow(/files\.psa/);
    expect(() => validateCohortCsv({ ...FILES, testosterone: 3 } as never)).toThrow(
      /files\.testosterone/,
    );
  });

  it('throws RangeError for an unknown unknownColumns or csvDialect option, naming it', () => {
    expect(() => validateCohortCsv(FILES, { unknownColumns: 'warn' as never })).toThrow(
      /options\.unknownColumns/,
    );
    expect(() => validateCohortCsv(FILES, { csvDialect: 'excel' as never })).toThrow(
      /options\.csvDialect/,
    );
    expect(() => validateCohortCsv(FILES, { csvDialect: 'excel' as never })).toThrow(RangeError);
  });

  it('gives the same result for the same input', () => {
    expect(validateCohortCsv(FILES)).toEqual(validateCohortCsv(FILES));
  });
});

describe('validateCohortCsv: the patients no issue names', () => {
  it('are offered for --exclude-invalid, never those with a problem', () => {
    const result = validateCohortCsv({ ...FILES, psa: `${PSA}\nP02,2024-07-01,-1` });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.validPatients.map((p) => p.id)).toEqual(['007']);
  });

  it('are none when a problem cannot be tied to a patient', () => {
    const result = validateCohortCsv({ ...FILES, psa: `${PSA}\n,2024-07-01,1` });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.validPatients).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type CohortCsvFiles,
  type CohortInputIssue,
  parseCohortCsv,
  validateCohortCsv,
} from '../../src/input/index.js';

// The baseline columns of patients.csv and the new columns of complications.csv (issue 14):
// what each reads to, and for each a bad cell: its named code, and its file, line and column in
// the message.

const BASE = 'id,surgery_date,last_follow_up_date';
const ROW = 'P1,2024-01-10,2025-06-01';
const FILES: CohortCsvFiles = {
  patients: `${BASE}\n${ROW}\n`,
  psa: 'patient_id,date,value\n',
  complications: 'patient_id,date,grade\n',
};

/** patients.csv with extra columns after the three required ones (from column 4). */
const patients = (columns: string, ...cells: string[]) => ({
  patients: `${BASE},${columns}\n${cells.map((c) => `${ROW},${c}`).join('\n')}\n`,
});

function issuesOf(files: Partial<CohortCsvFiles>): CohortInputIssue[] {
  const result = validateCohortCsv({ ...FILES, ...files });
  return result.ok ? [] : result.issues;
}

describe('validateCohortCsv: the baseline columns of patients.csv', () => {
  it('reads every one into the patient, nested imaging included', () => {
    const { patients: read } = parseCohortCsv({
      ...FILES,
      ...patients(
        'age_at_surgery,isup_grade_group,pathological_stage,pathological_nodes,surgical_margin,' +
          'biochemical_recurrence_date,prior_salvage_radiotherapy,prior_adt,imaging_date,' +
          'imaging_modality,imaging_positive_nodes,imaging_regions,nodes_removed,nodes_positive',
        '71.5,4,pT3b,pN1,R0,2022-04-01,Yes,FALSE,2023-12-20,PSMA-PET/MRI,3,retroperitoneal|pelvic,24,3',
      ),
    });
    expect(read[0]).toEqual({
      id: 'P1',
      surgeryDate: '2024-01-10',
      lastFollowUpDate: '2025-06-01',
      psa: [],
      complications: [],
      ageAtSurgery: 71.5,
      isupGradeGroup: 4,
      pathologicalStage: 'pT3b',
      pathologicalNodes: 'pN1',
      surgicalMargin: 'R0',
      biochemicalRecurrenceDate: '2022-04-01',
      priorSalvageRadiotherapy: true,
      priorAdt: false,
      imaging: {
        date: '2023-12-20',
        modality: 'PSMA-PET/MRI',
        positiveNodes: 3,
        regions: ['retroperitoneal', 'pelvic'],
      },
      nodesRemoved: 24,
      nodesPositive: 3,
    });
  });

  it('leaves an empty cell absent, never a default (no "no", no 0)', () => {
    const { patients: read } = parseCohortCsv({
      ...FILES,
      ...patients('prior_adt,nodes_removed,imaging_regions,pathological_stage', ',,,'),
    });
    expect(read[0]).toEqual({
      id: 'P1',
      surgeryDate: '2024-01-10',
      lastFollowUpDate: '2025-06-01',
      psa: [],
      complications: [],
    });
  });

  it.each([
    ['yes', true],
    ['YES', true],
    ['true', true],
    ['True', true],
    ['1', true],
    ['no', false],
    ['No', false],
    ['false', false],
    ['FALSE', false],
    ['0', false],
  ])('reads the yes/no %s as %s', (cell, value) => {
    const { patients: read } = parseCohortCsv({ ...FILES, ...patients('prior_adt', cell) });
    expect(read[0]!.priorAdt).toBe(value);
  });

  it('reads a choice in any case, with a space or _ for a -', () => {
    const { patients: read } = parseCohortCsv({
      ...FILES,
      ...patients('pathological_stage,imaging_modality', 'PT3A,psma pet/ct'),
    });
    expect(read[0]!.pathologicalStage).toBe('pT3a');
    expect(read[0]!.imaging).toEqual({ modality: 'PSMA-PET/CT' });
  });
});

/** A bad cell: its column, its text, the expected code and words of the message. */
type BadCell = readonly [
  columns: string,
  cells: string,
  code: string,
  column: number,
  says: string,
];

const BAD_PATIENT_CELLS: readonly BadCell[] = [
  ['age_at_surgery', 'sixty', 'invalid_number', 4, 'age_at_surgery "sixty" is not a number'],
  ['age_at_surgery', '-3', 'out_of_range', 4, 'age_at_surgery "-3" is negative'],
  [
    'age_at_surgery',
    '130',
    'out_of_range',
    4,
    'patient P1: age_at_surgery: must be <= 110. Value: 130',
  ],
  ['isup_grade_group', '3.5', 'invalid_number', 4, 'isup_grade_group "3.5" is not a whole number'],
  ['isup_grade_group', 'GG3', 'invalid_number', 4, 'isup_grade_group "GG3" is not a number'],
  [
    'isup_grade_group',
    '6',
    'out_of_range',
    4,
    'patient P1: isup_grade_group: must be <= 5. Value: 6',
  ],
  ['pathological_stage', 'pT5', 'invalid_value', 4, '"pT5" is not one of pT2, pT3a, pT3b, pT4'],
  ['pathological_nodes', 'N1', 'invalid_value', 4, '"N1" is not one of pN0, pN1, pNx'],
  ['surgical_margin', 'R2', 'invalid_value', 4, '"R2" is not one of R0, R1'],
  [
    'biochemical_recurrence_date',
    '2023-13-01',
    'invalid_date',
    4,
    '"2023-13-01" is not an existing calendar date',
  ],
  [
    'biochemical_recurrence_date',
    '2024-02-01',
    'date_order',
    4,
    'biochemicalRecurrenceDate 2024-02-01 is after surgeryDate 2024-01-10',
  ],
  ['prior_salvage_radiotherapy', 'maybe', 'invalid_boolean', 4, '"maybe" is not a yes or no'],
  ['prior_salvage_radiotherapy', 'y', 'invalid_boolean', 4, 'accepted: yes/no, true/false, 1/0'],
  ['prior_adt', 'ja', 'invalid_boolean', 4, 'prior_adt "ja" is not a yes or no'],
  ['imaging_date', '2023-02-30', 'invalid_date', 4, 'imaging_date "2023-02-30" is not'],
  [
    'imaging_date,imaging_modality',
    '2024-03-01,PSMA-PET/CT',
    'date_order',
    4,
    'imaging.date 2024-03-01 is after surgeryDate 2024-01-10',
  ],
  ['imaging_modality', 'MRI', 'invalid_value', 4, 'imaging_modality "MRI" is not one of'],
  [
    'imaging_modality,imaging_positive_nodes',
    'other,2.5',
    'invalid_number',
    5,
    'imaging_positive_nodes "2.5" is not a whole number',
  ],
  [
    'imaging_modality,imaging_regions',
    'other,pelvic|lung',
    'invalid_value',
    5,
    '"lung" is not one of them',
  ],
  [
    'imaging_modality,imaging_regions',
    'other,pelvic||other',
    'invalid_value',
    5,
    'an empty value between two "|"',
  ],
  [
    'imaging_modality,imaging_regions',
    'other,pelvic|Pelvic',
    'invalid_value',
    5,
    'pelvic is named twice',
  ],
  [
    'imaging_date,imaging_regions',
    '2023-12-01,pelvic',
    'empty_cell',
    4,
    'imaging_modality is empty; it is required when imaging_date, imaging_regions are given',
  ],
  ['nodes_removed', 'many', 'invalid_number', 4, 'nodes_removed "many" is not a number'],
  ['nodes_removed', '-1', 'out_of_range', 4, 'nodes_removed "-1" is negative'],
  [
    'nodes_removed,nodes_positive',
    '3,5',
    'nodes_order',
    5,
    'nodesPositive 5 is more than nodesRemoved 3',
  ],
];

describe('validateCohortCsv: a bad cell in a baseline column', () => {
  it.each(BAD_PATIENT_CELLS)(
    '%s = %s: %s at its line and column',
    (columns, cells, code, column, says) => {
      const issues = issuesOf(patients(columns, cells));
      expect(issues.map((i) => i.code)).toEqual([code]);
      expect(issues[0]).toMatchObject({ file: 'patients.csv', line: 2, column, patientId: 'P1' });
      expect(issues[0]!.message.startsWith(`patients.csv line 2, column ${column}: `)).toBe(true);
      expect(issues[0]!.message).toContain(says);
    },
  );

  it('covers every baseline column of the layout', () => {
    const covered = new Set(BAD_PATIENT_CELLS.flatMap(([columns]) => columns.split(',')));
    for (const column of [
      'age_at_surgery',
      'isup_grade_group',
      'pathological_stage',
      'pathological_nodes',
      'surgical_margin',
      'biochemical_recurrence_date',
      'prior_salvage_radiotherapy',
      'prior_adt',
      'imaging_date',
      'imaging_modality',
      'imaging_positive_nodes',
      'imaging_regions',
      'nodes_removed',
      'nodes_positive',
    ]) {
      expect(covered.has(column), column).toBe(true);
    }
  });

  it('reports every bad cell of a row, and none of its patient from validateCohort', () => {
    const issues = issuesOf(patients('prior_adt,isup_grade_group', 'maybe,9.5'));
    expect(issues.map((i) => [i.code, i.column])).toEqual([
      ['invalid_boolean', 4],
      ['invalid_number', 5],
    ]);
  });
});

describe('validateCohortCsv: category and intraoperative of complications.csv', () => {
  const complications = (rows: string) => ({
    complications: `patient_id,date,grade,category,intraoperative\n${rows}\n`,
  });

  it('reads them into the complication', () => {
    const { patients: read, warnings } = parseCohortCsv({
      ...FILES,
      ...complications(
        'P1,2024-01-10,IIIa,Vascular injury,yes\nP1,2024-01-20,1,urinary_retention,0',
      ),
    });
    expect(read[0]!.complications).toEqual([
      { date: '2024-01-10', grade: 'IIIa', category: 'vascular-injury', intraoperative: true },
      { date: '2024-01-20', grade: 'I', category: 'urinary-retention', intraoperative: false },
    ]);
    expect(warnings).toEqual([]);
  });

  it.each([
    [
      'P1,2024-01-12,II,hernia,no',
      'invalid_value',
      4,
      'category "hernia" is not one of lymphocele',
    ],
    ['P1,2024-01-12,II,wound,x', 'invalid_boolean', 5, 'intraoperative "x" is not a yes or no'],
  ] as const)('%s: %s', (row, code, column, says) => {
    const issues = issuesOf(complications(row));
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'complications.csv',
        line: 2,
        column,
        code,
        patientId: 'P1',
        path: `complications[0].${column === 4 ? 'category' : 'intraoperative'}`,
      }),
    ]);
    expect(issues[0]!.message).toMatch(
      new RegExp(`^complications\\.csv line 2, column ${column}: `),
    );
    expect(issues[0]!.message).toContain(says);
  });

  it('warns, placed on the date, when an intraoperative complication is not on the day of the sLND', () => {
    const result = validateCohortCsv({
      ...FILES,
      ...complications('P1,2024-01-12,II,bleeding,yes'),
    });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        file: 'complications.csv',
        line: 2,
        column: 2,
        code: 'intraoperative_date',
      }),
    ]);
  });
});

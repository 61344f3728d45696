import { describe, expect, it } from 'vitest';
import {
  type CohortCsvFiles,
  type ColumnMapping,
  columnMappingJsonSchema,
  parseCohortCsv,
  validateCohortCsv,
} from '../../src/input/index.js';

// A column mapping (options.columnMapping): an export's own column names and codes read onto
// the layout, and every problem in a mapping named by its key before any data is read.

const EXPORT: CohortCsvFiles = {
  patients:
    'Record_ID,date_slnd,date_last_fu,pt_stage,margin,prior_srt,reg___1,reg___2,form_complete,pet\n' +
    '1001,2024-01-10,2025-06-01,2,9,1,1,0,2,other\n' +
    '1002,2024-02-10,2025-06-01,4,0,0,0,0,2,other\n',
  psa: 'record_id,psa_date,psa_value\n1001,2024-01-02,1.4\n',
  complications: 'record_id,comp_date,clavien\n1001,2024-01-20,3\n',
};

const MAPPING: ColumnMapping = {
  files: {
    'patients.csv': {
      columns: {
        record_id: 'id',
        DATE_SLND: 'surgery_date',
        date_last_fu: 'last_follow_up_date',
        pt_stage: 'pathological_stage',
        margin: 'surgical_margin',
        prior_srt: 'prior_salvage_radiotherapy',
        pet: 'imaging_modality',
      },
      values: {
        pathological_stage: { '1': 'pT2', '2': 'pT3a', '3': 'pT3b', '4': 'pT4' },
        surgical_margin: { '0': 'R0', '1': 'R1', '9': null },
      },
      checkboxes: { imaging_regions: { reg___1: 'pelvic', reg___2: 'retroperitoneal' } },
      ignore: ['form_complete'],
    },
    'psa.csv': { columns: { record_id: 'patient_id', psa_date: 'date', psa_value: 'value' } },
    'complications.csv': {
      columns: { record_id: 'patient_id', comp_date: 'date', clavien: 'grade' },
      values: {
        grade: { '1': 'I', '2': 'II', '3': 'IIIa', '4': 'IIIb', '5': 'IVa', '6': 'IVb', '7': 'V' },
      },
    },
  },
};

describe('columnMapping: reading an export through it', () => {
  it('renames columns, maps codes (null: absent), gathers checkboxes, leaves out ignored ones', () => {
    const { patients, warnings } = parseCohortCsv(EXPORT, { columnMapping: MAPPING });
    expect(warnings).toEqual([]);
    expect(patients).toEqual([
      {
        id: '1001',
        surgeryDate: '2024-01-10',
        lastFollowUpDate: '2025-06-01',
        pathologicalStage: 'pT3a',
        priorSalvageRadiotherapy: true,
        imaging: { modality: 'other', regions: ['pelvic'] },
        psa: [{ date: '2024-01-02', value: 1.4 }],
        complications: [{ date: '2024-01-20', grade: 'IIIa' }],
      },
      {
        id: '1002',
        surgeryDate: '2024-02-10',
        lastFollowUpDate: '2025-06-01',
        pathologicalStage: 'pT4',
        surgicalMargin: 'R0',
        priorSalvageRadiotherapy: false,
        imaging: { modality: 'other' },
        psa: [],
        complications: [],
      },
    ]);
  });

  it('a code the mapping does not list is an error at its cell, naming the codes', () => {
    const files = {
      ...EXPORT,
      complications: 'record_id,comp_date,clavien\n1001,2024-01-20,IIIa\n',
    };
    const result = validateCohortCsv(files, { columnMapping: MAPPING });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        file: 'complications.csv',
        line: 2,
        column: 3,
        code: 'unmapped_value',
        path: 'complications[0].grade',
      }),
    ]);
    expect(result.issues[0]!.message).toMatch(
      /^complications\.csv line 2, column 3: grade "IIIa" is not a code the column mapping lists for it \(its codes: "1", "2"/,
    );
  });

  it('a checkbox cell that is neither checked nor unchecked is an error at its own column', () => {
    const files = {
      ...EXPORT,
      patients: EXPORT.patients.replace(
        '1001,2024-01-10,2025-06-01,2,9,1,1,0',
        '1001,2024-01-10,2025-06-01,2,9,1,1,maybe',
      ),
    };
    const result = validateCohortCsv(files, { columnMapping: MAPPING });
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({
        file: 'patients.csv',
        line: 2,
        column: 8,
        code: 'invalid_boolean',
      }),
    ]);
  });

  it('an export column the mapping does not name is an unknown column, as the option says', () => {
    const files = { ...EXPORT, psa: 'record_id,psa_date,psa_value,lab\n1001,2024-01-02,1.4,A\n' };
    const strict = validateCohortCsv(files, { columnMapping: MAPPING });
    expect(strict.ok ? [] : strict.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'unknown_column',
        expect.stringMatching(
          /^psa\.csv line 1, column 4: unknown column "lab" \(the column mapping does not name it\)/,
        ),
      ],
    ]);
    const lenient = validateCohortCsv(files, { columnMapping: MAPPING, unknownColumns: 'ignore' });
    expect(lenient).toMatchObject({ ok: true, warnings: [] });
  });

  it('a required column the mapping reads from a column that is not there names both', () => {
    const files = { ...EXPORT, psa: 'record_id,date_of_psa,psa_value\n' };
    const result = validateCohortCsv(files, { columnMapping: MAPPING, unknownColumns: 'warning' });
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(
        /^psa\.csv line 1: required column "date" is missing \(the column mapping reads it from "psa_date"\)/,
      ),
    ]);
  });
});

describe('columnMapping: a mapping with a problem', () => {
  const problems = (mapping: unknown) => {
    const result = validateCohortCsv(EXPORT, { columnMapping: mapping as ColumnMapping });
    expect(result.ok).toBe(false);
    return result.ok
      ? []
      : result.issues.map((i) => ({
          code: i.code,
          path: i.path,
          message: i.message,
          file: i.file,
        }));
  };

  it.each([
    [{}, 'mapping_invalid', 'files', 'options.columnMapping: files: is required (an object)'],
    [[], 'mapping_invalid', '', 'must be an object'],
    [
      { files: {}, version: 2 },
      'mapping_invalid',
      'version',
      'options.columnMapping: version: unknown key',
    ],
    [
      { files: { 'patient.csv': {} } },
      'mapping_unknown_file',
      'files["patient.csv"]',
      '"patient.csv" is not a file of the layout',
    ],
    [
      { files: { 'patients.csv': { colums: {} } } },
      'mapping_invalid',
      'files["patients.csv"].colums',
      'unknown key; the keys here are columns, values, checkboxes, ignore',
    ],
    [
      { files: { 'patients.csv': { columns: { gender: 'sex' } } } },
      'mapping_unknown_column',
      'files["patients.csv"].columns.gender',
      '"sex" is not a column of patients.csv',
    ],
    [
      { files: { 'patients.csv': { columns: { a: 'id', b: 'id' } } } },
      'mapping_conflict',
      'files["patients.csv"].columns.b',
      '"b" and "a" are both mapped to id',
    ],
    [
      { files: { 'patients.csv': { columns: { a: 'id' }, ignore: ['A'] } } },
      'mapping_conflict',
      'files["patients.csv"].ignore[0]',
      'export column "A" is ignored, and also mapped to id',
    ],
    [
      { files: { 'patients.csv': { values: { pathological_stage: { '3': 'pT5' } } } } },
      'mapping_invalid_value',
      'files["patients.csv"].values.pathological_stage["3"]',
      '"pT5" is not a value of pathological_stage',
    ],
    [
      { files: { 'patients.csv': { values: { prior_adt: { J: 'ja' } } } } },
      'mapping_invalid_value',
      'files["patients.csv"].values.prior_adt.J',
      '"ja" is not a value of prior_adt',
    ],
    [
      { files: { 'patients.csv': { values: { surgical_margin: { r: 'R0', ' R ': 'R1' } } } } },
      'mapping_conflict',
      'files["patients.csv"].values.surgical_margin[" R "]',
      'are one code',
    ],
    [
      { files: { 'patients.csv': { values: { surgical_margin: { '1': ['R1'] } } } } },
      'mapping_invalid',
      'files["patients.csv"].values.surgical_margin["1"]',
      'must be a string, a number, true, false or null',
    ],
    [
      { files: { 'patients.csv': { checkboxes: { prior_adt: { adt___1: 'yes' } } } } },
      'mapping_invalid',
      'files["patients.csv"].checkboxes.prior_adt',
      'checkboxes make a list column; prior_adt is not one',
    ],
    [
      { files: { 'patients.csv': { checkboxes: { imaging_regions: { r___1: 'lung' } } } } },
      'mapping_invalid_value',
      'files["patients.csv"].checkboxes.imaging_regions.r___1',
      '"lung" is not one value of imaging_regions',
    ],
  ])('%j: %s at %s', (mapping, code, path, says) => {
    const found = problems(mapping);
    expect(found.map((p) => [p.code, p.path])).toContainEqual([code, path]);
    const one = found.find((p) => p.code === code && p.path === path)!;
    expect(one.message).toContain(says);
    expect(one.message.startsWith(`options.columnMapping: ${path === '' ? '' : `${path}: `}`)).toBe(
      true,
    );
    // Not a file's problem: the issue names the option in its message, no file.
    expect(one.file).toBeNull();
  });

  it('reads no data when the mapping has a problem', () => {
    const result = validateCohortCsv(
      { ...EXPORT, psa: 'not,a,psa,file\n' },
      { columnMapping: { files: { 'psa.csv': { columns: { x: 'nope' } } } } },
    );
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['mapping_unknown_column']);
  });
});

describe('columnMappingJsonSchema', () => {
  it('describes the mapping as the reader checks it: files of the layout, four keys each', () => {
    const schema = columnMappingJsonSchema() as {
      required: string[];
      properties: { files: { properties: Record<string, unknown>; additionalProperties: boolean } };
      $defs: { FileColumnMapping: { properties: Record<string, unknown> } };
    };
    expect(schema.required).toEqual(['files']);
    expect(Object.keys(schema.properties.files.properties)).toEqual([
      'patients.csv',
      'psa.csv',
      'complications.csv',
      'testosterone.csv',
      'not-operated.csv',
      'screening.csv',
    ]);
    expect(schema.properties.files.additionalProperties).toBe(false);
    expect(Object.keys(schema.$defs.FileColumnMapping.properties)).toEqual([
      'columns',
      'values',
      'checkboxes',
      'ignore',
    ]);
  });
});

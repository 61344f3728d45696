import { describe, expect, it } from 'vitest';
import { CohortValidationError } from '../../src/errors.js';
import { parseCohort, validateCohort } from '../../src/model/validate-cohort.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { makePatient } from '../_helpers/patient.js';

const issuesOf = (input: unknown) => {
  const result = validateCohort(input);
  if (result.ok) throw new Error('expected the cohort to be invalid');
  return result.issues;
};

describe('validateCohort', () => {
  it('accepts a valid cohort, as a file object or an array, and sorts series by date', () => {
    const input = deepFreeze({
      patients: [
        makePatient({
          psa: [
            { date: '2024-03-01', value: 0.3 },
            { date: '2023-12-01', value: 2.1 },
          ],
          complications: [
            { date: '2024-02-01', grade: 'II' },
            { date: '2024-01-12', grade: 'I', persistsAtDischarge: true },
          ],
          testosterone: [
            { date: '2024-05-01', value: 30 },
            { date: '2024-04-01', value: 300 },
          ],
        }),
      ],
    });
    const result = validateCohort(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [p] = result.patients;
    expect(p!.psa.map((m) => m.date)).toEqual(['2023-12-01', '2024-03-01']);
    expect(p!.complications.map((c) => c.grade)).toEqual(['I', 'II']);
    expect(p!.testosterone!.map((t) => t.value)).toEqual([300, 30]);
    expect(p).not.toBe(input.patients[0]);
    expect(validateCohort([makePatient()]).ok).toBe(true);
  });

  it('rejects impossible calendar dates, naming the patient and the path', () => {
    const issues = issuesOf([makePatient({ id: 'P07', surgeryDate: '2023-02-30' })]);
    expect(issues).toEqual([
      expect.objectContaining({ patientId: 'P07', path: 'surgeryDate', code: 'invalid_date' }),
    ]);
    expect(issues[0]!.message).toMatch(/"2023-02-30"/);
  });

  // issue 11 item 10: year 0 and 5-digit years broke date arithmetic and ordering.
  it('reports a date outside the years 1900-2199 as year_out_of_range, an impossible one as invalid_date', () => {
    const issues = issuesOf([
      makePatient({ id: 'P08', surgeryDate: '1850-03-01', lastFollowUpDate: '2200-01-01' }),
      makePatient({ id: 'P09', deathDate: '0000-01-01', prostatectomyDate: '1800-02-30' }),
    ]);
    expect(issues.map((i) => [i.patientId, i.path, i.code])).toEqual([
      ['P08', 'surgeryDate', 'year_out_of_range'],
      ['P08', 'lastFollowUpDate', 'year_out_of_range'],
      ['P09', 'prostatectomyDate', 'invalid_date'],
      ['P09', 'deathDate', 'year_out_of_range'],
    ]);
    expect(issues[0]!.message).toBe(
      '"1850-03-01" is outside the years 1900-2199 that slnd-stats accepts',
    );
    expect(validateCohort([makePatient({ surgeryDate: '1900-01-01' })]).ok).toBe(true);
  });

  it('reports every problem at once, not the first only', () => {
    const issues = issuesOf([
      makePatient({
        id: 'A',
        psa: [
          { date: '2024-02-01', value: 1 },
          { date: '2024-03-01', value: -0.5 },
          { date: '2024-04-01', value: Number.NaN },
        ],
        complications: [{ date: '2024-02-01', grade: 'IIIc' as never }],
      }),
      makePatient({ id: 'B', lastFollowUpDate: undefined as never }),
    ]);
    expect(issues.map((i) => [i.patientId, i.path, i.code])).toEqual([
      ['A', 'psa[1].value', 'out_of_range'],
      ['A', 'psa[2].value', 'not_finite'],
      ['A', 'complications[0].grade', 'invalid_grade'],
      ['B', 'lastFollowUpDate', 'missing_field'],
    ]);
    expect(issues[2]!.message).toMatch(/"IIIc".*I, II, IIIa, III, IIIb, IVa, IV, IVb, V/);
  });

  it('rejects duplicate ids and unknown fields', () => {
    const issues = issuesOf([
      makePatient({ id: 'A' }),
      { ...makePatient({ id: 'A' }), surgerydate: '2024-01-01' },
    ]);
    expect(issues.map((i) => i.code).sort()).toEqual(['duplicate_id', 'unknown_field']);
    expect(issues.find((i) => i.code === 'unknown_field')!.path).toBe('surgerydate');
  });

  it('names a patient without a readable id by its index', () => {
    const issues = issuesOf([makePatient(), { ...makePatient(), id: 7 }]);
    expect(issues[0]).toMatchObject({
      patientId: null,
      path: 'patients[1].id',
      code: 'invalid_type',
    });
  });

  it('enforces prostatectomy < surgery <= last follow-up', () => {
    const issues = issuesOf([
      makePatient({ prostatectomyDate: '2024-01-10', surgeryDate: '2024-01-10' }),
      makePatient({ id: 'B', surgeryDate: '2024-01-10', lastFollowUpDate: '2024-01-09' }),
    ]);
    expect(issues.map((i) => [i.patientId, i.path, i.code])).toEqual([
      ['P01', 'prostatectomyDate', 'date_order'],
      ['B', 'lastFollowUpDate', 'date_order'],
    ]);
    expect(validateCohort([makePatient({ lastFollowUpDate: '2024-01-10' })]).ok).toBe(true);
  });

  it('keeps events and complications between surgery and last follow-up', () => {
    const issues = issuesOf([
      makePatient({
        surgeryDate: '2024-01-10',
        lastFollowUpDate: '2025-01-10',
        distantMetastasisDate: '2024-01-09',
        castrationResistanceDate: '2025-01-11',
        complications: [
          { date: '2024-01-10', grade: 'I' },
          { date: '2024-01-01', grade: 'II' },
        ],
        psa: [{ date: '2025-02-01', value: 1 }],
      }),
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['castrationResistanceDate', 'after_last_follow_up'],
      ['distantMetastasisDate', 'before_surgery'],
      ['complications[1].date', 'before_surgery'],
      ['psa[0].date', 'after_last_follow_up'],
    ]);
  });

  it('allows death on the last follow-up date but nothing after death', () => {
    expect(
      validateCohort([makePatient({ deathDate: '2025-12-31', lastFollowUpDate: '2025-12-31' })]).ok,
    ).toBe(true);
    const issues = issuesOf([
      makePatient({
        deathDate: '2025-06-01',
        lastFollowUpDate: '2025-12-31',
        distantMetastasisDate: '2025-07-01',
      }),
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['lastFollowUpDate', 'after_death'],
      ['distantMetastasisDate', 'after_death'],
    ]);
  });

  it('merges identical same-day PSA with a warning and rejects conflicting ones', () => {
    const same = validateCohort([
      makePatient({
        psa: [
          { date: '2024-02-01', value: 1 },
          { date: '2024-02-01', value: 1 },
        ],
      }),
    ]);
    expect(same.ok).toBe(true);
    if (same.ok) expect(same.patients[0]!.psa).toHaveLength(1);
    expect(same.warnings).toEqual([
      expect.objectContaining({ patientId: 'P01', path: 'psa[1]', code: 'duplicate_merged' }),
    ]);
    const issues = issuesOf([
      makePatient({
        psa: [
          { date: '2024-02-01', value: 1 },
          { date: '2024-03-01', value: 2 },
          { date: '2024-02-01', value: 1.5 },
        ],
      }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ path: 'psa[2]', code: 'conflicting_duplicate' }),
    ]);
    expect(issues[0]!.message).toMatch(/psa\[0\] and psa\[2\]/);
  });

  it('checks the cause of death and warns about a death inside the 90-day window without one', () => {
    const base = makePatient({ surgeryDate: '2024-01-10' });
    const dead = (day: string, extra: object = {}) => ({
      ...base,
      deathDate: day,
      lastFollowUpDate: day,
      ...extra,
    });
    const ok = validateCohort([
      dead('2024-01-27'),
      { ...dead('2024-02-01', { deathCause: 'other' }), id: 'P02' },
      { ...dead('2024-04-10'), id: 'P03' }, // day 91: outside the window
    ]);
    expect(ok.ok).toBe(true);
    expect(ok.warnings.map((w) => [w.patientId, w.path, w.code])).toEqual([
      [base.id, 'deathCause', 'death_cause_missing'],
    ]);
    expect(ok.warnings[0]!.message).toMatch(/died on day 17 .* counted as a grade V complication/);
    expect(issuesOf([{ ...base, deathCause: 'other' }])).toMatchObject([
      { path: 'deathCause', code: 'death_cause_without_death' },
    ]);
    expect(issuesOf([dead('2024-01-27', { deathCause: 'heart' })])).toMatchObject([
      { path: 'deathCause', code: 'invalid_value' },
    ]);
  });

  it('warns about a testosterone below 1 ng/dL (probably ng/mL)', () => {
    const result = validateCohort([
      makePatient({
        testosterone: [
          { date: '2024-04-01', value: 350 },
          { date: '2024-05-01', value: 0.2 },
        ],
      }),
    ]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toMatchObject([
      { path: 'testosterone[1].value', code: 'testosterone_unit_suspect' },
    ]);
    expect(result.warnings[0]!.message).toMatch(/0\.2 ng\/dL on 2024-05-01 .* ng\/mL/);
  });

  it('applies the CSV rules to JSON: no blank id, no undetectable result with a limit of 0', () => {
    expect(issuesOf([makePatient({ id: ' \t ' })])).toMatchObject([{ path: 'id', code: 'empty' }]);
    expect(
      issuesOf([makePatient({ psa: [{ date: '2024-02-21', value: 0, undetectable: true }] })]),
    ).toMatchObject([{ path: 'psa[0].value', code: 'out_of_range' }]);
    expect(validateCohort([makePatient({ psa: [{ date: '2024-02-21', value: 0 }] })]).ok).toBe(
      true,
    );
  });

  it('warns about ids that differ only by invisible characters or Unicode normalisation', () => {
    const result = validateCohort([
      makePatient({ id: 'P07' }),
      makePatient({ id: 'P07\u200b' }),
      makePatient({ id: '\uff3007' }),
      makePatient({ id: 'Cafe\u0301' }),
      makePatient({ id: 'Caf\u00e9' }),
      makePatient({ id: 'p07' }),
    ]);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.message.match(/^ids (.*?) differ/)?.[1]])).toEqual(
      [
        ['lookalike_ids', '"P07", "P07\\u200b", "\uff3007"'],
        ['lookalike_ids', '"Cafe\u0301", "Caf\u00e9"'],
      ],
    );
  });

  it('reports a hole in a sparse array of patients instead of skipping it', () => {
    const sparse: unknown[] = [makePatient()];
    sparse.length = 2;
    expect(issuesOf(sparse)).toMatchObject([{ path: 'patients[1]', code: 'missing_field' }]);
  });

  it('offers the patients no issue names, for a caller that excludes the rest', () => {
    const result = validateCohort([
      makePatient({ id: 'A', surgeryDate: '2024-02-30' }),
      makePatient({ id: 'B' }),
      makePatient({ id: 'C' }),
      makePatient({ id: 'C' }),
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.validPatients.map((p) => p.id)).toEqual(['B']);
  });

  it('rejects what is not a cohort', () => {
    expect(issuesOf(42)[0]!.code).toBe('invalid_type');
    expect(issuesOf({ patients: 'x' })[0]!.path).toBe('patients');
    expect(issuesOf({ patients: [], extra: 1 })[0]!.code).toBe('unknown_field');
  });
});

describe('parseCohort', () => {
  it('returns the patients or throws CohortValidationError with every issue', () => {
    expect(parseCohort([makePatient()]).patients).toHaveLength(1);
    try {
      parseCohort([makePatient({ id: 'Z', psa: [{ date: '2024-02-30', value: -1 }] })]);
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(CohortValidationError);
      const e = error as CohortValidationError;
      expect(e.code).toBe('COHORT_INVALID');
      expect(e.issues).toHaveLength(2);
      expect(e.message).toMatch(/patient Z, psa\[0\]\.date/);
    }
  });
});

describe('validateCohort: baseline fields and the patient flow (issue 14)', () => {
  const base = {
    id: 'P1',
    surgeryDate: '2024-01-10',
    prostatectomyDate: '2018-05-02',
    psa: [],
    complications: [],
    lastFollowUpDate: '2025-01-10',
  };
  const issuesOf = (patient: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const r = validateCohort({ patients: [{ ...base, ...patient }], ...extra });
    return r.ok ? [] : r.issues.map((i) => [i.path, i.code]);
  };

  it('accepts every baseline field and returns it as given', () => {
    const full = {
      ageAtSurgery: 66.5,
      isupGradeGroup: 4,
      pathologicalStage: 'pT3b',
      pathologicalNodes: 'pN1',
      surgicalMargin: 'R1',
      biochemicalRecurrenceDate: '2020-03-01',
      priorSalvageRadiotherapy: true,
      priorAdt: false,
      imaging: {
        date: '2023-12-01',
        modality: 'PSMA-PET/CT',
        positiveNodes: 3,
        regions: ['pelvic'],
      },
      nodesRemoved: 25,
      nodesPositive: 3,
      complications: [
        { date: '2024-01-10', grade: 'IIIb', category: 'vascular-injury', intraoperative: true },
      ],
    };
    const r = validateCohort({ patients: [{ ...base, ...full }] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.patients[0]).toMatchObject(full);
      expect(r.warnings).toEqual([]);
    }
  });

  it('names every bad baseline field with its code', () => {
    expect(issuesOf({ isupGradeGroup: 6 })).toEqual([['isupGradeGroup', 'out_of_range']]);
    expect(issuesOf({ isupGradeGroup: 2.5 })).toEqual([['isupGradeGroup', 'invalid_type']]);
    expect(issuesOf({ ageAtSurgery: 12 })).toEqual([['ageAtSurgery', 'out_of_range']]);
    expect(issuesOf({ pathologicalStage: 'T3' })).toEqual([['pathologicalStage', 'invalid_value']]);
    expect(issuesOf({ pathologicalNodes: 'N1' })).toEqual([['pathologicalNodes', 'invalid_value']]);
    expect(issuesOf({ surgicalMargin: 'R2' })).toEqual([['surgicalMargin', 'invalid_value']]);
    expect(issuesOf({ priorAdt: 'yes' })).toEqual([['priorAdt', 'invalid_type']]);
    expect(issuesOf({ imaging: { modality: 'MRI' } })).toEqual([
      ['imaging.modality', 'invalid_value'],
    ]);
    expect(issuesOf({ imaging: { modality: 'other', regions: ['chest'] } })).toEqual([
      ['imaging.regions[0]', 'invalid_value'],
    ]);
    expect(issuesOf({ nodesRemoved: -1 })).toEqual([['nodesRemoved', 'out_of_range']]);
    expect(issuesOf({ nodesRemoved: 3, nodesPositive: 4 })).toEqual([
      ['nodesPositive', 'nodes_order'],
    ]);
    expect(issuesOf({ biochemicalRecurrenceDate: '2024-02-01' })).toEqual([
      ['biochemicalRecurrenceDate', 'date_order'],
    ]);
    expect(issuesOf({ biochemicalRecurrenceDate: '2017-01-01' })).toEqual([
      ['biochemicalRecurrenceDate', 'date_order'],
    ]);
    expect(issuesOf({ imaging: { modality: 'other', date: '2024-02-01' } })).toEqual([
      ['imaging.date', 'date_order'],
    ]);
    expect(
      issuesOf({ complications: [{ date: '2024-01-12', grade: 'I', category: 'seroma' }] }),
    ).toEqual([['complications[0].category', 'invalid_value']]);
  });

  it('warns about an intraoperative complication dated after the day of the sLND', () => {
    const r = validateCohort({
      patients: [
        { ...base, complications: [{ date: '2024-01-12', grade: 'II', intraoperative: true }] },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.path, w.code])).toEqual([
      ['complications[0].date', 'intraoperative_date'],
    ]);
  });

  it('reads notOperated and screening, checking ids and counts', () => {
    const ok = validateCohort({
      patients: [base],
      notOperated: [{ id: 'N1', reason: 'withdrew consent', enrollmentDate: '2024-01-02' }],
      screening: { assessed: 10, excluded: [{ reason: 'metastases', count: 8 }] },
    });
    expect(ok.ok).toBe(true);
    expect(ok.notOperated).toEqual([
      { id: 'N1', reason: 'withdrew consent', enrollmentDate: '2024-01-02' },
    ]);
    expect(ok.screening).toEqual({ assessed: 10, excluded: [{ reason: 'metastases', count: 8 }] });
    expect(validateCohort({ patients: [base] }).screening).toBeNull();
    expect(issuesOf({}, { notOperated: [{ id: 'P1', reason: 'x' }] })).toEqual([
      ['notOperated[0].id', 'duplicate_id'],
    ]);
    expect(issuesOf({}, { notOperated: [{ id: 'N1' }] })).toEqual([
      ['notOperated[0].reason', 'missing_field'],
    ]);
    // 1 operated + 8 excluded > 5 assessed.
    expect(
      issuesOf({}, { screening: { assessed: 5, excluded: [{ reason: 'metastases', count: 8 }] } }),
    ).toEqual([['screening.assessed', 'screening_count']]);
  });
});

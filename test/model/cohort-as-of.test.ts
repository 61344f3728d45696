import { describe, expect, it } from 'vitest';
import { cohortAsOf } from '../../src/model/cohort-as-of.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { makePatient } from '../_helpers/patient.js';

describe('cohortAsOf', () => {
  const patients = deepFreeze([
    makePatient({
      id: 'A',
      surgeryDate: '2024-01-10',
      psa: [
        { date: '2024-02-21', value: 0.1 },
        { date: '2024-09-01', value: 0.5 },
      ],
      complications: [
        { date: '2024-01-20', grade: 'II' },
        { date: '2024-04-01', grade: 'IIIa' },
      ],
      distantMetastasisDate: '2025-01-05',
      lastImagingDate: '2025-01-05',
      lastFollowUpDate: '2025-06-30',
    }),
    makePatient({ id: 'B', surgeryDate: '2024-08-01', lastFollowUpDate: '2025-06-30' }),
  ]);

  it('cuts every series and event at the date and sets aside later surgeries', () => {
    const cut = cohortAsOf(patients, '2024-06-30');
    expect(cut.notYetOperated).toEqual(['B']);
    const [a] = cut.patients;
    expect(a!.psa).toHaveLength(1);
    expect(a!.complications).toHaveLength(2);
    expect(a!.distantMetastasisDate).toBeUndefined();
    expect(a!.lastImagingDate).toBeUndefined();
    expect(a!.lastFollowUpDate).toBe('2024-06-30');
    expect(validateCohort(cut.patients).ok).toBe(true);
  });

  it('defaults to the latest last follow-up, so the same data give the same cut', () => {
    const cut = cohortAsOf(patients);
    expect(cut.asOf).toBe('2025-06-30');
    expect(cut.patients).toEqual(patients);
  });

  it('rejects a malformed date', () => {
    expect(() => cohortAsOf(patients, '2024-06-31')).toThrow(/asOf.*"2024-06-31"/);
  });
});

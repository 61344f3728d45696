import { describe, expect, it } from 'vitest';
import { psaAtLandmark } from '../../src/psa/psa-at-landmark.js';
import { expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { makePatient } from '../_helpers/patient.js';

describe('psaAtLandmark', () => {
  it('takes the value closest to day 42 with the baseline and percent change', () => {
    const patient = deepFreeze(
      makePatient({
        surgeryDate: '2024-01-10',
        psa: [
          { date: '2023-09-01', value: 1.0 },
          { date: '2024-01-05', value: 2.0 },
          { date: '2024-02-15', value: 0.7 },
          { date: '2024-02-20', value: 0.5 },
        ],
      }),
    );
    const result = psaAtLandmark(patient);
    expect(result.targetDate).toBe('2024-02-21');
    expect(result.measurement).toEqual({ date: '2024-02-20', value: 0.5 });
    expect(result.daysAfterSurgery).toBe(41);
    expect(result.baseline).toEqual({ date: '2024-01-05', value: 2.0 });
    expect(result.baselineDaysBeforeSurgery).toBe(5);
    expectClose(result.percentChange, -75);
    expect(result.percentChangeIsBound).toBe(false);
  });

  it('breaks a tie in distance toward the earlier value', () => {
    const patient = makePatient({
      surgeryDate: '2024-01-10',
      psa: [
        { date: '2024-02-23', value: 0.4 },
        { date: '2024-02-19', value: 0.3 },
      ],
    });
    expect(psaAtLandmark(patient).measurement?.date).toBe('2024-02-19');
  });

  it('keeps tolerance bounds inclusive and returns nulls outside them, never a guess', () => {
    const surgeryDate = '2024-01-10';
    const at56 = makePatient({ surgeryDate, psa: [{ date: '2024-03-06', value: 0.4 }] });
    expect(psaAtLandmark(at56).daysAfterSurgery).toBe(56);
    const at57 = makePatient({ surgeryDate, psa: [{ date: '2024-03-07', value: 0.4 }] });
    const result = psaAtLandmark(at57);
    expect(result).toMatchObject({
      measurement: null,
      daysAfterSurgery: null,
      percentChange: null,
    });
  });

  it('takes the baseline at most 90 days before surgery, on the surgery day included', () => {
    const old = makePatient({ surgeryDate: '2024-04-10', psa: [{ date: '2024-01-10', value: 2 }] });
    expect(psaAtLandmark(old).baseline).toBeNull();
    const sameDay = makePatient({
      surgeryDate: '2024-04-10',
      psa: [{ date: '2024-04-10', value: 2 }],
    });
    expect(psaAtLandmark(sameDay).baselineDaysBeforeSurgery).toBe(0);
  });

  it('marks the change to an undetectable landmark as a bound', () => {
    const patient = makePatient({
      surgeryDate: '2024-01-10',
      psa: [
        { date: '2024-01-01', value: 1 },
        { date: '2024-02-21', value: 0.03, undetectable: true },
      ],
    });
    const result = psaAtLandmark(patient);
    expectClose(result.percentChange, -97);
    expect(result.percentChangeIsBound).toBe(true);
  });

  it('gives exactly -100 for a fall to 0, never less (100 (0 - b) / b rounds below -100)', () => {
    // The cohort (baseline 0.69) and every baseline 0.01 to 20.00 ng/mL.
    for (let cents = 1; cents <= 2000; cents++) {
      const baseline = cents / 100;
      const result = psaAtLandmark(
        makePatient({
          surgeryDate: '2024-01-10',
          psa: [
            { date: '2024-01-05', value: baseline },
            { date: '2024-02-21', value: 0 },
          ],
        }),
      );
      if (result.percentChange !== -100)
        expect.fail(`baseline ${baseline}: ${result.percentChange}`);
    }
  });

  it('gives no percent change when the ratio to a tiny baseline overflows', () => {
    const result = psaAtLandmark(
      makePatient({
        surgeryDate: '2024-01-10',
        psa: [
          { date: '2024-01-05', value: 1e-320 },
          { date: '2024-02-21', value: 1e10 },
        ],
      }),
    );
    expect(result.percentChange).toBeNull();
    expect(result.percentChangeIsBound).toBe(false);
  });

  it('never takes a PSA drawn on or after the ADT start as the landmark', () => {
    const patient = makePatient({
      surgeryDate: '2024-01-10',
      adtStartDate: '2024-02-20',
      psa: [
        { date: '2024-02-12', value: 0.4 },
        { date: '2024-02-20', value: 0.3 },
        { date: '2024-02-21', value: 0.05 },
      ],
    });
    const result = psaAtLandmark(patient);
    expect(result.measurement).toEqual({ date: '2024-02-12', value: 0.4 });
    expect(result.reason).toBeNull();
    const onlyOnAdt = psaAtLandmark({ ...patient, psa: patient.psa.slice(1) });
    expect(onlyOnAdt.measurement).toBeNull();
    expect(onlyOnAdt.reason).toMatch(/^on ADT since day 41/);
  });

  it('rejects bad options and patients, naming them', () => {
    expect(() => psaAtLandmark(makePatient(), { landmarkDays: -1 })).toThrow(
      /options\.landmarkDays.*-1/,
    );
    expect(() => psaAtLandmark(makePatient(), { toleranceDays: 1.5 })).toThrow(RangeError);
    expect(() => psaAtLandmark(makePatient({ surgeryDate: '2024-13-01' }))).toThrow(
      /patient\.surgeryDate.*"2024-13-01"/,
    );
    expect(() => psaAtLandmark(makePatient({ psa: [{ date: '2024-02-01', value: -2 }] }))).toThrow(
      /patient\.psa\[0\]\.value.*-2/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { psaResponse } from '../../src/psa/psa-response.js';
import { makePatient } from '../_helpers/patient.js';

const at6Weeks = (value: number, undetectable?: boolean) =>
  makePatient({
    surgeryDate: '2024-01-10',
    psa: [
      undetectable === undefined
        ? { date: '2024-02-21', value }
        : { date: '2024-02-21', value, undetectable },
    ],
  });

describe('psaResponse', () => {
  it('classifies complete response (< 0.2) and undetectable (< 0.1)', () => {
    expect(psaResponse(at6Weeks(0.15))).toMatchObject({
      evaluable: true,
      completeResponse: true,
      undetectable: false,
    });
    expect(psaResponse(at6Weeks(0.2))).toMatchObject({ completeResponse: false });
    expect(psaResponse(at6Weeks(0.05))).toMatchObject({ undetectable: true });
    expect(psaResponse(at6Weeks(0.03, true))).toMatchObject({
      completeResponse: true,
      undetectable: true,
    });
  });

  it('cannot place an undetectable result whose limit is above the threshold', () => {
    expect(psaResponse(at6Weeks(0.5, true))).toMatchObject({
      completeResponse: null,
      undetectable: true,
    });
  });

  it('is not evaluable without a landmark value, with the reason', () => {
    expect(psaResponse(makePatient())).toMatchObject({
      evaluable: false,
      reason: 'no PSA within day 42 +- 14 after the sLND',
      completeResponse: null,
      undetectable: null,
    });
    expect(psaResponse(at6Weeks(0.15)).reason).toBeNull();
  });

  it('is not evaluable when every landmark PSA was drawn on ADT (a response to the therapy)', () => {
    // The case: ADT from day 15, PSA 0.05 on day 42.
    const onAdt = { ...at6Weeks(0.05), adtStartDate: '2024-01-25' };
    expect(psaResponse(onAdt)).toMatchObject({
      evaluable: false,
      completeResponse: null,
      reason:
        'on ADT since day 15: every PSA within day 42 +- 14 was drawn on or after the ADT start',
    });
    // A value before the ADT start within the window is still the landmark.
    const before = {
      ...onAdt,
      psa: [{ date: '2024-02-12', value: 0.4 }, ...onAdt.psa],
      adtStartDate: '2024-02-15',
    };
    expect(psaResponse(before)).toMatchObject({
      evaluable: true,
      completeResponse: false,
      landmark: { measurement: { date: '2024-02-12', value: 0.4 } },
    });
  });

  it('uses configurable thresholds and rejects non-positive ones', () => {
    expect(psaResponse(at6Weeks(0.15), { completeResponseBelow: 0.1 }).completeResponse).toBe(
      false,
    );
    expect(() => psaResponse(at6Weeks(0.1), { completeResponseBelow: 0 })).toThrow(
      /completeResponseBelow.*0/,
    );
  });
});

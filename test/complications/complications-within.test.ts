import { describe, expect, it } from 'vitest';
import { complicationsWithin } from '../../src/complications/complications-within.js';
import type { Patient } from '../../src/model/types.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';

function patient(complications: Patient['complications'], surgeryDate = '2024-01-10'): Patient {
  return { id: 'P1', surgeryDate, lastFollowUpDate: '2025-01-10', psa: [], complications };
}

describe('complicationsWithin', () => {
  it('keeps day 0 (the surgery) to day 90 inclusive, and drops day 91 and days before surgery', () => {
    const p = deepFreeze(
      patient([
        { date: '2024-01-09', grade: 'I' }, // day -1
        { date: '2024-01-10', grade: 'II' }, // day 0
        { date: '2024-04-09', grade: 'IIIa' }, // day 90
        { date: '2024-04-10', grade: 'IIIb' }, // day 91
      ]),
    );
    expect(complicationsWithin(p).map((c) => c.grade)).toEqual(['II', 'IIIa']);
  });

  it('counts calendar days across a leap day and a daylight-saving change', () => {
    // 2024-02-29 exists; Europe's DST change falls on 2024-03-31. Day 90 after 2024-01-31 is 2024-04-30.
    const p = patient(
      [
        { date: '2024-04-30', grade: 'I' },
        { date: '2024-05-01', grade: 'II' },
      ],
      '2024-01-31',
    );
    expect(complicationsWithin(p)).toEqual([{ date: '2024-04-30', grade: 'I' }]);
  });

  it('honours another window, including 0 (the surgery day only)', () => {
    const p = patient([
      { date: '2024-01-10', grade: 'I' },
      { date: '2024-01-11', grade: 'II' },
      { date: '2024-02-09', grade: 'IVa' }, // day 30
      { date: '2024-02-10', grade: 'IVb' }, // day 31
    ]);
    expect(complicationsWithin(p, { windowDays: 0 }).map((c) => c.grade)).toEqual(['I']);
    expect(complicationsWithin(p, { windowDays: 30 }).map((c) => c.grade)).toEqual([
      'I',
      'II',
      'IVa',
    ]);
  });

  it('returns an empty list for a patient without complications', () => {
    expect(complicationsWithin(patient([]))).toEqual([]);
  });

  it('keeps every field, in input order, as copies', () => {
    const c = { date: '2024-02-01', grade: 'V', description: 'death', persistsAtDischarge: false };
    const p = deepFreeze(
      patient([{ date: '2024-03-01', grade: 'I' }, c as Patient['complications'][number]]),
    );
    const out = complicationsWithin(p);
    expect(out).toEqual([{ date: '2024-03-01', grade: 'I' }, c]);
    expect(out[1]).not.toBe(p.complications[1]);
    expect(Object.isFrozen(out)).toBe(false);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => complicationsWithin(null as never)).toThrow(/^patient must be an object/);
    expect(() => complicationsWithin(patient([]), { windowDays: -1 })).toThrow(
      /^options\.windowDays must be an integer >= 0\. Value: -1/,
    );
    expect(() => complicationsWithin(patient([]), { windowDays: 90.5 })).toThrow(RangeError);
    expect(() => complicationsWithin(patient([], '2024-13-01'))).toThrow(
      /^patient\.surgeryDate must be an existing calendar date.*"2024-13-01"/,
    );
    expect(() => complicationsWithin(patient([{ date: '2024/02/01', grade: 'I' }]))).toThrow(
      /^patient\.complications\[0\]\.date/,
    );
    expect(() =>
      complicationsWithin(patient([{ date: '2024-02-01', grade: '3a' as never }])),
    ).toThrow(/^patient\.complications\[0\]\.grade must be one of.*"3a"/);
    expect(() =>
      complicationsWithin({ ...patient([]), complications: undefined as never }),
    ).toThrow(/^patient\.complications must be an array/);
  });
});

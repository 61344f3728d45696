import { describe, expect, it } from 'vitest';
import { complicationsWithin } from '../../src/complications/complications-within.js';
import { deathInWindow } from '../../src/complications/death-in-window.js';
import type { Patient } from '../../src/model/types.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';

const died = (deathDate: string, extra: Partial<Patient> = {}): Patient =>
  deepFreeze({
    id: 'P1',
    surgeryDate: '2024-01-10',
    deathDate,
    lastFollowUpDate: deathDate,
    psa: [],
    complications: [],
    ...extra,
  });

describe('deathInWindow', () => {
  it('finds a death from day 0 to day 90 inclusive, not after', () => {
    expect(deathInWindow(died('2024-01-10'))).toMatchObject({ day: 0 });
    expect(deathInWindow(died('2024-04-09'))).toMatchObject({ day: 90 });
    expect(deathInWindow(died('2024-04-10'))).toBeNull();
    expect(deathInWindow(died('2024-02-10'), { windowDays: 30 })).toBeNull();
    const alive = { ...died('2024-01-20') };
    delete (alive as { deathDate?: string }).deathDate;
    expect(deathInWindow(alive)).toBeNull();
  });

  it('counts it as grade V unless the cause is prostate cancer or other', () => {
    const counts = (cause?: Patient['deathCause']) =>
      deathInWindow(died('2024-01-27', cause === undefined ? {} : { deathCause: cause }))
        ?.countsAsGradeV;
    expect([
      counts(),
      counts('unknown'),
      counts('complication'),
      counts('prostate-cancer'),
      counts('other'),
    ]).toEqual([true, true, true, false, false]);
    expect(deathInWindow(died('2024-01-27'))).toEqual({
      date: '2024-01-27',
      day: 17,
      cause: null,
      countsAsGradeV: true,
    });
  });

  it('rejects a malformed patient or option, naming it', () => {
    expect(() => deathInWindow(died('2024-13-01'))).toThrow(/^patient\.deathDate/);
    expect(() => deathInWindow(died('2024-01-27', { deathCause: 'war' as never }))).toThrow(
      /^patient\.deathCause must be one of.*"war"/,
    );
    expect(() => deathInWindow(died('2024-01-27'), { windowDays: 1.5 })).toThrow(
      /^options\.windowDays/,
    );
  });
});

describe('complicationsWithin with a death in the window', () => {
  it('adds the death as a grade V complication dated at the death, once', () => {
    expect(complicationsWithin(died('2024-01-27'))).toEqual([
      { date: '2024-01-27', grade: 'V', description: 'death (cause not recorded)' },
    ]);
    expect(complicationsWithin(died('2024-01-27', { deathCause: 'unknown' }))[0]).toMatchObject({
      description: 'death (cause unknown)',
    });
    const recorded = died('2024-01-27', {
      complications: [{ date: '2024-01-25', grade: 'V', description: 'bleeding' }],
    });
    expect(complicationsWithin(recorded)).toEqual([
      { date: '2024-01-25', grade: 'V', description: 'bleeding' },
    ]);
  });

  it('leaves out a death of prostate cancer or other causes, and any death with countDeath false', () => {
    expect(complicationsWithin(died('2024-01-27', { deathCause: 'other' }))).toEqual([]);
    expect(complicationsWithin(died('2024-01-27'), { countDeath: false })).toEqual([]);
    expect(() => complicationsWithin(died('2024-01-27'), { countDeath: 1 as never })).toThrow(
      /^options\.countDeath must be a boolean/,
    );
  });
});

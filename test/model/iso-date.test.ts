import { afterEach, describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, daysBetween, isIsoDate } from '../../src/model/iso-date.js';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('ISO calendar dates', () => {
  it('accepts existing calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-1-05')).toBe(false);
    expect(isIsoDate('2023-01-05T00:00')).toBe(false);
    expect(isIsoDate(20230105)).toBe(false);
  });

  // Node re-reads TZ when it changes, so one process can check several zones. The dates cross
  // the daylight-saving changes of each zone and a leap day.
  it.each([
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Asia/Tokyo', -540],
    ['Europe/Berlin', -60],
    ['Pacific/Apia', -780],
  ] as const)('counts calendar days the same in %s', (zone, januaryOffset) => {
    process.env.TZ = zone;
    // The zone really is in force (offset in minutes behind UTC on 2024-01-01).
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(januaryOffset);
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
    expect(addDaysIso('2024-03-09', 1)).toBe('2024-03-10');
    expect(addDaysIso('2024-11-03', 1)).toBe('2024-11-04');
    expect(addDaysIso('2024-02-28', 2)).toBe('2024-03-01');
    expect(addMonthsIso('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonthsIso('2025-01-10', -12)).toBe('2024-01-10');
  });

  it('throws naming the argument and quoting the value', () => {
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(/from.*"2024-02-30"/);
    expect(() => daysBetween('2024-02-01', 5 as never)).toThrow(TypeError);
    expect(() => addDaysIso('2024-02-01', 1.5)).toThrow(/days.*1\.5/);
  });
});

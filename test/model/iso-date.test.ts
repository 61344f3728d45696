import { afterEach, describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addMonthsIso,
  daysBetween,
  ISO_DATE_PATTERN,
  isCalendarDate,
  isIsoDate,
  MAX_YEAR,
  MIN_YEAR,
} from '../../src/model/iso-date.js';

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

  // issue 11 item 10: Samoa skipped 2011-12-30 (it moved across the date line), so a Date read
  // as local midnight counted 2 days from the 29th to the 30th and added one day to reach the
  // 31st. Day numbers involve no zone.
  it('counts calendar days, not local midnights, in Pacific/Apia across the skipped day', () => {
    process.env.TZ = 'Pacific/Apia';
    // The zone really is in force and really skips the day: local midnight of 2011-12-30 does
    // not exist, so Date moves it to the 31st.
    expect(new Date(2011, 11, 30).getDate()).toBe(31);
    expect(daysBetween('2011-12-29', '2011-12-30')).toBe(1);
    expect(daysBetween('2011-12-29', '2011-12-31')).toBe(2);
    expect(daysBetween('2011-12-30', '2011-12-29')).toBe(-1);
    expect(addDaysIso('2011-12-29', 1)).toBe('2011-12-30');
    expect(addDaysIso('2011-12-31', -1)).toBe('2011-12-30');
    expect(addMonthsIso('2011-11-30', 1)).toBe('2011-12-30');
    expect(isIsoDate('2011-12-30')).toBe(true);
  });

  it('accepts the years 1900-2199 only, and says so', () => {
    expect([MIN_YEAR, MAX_YEAR]).toEqual([1900, 2199]);
    expect(isIsoDate('1900-01-01')).toBe(true);
    expect(isIsoDate('2199-12-31')).toBe(true);
    expect(isIsoDate('1899-12-31')).toBe(false);
    expect(isIsoDate('2200-01-01')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('10000-01-01')).toBe(false);
    expect(daysBetween('1900-01-01', '2199-12-31')).toBe(109_572);
    // year 0 gave '0001-01-02'; 9999-12-31 + 1 day gave the 5-digit '10000-01-01'
    expect(() => addDaysIso('0000-01-01', 1)).toThrow(
      'date must be a date in the years 1900-2199. Value: "0000-01-01".',
    );
    expect(() => addDaysIso('2199-12-31', 1)).toThrow(RangeError);
    expect(() => addDaysIso('2199-12-31', 1)).toThrow(
      /^days must keep the date within the years 1900-2199.*Value: 1\.$/,
    );
    expect(() => addDaysIso('1900-01-01', -1)).toThrow(/^days must keep/);
    expect(() => addDaysIso('2024-01-01', 1e15)).toThrow(
      /^days must keep.*Value: 1000000000000000\.$/,
    );
    expect(() => addMonthsIso('2199-12-01', 1)).toThrow(/^months must keep/);
    expect(() => daysBetween('1899-12-31', '2024-01-01')).toThrow(
      /^from must be a date in the years/,
    );
    expect(() => daysBetween('2024-01-01', '2200-01-01')).toThrow(
      /^to must be a date in the years/,
    );
    expect(addDaysIso('2199-12-30', 1)).toBe('2199-12-31');
    expect(addDaysIso('1900-03-01', -1)).toBe('1900-02-28');
    expect(addDaysIso('2000-03-01', -1)).toBe('2000-02-29');
  });

  it('the JSON Schema pattern accepts exactly the dates isIsoDate accepts', () => {
    const mismatches: string[] = [];
    for (let year = 1890; year <= 2210; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (ISO_DATE_PATTERN.test(text) !== isIsoDate(text)) mismatches.push(text);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(ISO_DATE_PATTERN.test('2000-02-29')).toBe(true);
    expect(ISO_DATE_PATTERN.test('2100-02-29')).toBe(false);
  });

  it('throws naming the argument and quoting the value', () => {
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(/from.*"2024-02-30"/);
    expect(() => daysBetween('2024-02-01', 5 as never)).toThrow(TypeError);
    expect(() => addDaysIso('2024-02-01', 1.5)).toThrow(/days.*1\.5/);
  });
});

// An independent oracle: JavaScript's own UTC calendar (Date.UTC), which no time zone enters.
describe('iso-date against Date.UTC on every day of 1900-2199', () => {
  const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const start = Date.UTC(1900, 0, 1);
  const days = (Date.UTC(2199, 11, 31) - start) / 86_400_000;

  it('daysBetween, addDaysIso and addMonthsIso agree with the UTC calendar', () => {
    let checked = 0;
    for (let k = 0; k <= days; k += 1) {
      const date = isoOf(start + k * 86_400_000);
      if (daysBetween('1900-01-01', date) !== k) expect.fail(`daysBetween 1900-01-01 ${date}`);
      if (k + 40 <= days && addDaysIso(date, 40) !== isoOf(utc(date) + 40 * 86_400_000)) {
        expect.fail(`addDaysIso ${date} 40`);
      }
      // A month later, clamped to the target month's last day (date-fns addMonths' rule).
      const [y, m, d] = [+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)];
      if (y < 2199 || m < 11) {
        const last = new Date(Date.UTC(y, m + 2, 0)).getUTCDate();
        const expected = isoOf(Date.UTC(y, m + 1, Math.min(d, last)));
        if (addMonthsIso(date, 1) !== expected) expect.fail(`addMonthsIso ${date} 1`);
      }
      checked += 1;
    }
    expect(checked).toBe(109_573);
  });
});

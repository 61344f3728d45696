import { describeValue } from '../_lib/describe-value.js';
import type { IsoDate } from './types.js';

// Calendar-date arithmetic on day numbers. A date `YYYY-MM-DD` is turned into its count of days
// from 1970-01-01 in the proleptic Gregorian calendar and back with integer formulas (Howard
// Hinnant, "chrono-Compatible Low-Level Date Algorithms": days_from_civil, civil_from_days).
// No Date object and no time zone is involved, so every answer is the same in every zone: a
// Date read as local midnight lost a day under TZ=Pacific/Apia, where 2011-12-30 did not exist
// (Samoa moved across the date line; issue 11 item 10). date-fns is not needed for this.
//
// Years: only 1900-2199 are accepted (MIN_YEAR, MAX_YEAR; docs/limits.md, "Dates"). A cohort of
// this trial lives well inside them, and outside them dates stop behaving as the model needs:
// year 0 does not exist in the calendar people write, and a year past 9999 has five digits,
// so ISO strings no longer compare in date order.

/** The first calendar year slnd-stats accepts. */
export const MIN_YEAR = 1900;

/** The last calendar year slnd-stats accepts. */
export const MAX_YEAR = 2199;

/** Days in a month of 30.4375 days (365.25 / 12): the month of every kinetics time scale. */
export const DAYS_PER_MONTH = 30.4375;

/** Days in a year of 365.25 days: the year of PSA velocity. */
export const DAYS_PER_YEAR = 365.25;

/**
 * The dates slnd-stats accepts as one regular expression: `YYYY-MM-DD`, an existing day of a
 * year MIN_YEAR..MAX_YEAR (Feb 29 in leap years only: 1900 and 2100 are not, 2000 is). The
 * cohort's JSON Schema carries it as the `pattern` of every date; a test checks it against
 * {@link isIsoDate} day by day.
 */
export const ISO_DATE_PATTERN =
  /^(?:(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26])|21(?:0[48]|[2468][048]|[13579][26]))-02-29|(?:19|2[01])\d\d-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))$/;

const WRITTEN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days from 1970-01-01) of the first and the last accepted day. */
const FIRST_DAY = dayNumber(MIN_YEAR, 1, 1);
const LAST_DAY = dayNumber(MAX_YEAR, 12, 31);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** days_from_civil: days from 1970-01-01 to year-month-day (proleptic Gregorian). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** civil_from_days: the ISO date of a day number (the inverse of dayNumber). */
function dateOfDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Year, month and day of a string written YYYY-MM-DD naming an existing day (any year), else null. */
function readCalendarDate(
  value: unknown,
): { readonly year: number; readonly month: number; readonly day: number } | null {
  if (typeof value !== 'string') return null;
  const match = WRITTEN.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

// Reading a date is cached: a cohort names the same days again and again (10^5 patients bring
// millions of date strings but a few thousand distinct days), and every analysis checks the
// dates it reads. Only accepted dates are cached, so the cache holds at most one entry per day
// of 1900-2199 (109,573): the year limit bounds it.
const dayNumbers = new Map<string, number>();
/** The ISO date of each day number produced, at index dayNumber - FIRST_DAY. */
const datesByDay: (IsoDate | undefined)[] = [];

/** The day number of an accepted date (see isIsoDate), else undefined. */
function acceptedDayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const cached = dayNumbers.get(value);
  if (cached !== undefined) return cached;
  const date = readCalendarDate(value);
  if (date === null || date.year < MIN_YEAR || date.year > MAX_YEAR) return undefined;
  const days = dayNumber(date.year, date.month, date.day);
  dayNumbers.set(value, days);
  return days;
}

/** dateOfDayNumber through the cache (day numbers within FIRST_DAY..LAST_DAY only). */
function cachedDateOf(days: number): IsoDate {
  const index = days - FIRST_DAY;
  let date = datesByDay[index];
  if (date === undefined) {
    date = dateOfDayNumber(days);
    datesByDay[index] = date;
  }
  return date;
}

/**
 * Whether `value` is written `YYYY-MM-DD` and names an existing day of the (proleptic
 * Gregorian) calendar in any four-digit year, 0000-9999. Readers use it to tell a date in a
 * year slnd-stats does not accept (`year_out_of_range`) from no date at all (`invalid_date`).
 *
 * @example isCalendarDate('1850-02-28'); // => true (but isIsoDate is false)
 * @example isCalendarDate('2023-02-29'); // => false
 */
export function isCalendarDate(value: unknown): value is string {
  return readCalendarDate(value) !== null;
}

/**
 * Whether `value` is a date slnd-stats accepts: an existing calendar date written
 * `YYYY-MM-DD` in a year from 1900 to 2199 (MIN_YEAR..MAX_YEAR).
 *
 * @example isIsoDate('2024-02-29'); // => true
 * @example isIsoDate('2023-02-30'); // => false
 * @example isIsoDate('1850-01-01'); // => false (a year before 1900)
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return acceptedDayNumber(value) !== undefined;
}

/**
 * Throws unless `value` is a date slnd-stats accepts ({@link isIsoDate}), naming `name`: a
 * TypeError when it is not a string, a RangeError when it is not an existing calendar date
 * written YYYY-MM-DD or its year is outside 1900-2199.
 */
export function assertIsoDate(name: string, value: unknown): asserts value is IsoDate {
  if (acceptedDayNumber(value) !== undefined) return;
  if (typeof value !== 'string') {
    throw new TypeError(
      `${name} must be an ISO date string (YYYY-MM-DD). Value: ${describeValue(value)}.`,
    );
  }
  const date = readCalendarDate(value);
  if (date === null) {
    throw new RangeError(
      `${name} must be an existing calendar date written YYYY-MM-DD. Value: ${describeValue(value)}.`,
    );
  }
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) {
    throw new RangeError(
      `${name} must be a date in the years ${MIN_YEAR}-${MAX_YEAR}. Value: ${describeValue(value)}.`,
    );
  }
}

/** The day number of a checked date. */
function dayNumberOf(name: string, value: unknown): number {
  const days = acceptedDayNumber(value);
  if (days !== undefined) return days;
  assertIsoDate(name, value);
  throw new Error('unreachable: assertIsoDate accepted a date acceptedDayNumber refused');
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier): the difference of their
 * day numbers, the same in every time zone.
 *
 * @throws {TypeError|RangeError} when either is not an ISO calendar date in 1900-2199.
 * @example daysBetween('2024-02-28', '2024-03-01'); // => 2
 * @example daysBetween('2011-12-29', '2011-12-30'); // => 1 (also under TZ=Pacific/Apia)
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const start = dayNumberOf('from', from);
  return dayNumberOf('to', to) - start;
}

/**
 * The calendar date `days` days after `date` (before it when negative).
 *
 * @throws {TypeError|RangeError} when `date` is not an ISO date in 1900-2199, `days` is not an
 *   integer, or the result falls outside the years 1900-2199.
 * @example addDaysIso('2024-02-28', 2); // => '2024-03-01'
 */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  const start = dayNumberOf('date', date);
  if (typeof days !== 'number' || !Number.isInteger(days)) {
    throw new RangeError(`days must be an integer. Value: ${describeValue(days)}.`);
  }
  const result = start + days;
  if (result < FIRST_DAY || result > LAST_DAY) {
    throw new RangeError(
      `days must keep the date within the years ${MIN_YEAR}-${MAX_YEAR} (${date} + days). Value: ${describeValue(days)}.`,
    );
  }
  return cachedDateOf(result);
}

/**
 * The calendar date `months` calendar months after `date` (before it when negative); a day
 * that the target month lacks becomes its last day (as date-fns `addMonths`).
 *
 * @throws {TypeError|RangeError} when `date` is not an ISO date in 1900-2199, `months` is not
 *   an integer, or the result falls outside the years 1900-2199.
 * @example addMonthsIso('2024-03-31', -1); // => '2024-02-29'
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  assertIsoDate('date', date);
  if (typeof months !== 'number' || !Number.isInteger(months)) {
    throw new RangeError(`months must be an integer. Value: ${describeValue(months)}.`);
  }
  const { year, month, day } = readCalendarDate(date)!;
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  if (newYear < MIN_YEAR || newYear > MAX_YEAR) {
    throw new RangeError(
      `months must keep the date within the years ${MIN_YEAR}-${MAX_YEAR} (${date} + months). Value: ${describeValue(months)}.`,
    );
  }
  const newMonth = index - newYear * 12 + 1;
  return cachedDateOf(dayNumber(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth))));
}

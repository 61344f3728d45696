import { addDays, addMonths, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import { describeValue } from '../_lib/describe-value.js';
import type { IsoDate } from './types.js';

// Calendar-date arithmetic. An IsoDate is read by date-fns as local midnight of that day and
// only ever compared with other local midnights through calendar-day functions, so a day is
// never lost or gained across a daylight-saving change or in any time zone.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days in a month of 30.4375 days (365.25 / 12): the month of every kinetics time scale. */
export const DAYS_PER_MONTH = 30.4375;

/** Days in a year of 365.25 days: the year of PSA velocity. */
export const DAYS_PER_YEAR = 365.25;

/**
 * Whether `value` is an existing calendar date written `YYYY-MM-DD`.
 *
 * @example isIsoDate('2024-02-29'); // => true
 * @example isIsoDate('2023-02-30'); // => false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value) && isValid(parseISO(value));
}

/** Throws a TypeError (not a string) or RangeError (not a calendar date) naming `name`. */
export function assertIsoDate(name: string, value: unknown): asserts value is IsoDate {
  if (typeof value !== 'string') {
    throw new TypeError(
      `${name} must be an ISO date string (YYYY-MM-DD). Value: ${describeValue(value)}.`,
    );
  }
  if (!isIsoDate(value)) {
    throw new RangeError(
      `${name} must be an existing calendar date written YYYY-MM-DD. Value: ${describeValue(value)}.`,
    );
  }
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier), as date-fns
 * `differenceInCalendarDays`.
 *
 * @throws {TypeError|RangeError} when either is not an ISO calendar date.
 * @example daysBetween('2024-02-28', '2024-03-01'); // => 2
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  assertIsoDate('from', from);
  assertIsoDate('to', to);
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/**
 * The calendar date `days` days after `date` (before it when negative).
 *
 * @throws {TypeError|RangeError} when `date` is not an ISO date or `days` not an integer.
 * @example addDaysIso('2024-02-28', 2); // => '2024-03-01'
 */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  assertIsoDate('date', date);
  if (typeof days !== 'number' || !Number.isInteger(days)) {
    throw new RangeError(`days must be an integer. Value: ${describeValue(days)}.`);
  }
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/**
 * The calendar date `months` calendar months after `date` (before it when negative); a day
 * that the target month lacks becomes its last day, as date-fns `addMonths`.
 *
 * @throws {TypeError|RangeError} when `date` is not an ISO date or `months` not an integer.
 * @example addMonthsIso('2024-03-31', -1); // => '2024-02-29'
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  assertIsoDate('date', date);
  if (typeof months !== 'number' || !Number.isInteger(months)) {
    throw new RangeError(`months must be an integer. Value: ${describeValue(months)}.`);
  }
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}

import { assertArray, assertInteger, assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { assertIsoDate, daysBetween } from '../model/iso-date.js';
import { CLAVIEN_DINDO_GRADES, type Complication, type Patient } from '../model/types.js';
import { deathInWindow } from './death-in-window.js';

/** Options of {@link complicationsWithin}. */
export interface ComplicationsWithinOptions {
  /** Last day of the window, counted from the surgery (day 0). Default 90. */
  readonly windowDays?: number;
  /**
   * Add a death within the window as a grade V complication, by the rule of
   * {@link deathInWindow} (unless a grade V complication is already recorded in the window).
   * Default true.
   */
  readonly countDeath?: boolean;
}

/** The description of a death counted as a grade V complication, by its recorded cause. */
const DEATH_DESCRIPTION = {
  none: 'death (cause not recorded)',
  complication: 'death from a complication',
  unknown: 'death (cause unknown)',
} as const;

/**
 * The patient's complications dated from the day of the sLND (day 0) up to and including day
 * `windowDays`: 0 <= differenceInCalendarDays(complication.date, surgeryDate) <= windowDays
 * (calendar days, through `daysBetween`). This is the 90-day perioperative window of
 * the trial's first primary endpoint; a complication dated before the surgery is not one of
 * its complications and is left out.
 *
 * A death within the window is a complication too: unless `countDeath` is false, a patient who
 * died within the window without a recorded grade V complication there gets one, dated at the
 * death (description `'death (cause not recorded)'`, `'death (cause unknown)'` or
 * `'death from a complication'`), when {@link deathInWindow} says the death counts (its cause
 * is not recorded as prostate cancer or other).
 *
 * @param patient - a patient (`surgeryDate`, `complications`, `deathDate` and `deathCause` are
 *   read)
 * @param options - `windowDays`, an integer >= 0 (default 90); `countDeath` (default true)
 * @returns copies of the complications in the window, in their input order, then the death
 *   counted as grade V
 * @throws {TypeError} when `patient` or `options` is not an object or `patient.complications`
 *   is not an array.
 * @throws {TypeError|RangeError} when `patient.surgeryDate` or a complication's `date` is not
 *   an ISO calendar date, a complication's `grade` is not a Clavien-Dindo grade, or
 *   `windowDays` is not an integer >= 0.
 * @example
 * complicationsWithin({
 *   id: '001', surgeryDate: '2024-01-10', lastFollowUpDate: '2024-06-01', psa: [],
 *   complications: [
 *     { date: '2024-04-09', grade: 'II' },   // day 90: in
 *     { date: '2024-04-10', grade: 'IIIb' }, // day 91: out
 *   ],
 * }); // => [{ date: '2024-04-09', grade: 'II' }]
 */
export function complicationsWithin(
  patient: Patient,
  options: ComplicationsWithinOptions = {},
): Complication[] {
  assertObject('patient', patient);
  assertObject('options', options);
  const { windowDays = 90, countDeath = true } = options;
  assertInteger('options.windowDays', windowDays, 0);
  if (typeof countDeath !== 'boolean') {
    throw new TypeError(
      `options.countDeath must be a boolean. Value: ${describeValue(countDeath)}.`,
    );
  }
  assertIsoDate('patient.surgeryDate', patient.surgeryDate);
  assertArray('patient.complications', patient.complications);
  const inWindow: Complication[] = [];
  patient.complications.forEach((complication, i) => {
    const where = `patient.complications[${i}]`;
    assertObject(where, complication);
    assertIsoDate(`${where}.date`, complication.date);
    assertOneOf(`${where}.grade`, complication.grade, CLAVIEN_DINDO_GRADES);
    const day = daysBetween(patient.surgeryDate, complication.date);
    if (day >= 0 && day <= windowDays) inWindow.push({ ...complication });
  });
  const death = countDeath ? deathInWindow(patient, { windowDays }) : null;
  if (death?.countsAsGradeV && !inWindow.some((c) => c.grade === 'V')) {
    const key = death.cause === null ? 'none' : (death.cause as 'complication' | 'unknown');
    inWindow.push({ date: death.date, grade: 'V', description: DEATH_DESCRIPTION[key] });
  }
  return inWindow;
}

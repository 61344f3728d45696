import { assertArray, assertInteger, assertObject, assertOneOf } from '../_lib/assert.js';
import { assertIsoDate, daysBetween } from '../model/iso-date.js';
import { CLAVIEN_DINDO_GRADES, type Complication, type Patient } from '../model/types.js';

/** Options of {@link complicationsWithin}. */
export interface ComplicationsWithinOptions {
  /** Last day of the window, counted from the surgery (day 0). Default 90. */
  readonly windowDays?: number;
}

/**
 * The patient's complications dated from the day of the sLND (day 0) up to and including day
 * `windowDays`: 0 <= differenceInCalendarDays(complication.date, surgeryDate) <= windowDays
 * (date-fns calendar days, through `daysBetween`). This is the 90-day perioperative window of
 * the trial's first primary endpoint; a complication dated before the surgery is not one of
 * its complications and is left out.
 *
 * @param patient - a patient (`surgeryDate` and `complications` are read)
 * @param options - `windowDays`, an integer >= 0 (default 90)
 * @returns copies of the complications in the window, in their input order
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
  const { windowDays = 90 } = options;
  assertInteger('options.windowDays', windowDays, 0);
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
  return inWindow;
}

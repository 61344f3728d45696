import { assertInteger, assertObject, assertOneOf } from '../_lib/assert.js';
import { assertIsoDate, daysBetween } from '../model/iso-date.js';
import { DEATH_CAUSES, type DeathCause, type IsoDate, type Patient } from '../model/types.js';

/** Options of {@link deathInWindow}. */
export interface DeathInWindowOptions {
  /** Last day of the window, counted from the surgery (day 0). Default 90. */
  readonly windowDays?: number;
}

/** A death inside the perioperative window. */
export interface DeathInWindow {
  readonly date: IsoDate;
  /** Days from the sLND (0 to `windowDays`). */
  readonly day: number;
  /** The recorded cause; null when none was recorded. */
  readonly cause: DeathCause | null;
  /**
   * The death counts as a Clavien-Dindo grade V complication: its cause is not recorded as
   * `'prostate-cancer'` or `'other'`.
   */
  readonly countsAsGradeV: boolean;
}

/** Causes that make a death in the window not a complication of the surgery. */
const NOT_A_COMPLICATION: ReadonlySet<DeathCause> = new Set(['prostate-cancer', 'other']);

/**
 * The patient's death, when it falls inside the perioperative window (days 0 to `windowDays`
 * after the sLND, inclusive), and whether it counts as a Clavien-Dindo grade V complication.
 *
 * Rule: a death within the window counts as grade V (death of the patient, Dindo 2004) unless
 * its `deathCause` is recorded as `'prostate-cancer'` or `'other'`. A death with no recorded
 * cause, or with cause `'unknown'`, counts: a death within 90 days of surgery is the gravest
 * safety signal, and leaving it out until someone records its cause would show a safety board
 * reassurance the data do not support (the usual convention of 30- and 90-day postoperative
 * mortality, which counts deaths from any cause, errs the same way).
 *
 * @param patient - a patient (`surgeryDate`, `deathDate` and `deathCause` are read).
 * @param options - `windowDays`, an integer >= 0 (default 90).
 * @returns the death with its day and whether it counts, or null when the patient did not die
 *   within the window.
 * @throws {TypeError|RangeError} when `patient` or `options` is malformed: a date that is not an
 *   ISO date, a `deathCause` that is not one of the four causes, a `windowDays` that is not an
 *   integer >= 0.
 * @example
 * deathInWindow({ id: 'P1', surgeryDate: '2024-01-10', deathDate: '2024-01-27', psa: [],
 *   complications: [], lastFollowUpDate: '2024-01-27' });
 * // => { date: '2024-01-27', day: 17, cause: null, countsAsGradeV: true }
 */
export function deathInWindow(
  patient: Patient,
  options: DeathInWindowOptions = {},
): DeathInWindow | null {
  assertObject('patient', patient);
  assertObject('options', options);
  const { windowDays = 90 } = options;
  assertInteger('options.windowDays', windowDays, 0);
  if (patient.deathDate === undefined) return null;
  assertIsoDate('patient.surgeryDate', patient.surgeryDate);
  assertIsoDate('patient.deathDate', patient.deathDate);
  const cause = patient.deathCause ?? null;
  if (cause !== null) assertOneOf('patient.deathCause', cause, DEATH_CAUSES);
  const day = daysBetween(patient.surgeryDate, patient.deathDate);
  if (day < 0 || day > windowDays) return null;
  return {
    date: patient.deathDate,
    day,
    cause,
    countsAsGradeV: cause === null || !NOT_A_COMPLICATION.has(cause),
  };
}

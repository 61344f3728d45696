import { assertArray } from '../_lib/assert.js';
import { FOLLOW_UP_DATE_FIELDS } from './date-fields.js';
import { assertIsoDate } from './iso-date.js';
import type { IsoDate, Patient } from './types.js';
import { isValidated, recordValidated } from './validated-patients.js';

/** The cohort as it was known on a date. */
export interface CohortAsOf {
  readonly asOf: IsoDate;
  /** Patients operated on or before `asOf`, their data cut at `asOf`. */
  readonly patients: Patient[];
  /** Ids of patients operated after `asOf`: listed, not analysed. */
  readonly notYetOperated: string[];
}

/**
 * Cuts a cohort at a date, so that an analysis sees only what was known then: patients operated
 * after `asOf` are set aside (and listed), measurements, complications and events dated after it
 * are dropped, and the last follow-up becomes `asOf` where it was later. With `asOf` omitted,
 * the date is the latest last follow-up of the cohort, so the same data always give the same
 * report.
 *
 * @param patients - valid patients (see `parseCohort`).
 * @param asOf - the data cut, an ISO date.
 * @throws {TypeError|RangeError} when `patients` is not an array or `asOf` not an ISO date.
 * @example cohortAsOf(patients, '2025-06-30').patients.length;
 */
export function cohortAsOf(patients: readonly Patient[], asOf?: IsoDate): CohortAsOf {
  assertArray('patients', patients);
  let cut = asOf;
  if (cut === undefined) {
    cut = patients.reduce<IsoDate>((a, p) => (p.lastFollowUpDate > a ? p.lastFollowUpDate : a), '');
    if (cut === '') cut = '1970-01-01';
  } else assertIsoDate('asOf', cut);
  const day = cut;
  const kept: Patient[] = [];
  const notYetOperated: string[] = [];
  for (const p of patients) {
    if (p.surgeryDate > day) {
      notYetOperated.push(p.id);
      continue;
    }
    // Everything known by the cut already (the usual case, the cut being the latest follow-up):
    // the patient as it is. Nothing can be dated after the last follow-up in a valid patient.
    if (p.lastFollowUpDate <= day && isValidated(p)) {
      kept.push(p);
      continue;
    }
    const upTo = <T extends { readonly date: IsoDate }>(list: readonly T[]) =>
      list.filter((m) => m.date <= day);
    const onOrBefore = (date: IsoDate | undefined) =>
      date !== undefined && date <= day ? date : undefined;
    const out: Record<string, unknown> = {
      ...p,
      psa: upTo(p.psa),
      complications: upTo(p.complications),
      lastFollowUpDate: p.lastFollowUpDate > day ? day : p.lastFollowUpDate,
    };
    if (p.testosterone !== undefined) out['testosterone'] = upTo(p.testosterone);
    for (const field of FOLLOW_UP_DATE_FIELDS) {
      const date = onOrBefore(p[field]);
      if (date === undefined) delete out[field];
      else out[field] = date;
    }
    // A death not yet known at the cut has no cause either.
    if (out['deathDate'] === undefined) delete out['deathCause'];
    // A valid patient cut at a date is still valid: it keeps its record of validation.
    kept.push(
      isValidated(p) ? recordValidated(out as unknown as Patient) : (out as unknown as Patient),
    );
  }
  return { asOf: day, patients: kept, notYetOperated };
}

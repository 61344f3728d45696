import {
  assertArray,
  assertNonNegative,
  assertObject,
  assertOneOf,
  assertString,
} from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { OPTIONAL_DATE_FIELDS } from './date-fields.js';
import { assertIsoDate } from './iso-date.js';
import {
  CLAVIEN_DINDO_GRADES,
  DEATH_CAUSES,
  type Patient,
  type PsaMeasurement,
  type TestosteroneMeasurement,
} from './types.js';
import { isValidated } from './validated-patients.js';

/**
 * Checks a PSA (or testosterone) series passed straight to a function: an array of
 * `{ date, value }` with ISO dates and finite values >= 0. Errors name the element's path,
 * e.g. `measurements[2].value`.
 */
export function assertMeasurements(
  name: string,
  measurements: unknown,
): asserts measurements is readonly PsaMeasurement[] {
  if (isValidated(measurements)) return;
  assertArray(name, measurements);
  measurements.forEach((item, i) => {
    assertObject(`${name}[${i}]`, item);
    const m = item as Record<string, unknown>;
    assertIsoDate(`${name}[${i}].date`, m['date']);
    assertNonNegative(`${name}[${i}].value`, m['value']);
    const undetectable = m['undetectable'];
    if (undetectable !== undefined && typeof undetectable !== 'boolean') {
      throw new TypeError(
        `${name}[${i}].undetectable must be a boolean. Value: ${describeValue(undetectable)}.`,
      );
    }
  });
}

/**
 * Checks the fields of a patient that the kinetics functions read (id, surgery date, PSA,
 * testosterone, ADT start). Full validation of a cohort is `parseCohort`'s job.
 */
export function assertPatientSeries(name: string, value: unknown): asserts value is Patient {
  if (isValidated(value)) return;
  assertObject(name, value);
  const patient = value as Record<string, unknown>;
  if (typeof patient['id'] !== 'string') {
    throw new TypeError(`${name}.id must be a string. Value: ${describeValue(patient['id'])}.`);
  }
  assertIsoDate(`${name}.surgeryDate`, patient['surgeryDate']);
  assertMeasurements(`${name}.psa`, patient['psa']);
  if (patient['testosterone'] !== undefined) {
    assertMeasurements(
      `${name}.testosterone`,
      patient['testosterone'] as TestosteroneMeasurement[],
    );
  }
  if (patient['adtStartDate'] !== undefined) {
    assertIsoDate(`${name}.adtStartDate`, patient['adtStartDate']);
  }
}

/** The optional dates of a patient besides `adtStartDate` (checked with the series). */
const OPTIONAL_DATES = OPTIONAL_DATE_FIELDS.filter((field) => field !== 'adtStartDate');

/**
 * Checks every field of a patient passed straight to a function that reads them all (the trial
 * report): the model's types and dates (years 1900-2199), PSA and testosterone values >= 0,
 * Clavien-Dindo grades and causes of death, naming the first wrong field, e.g.
 * `patients[3].complications[0].grade`. A hole or a malformed patient would otherwise fail
 * deep inside an analysis with an engine's message (issue 11 item 14). The rules between
 * fields (date order, duplicate ids) stay `validateCohort`'s, which reports them all at once.
 *
 * @throws {TypeError} naming a field of the wrong type, or a missing required one.
 * @throws {RangeError} naming a date, value, grade or cause outside its domain.
 */
export function assertPatient(name: string, value: unknown): asserts value is Patient {
  if (isValidated(value)) return;
  assertPatientSeries(name, value);
  const patient = value as unknown as Record<string, unknown>;
  assertIsoDate(`${name}.lastFollowUpDate`, patient['lastFollowUpDate']);
  for (const field of OPTIONAL_DATES) {
    if (patient[field] !== undefined) assertIsoDate(`${name}.${field}`, patient[field]);
  }
  if (patient['deathCause'] !== undefined) {
    assertOneOf(`${name}.deathCause`, patient['deathCause'], DEATH_CAUSES);
  }
  const complications = patient['complications'];
  assertArray(`${name}.complications`, complications);
  complications.forEach((item, i) => {
    const where = `${name}.complications[${i}]`;
    assertObject(where, item);
    const c = item as Record<string, unknown>;
    assertIsoDate(`${where}.date`, c['date']);
    assertOneOf(`${where}.grade`, c['grade'], CLAVIEN_DINDO_GRADES);
    if (c['description'] !== undefined) assertString(`${where}.description`, c['description']);
    const persists = c['persistsAtDischarge'];
    if (persists !== undefined && typeof persists !== 'boolean') {
      throw new TypeError(
        `${where}.persistsAtDischarge must be a boolean. Value: ${describeValue(persists)}.`,
      );
    }
  });
}

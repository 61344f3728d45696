import { assertArray, assertNonNegative, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { assertIsoDate } from './iso-date.js';
import type { Patient, PsaMeasurement, TestosteroneMeasurement } from './types.js';

/**
 * Checks a PSA (or testosterone) series passed straight to a function: an array of
 * `{ date, value }` with ISO dates and finite values >= 0. Errors name the element's path,
 * e.g. `measurements[2].value`.
 */
export function assertMeasurements(
  name: string,
  measurements: unknown,
): asserts measurements is readonly PsaMeasurement[] {
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

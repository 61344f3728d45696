import type { Patient } from './types.js';

// Dates and fields are checked once, at the boundary. `validateCohort` (and so `parseCohort`,
// `validateCohortCsv` and `validateCohortFile`) returns new patient objects, deeply frozen, and records
// them here; the analyses skip their per-field argument checks for a recorded patient, since
// a frozen patient cannot have changed since it was validated. Any other object (built by
// hand, or a copy that went through JSON) is checked field by field as before. Without this,
// a report on 10^5 patients spent most of its time re-checking the same dates in every
// analysis (issue 12).

const validated = new WeakSet<object>();

/** Freezes a patient built by validation (the object, its series and their items) and records it. */
export function recordValidated<T extends Patient>(patient: T): T {
  for (const series of [patient.psa, patient.testosterone, patient.complications]) {
    if (series !== undefined) recordValidatedSeries(series);
  }
  Object.freeze(patient);
  validated.add(patient);
  return patient;
}

/**
 * Freezes a series of a validated patient (or a part of one, such as the PSA before an ADT
 * start) with its items, and records it: `assertMeasurements` then skips it.
 */
export function recordValidatedSeries<T extends readonly object[]>(series: T): T {
  for (const item of series) Object.freeze(item);
  Object.freeze(series);
  validated.add(series);
  return series;
}

/**
 * Whether `value` is a patient returned by validation, or one of its series (and so known valid
 * and unchanged).
 */
export function isValidated(value: unknown): boolean {
  return typeof value === 'object' && value !== null && validated.has(value);
}

// The optional calendar-date fields of a Patient, listed once: the model's checks and the data
// cut (cohortAsOf) read them from here, so a new date field is added in one place.

/**
 * Dates of what happens to the patient after the sLND: each lies between the sLND and the last
 * follow-up (validateCohort's rule).
 */
export const EVENT_DATE_FIELDS = Object.freeze([
  'castrationResistanceDate',
  'distantMetastasisDate',
  'deathDate',
  'lastImagingDate',
] as const);

/** Dates that may lie after the sLND, which a data cut at an earlier date removes. */
export const FOLLOW_UP_DATE_FIELDS = Object.freeze(['adtStartDate', ...EVENT_DATE_FIELDS] as const);

/** Every optional top-level date field of a Patient. */
export const OPTIONAL_DATE_FIELDS = Object.freeze([
  'prostatectomyDate',
  'biochemicalRecurrenceDate',
  ...FOLLOW_UP_DATE_FIELDS,
] as const);

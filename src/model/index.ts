export { cohortJsonSchema } from './cohort-schema.js';
export {
  addDaysIso,
  addMonthsIso,
  DAYS_PER_MONTH,
  DAYS_PER_YEAR,
  daysBetween,
  isIsoDate,
} from './iso-date.js';
export type {
  ClavienDindoGrade,
  Complication,
  DeathCause,
  IsoDate,
  Patient,
  PsaMeasurement,
  TestosteroneMeasurement,
} from './types.js';
export { CLAVIEN_DINDO_GRADES, DEATH_CAUSES } from './types.js';
export { type CohortValidationResult, parseCohort, validateCohort } from './validate-cohort.js';

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
  ComplicationCategory,
  DeathCause,
  Imaging,
  ImagingModality,
  ImagingRegion,
  IsoDate,
  NotOperatedPatient,
  PathologicalNodes,
  PathologicalStage,
  Patient,
  PsaMeasurement,
  Screening,
  SurgicalMargin,
  TestosteroneMeasurement,
} from './types.js';
export {
  CLAVIEN_DINDO_GRADES,
  COMPLICATION_CATEGORIES,
  DEATH_CAUSES,
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  PATHOLOGICAL_NODES,
  PATHOLOGICAL_STAGES,
  SURGICAL_MARGINS,
} from './types.js';
export {
  type CohortValidationResult,
  type ParsedCohort,
  parseCohort,
  validateCohort,
} from './validate-cohort.js';
export type { CohortFlow } from './validate-flow.js';

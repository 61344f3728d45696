// The complications area: Clavien-Dindo grades, the 90-day window, the Comprehensive
// Complication Index and the per-patient complication rates of the first primary endpoint.

export type {
  ComplicationCategoryRow,
  ComplicationListingRow,
} from './complication-listing.js';
export {
  type CciSummary,
  type ComplicationRateKey,
  type ComplicationRateRow,
  type ComplicationSummary,
  type ComplicationSummaryOptions,
  complicationSummary,
  type PatientComplicationRow,
} from './complication-summary.js';
export {
  type ComplicationsWithinOptions,
  complicationsWithin,
} from './complications-within.js';
export { CCI_WEIGHTS, comprehensiveComplicationIndex } from './comprehensive-complication-index.js';
export {
  type DeathInWindow,
  type DeathInWindowOptions,
  deathInWindow,
} from './death-in-window.js';
export {
  compareGrades,
  type IsMajorComplicationOptions,
  isMajorComplication,
  type ParsedClavienDindoGrade,
  parseClavienDindoGrade,
} from './grades.js';
export { worstGrade } from './worst-grade.js';

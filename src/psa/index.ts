export {
  CASTRATE_TESTOSTERONE_NG_DL,
  type CastrationResistanceDefinition,
  type CastrationResistanceResult,
  detectCastrationResistance,
} from './detect-castration-resistance.js';
export {
  BASELINE_WINDOW_DAYS,
  type PsaLandmarkOptions,
  type PsaLandmarkResult,
  psaAtLandmark,
} from './psa-at-landmark.js';
export {
  type PsaDoublingTimeOptions,
  type PsaDoublingTimeResult,
  psaDoublingTime,
} from './psa-doubling-time.js';
export {
  PSA_DOUBLING_TIME_CHANGE_CATEGORIES,
  type PsaDoublingTimeChangeCategory,
  type PsaDoublingTimeChangeOptions,
  type PsaDoublingTimeChangeResult,
  psaDoublingTimeChange,
} from './psa-doubling-time-change.js';
export {
  type DoublingTimeSummary,
  type PsaDoublingTimeComparison,
  type PsaSlopePair,
  psaDoublingTimeComparison,
} from './psa-doubling-time-comparison.js';
export { psaNadir } from './psa-nadir.js';
export { type PsaResponseOptions, type PsaResponseResult, psaResponse } from './psa-response.js';
export { type PsaVelocityOptions, type PsaVelocityResult, psaVelocity } from './psa-velocity.js';
export type { PsaSelectionOptions } from './select-measurements.js';

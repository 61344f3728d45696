import { assertObject, assertPositive } from '../_lib/assert.js';
import type { Patient } from '../model/types.js';
import {
  type PsaLandmarkOptions,
  type PsaLandmarkResult,
  psaAtLandmark,
} from './psa-at-landmark.js';

/** Options of {@link psaResponse}. */
export interface PsaResponseOptions extends PsaLandmarkOptions {
  /** Complete biochemical response: landmark PSA below this (ng/mL, default 0.2). */
  readonly completeResponseBelow?: number;
  /** Undetectable: landmark PSA below this (ng/mL, default 0.1) or flagged undetectable. */
  readonly undetectableBelow?: number;
}

/** Result of {@link psaResponse}. */
export interface PsaResponseResult {
  readonly patientId: string;
  /** Whether a landmark value exists (drawn before any ADT start). */
  readonly evaluable: boolean;
  /** Why the patient is not evaluable (no PSA in the window, or only PSA on ADT); else null. */
  readonly reason: string | null;
  /**
   * Landmark PSA < `completeResponseBelow`. null when not evaluable, or when an undetectable
   * result's detection limit is above the threshold (then the true value cannot be placed).
   */
  readonly completeResponse: boolean | null;
  /** Landmark PSA flagged undetectable or < `undetectableBelow`; null when not evaluable. */
  readonly undetectable: boolean | null;
  readonly landmark: PsaLandmarkResult;
}

/**
 * Biochemical response at the PSA landmark (6 weeks after the sLND by default): complete
 * biochemical response when the landmark PSA is < 0.2 ng/mL (the usual sLND literature
 * definition, e.g. Suardi et al., Eur Urol 2015) and undetectable when flagged so or
 * < 0.1 ng/mL. Thresholds are configurable. An undetectable result counts as below a threshold
 * only when its detection limit is at or below that threshold. A PSA drawn on or after the
 * start of androgen deprivation therapy is never the landmark value ({@link psaAtLandmark}): a
 * low PSA under hormone therapy is not a response to the surgery, so a patient with only such
 * values in the window is not evaluable, with the reason.
 *
 * @param patient - a patient (see `parseCohort`).
 * @param options - landmark options and thresholds (ng/mL, > 0).
 * @throws {TypeError|RangeError} when the patient or an option is malformed (naming it).
 * @example
 * psaResponse({ id: 'P1', surgeryDate: '2024-01-10', psa: [{ date: '2024-02-21', value: 0.05,
 *   undetectable: true }], complications: [], lastFollowUpDate: '2024-06-01' });
 * // => { evaluable: true, completeResponse: true, undetectable: true, ... }
 */
export function psaResponse(patient: Patient, options: PsaResponseOptions = {}): PsaResponseResult {
  assertObject('options', options);
  const { completeResponseBelow = 0.2, undetectableBelow = 0.1, ...landmarkOptions } = options;
  assertPositive('options.completeResponseBelow', completeResponseBelow);
  assertPositive('options.undetectableBelow', undetectableBelow);
  const landmark = psaAtLandmark(patient, landmarkOptions);
  const m = landmark.measurement;
  if (m === null) {
    return {
      patientId: landmark.patientId,
      evaluable: false,
      reason: landmark.reason,
      completeResponse: null,
      undetectable: null,
      landmark,
    };
  }
  let completeResponse: boolean | null;
  if (m.undetectable === true) completeResponse = m.value <= completeResponseBelow ? true : null;
  else completeResponse = m.value < completeResponseBelow;
  return {
    patientId: landmark.patientId,
    evaluable: true,
    reason: null,
    completeResponse,
    undetectable: m.undetectable === true || m.value < undetectableBelow,
    landmark,
  };
}

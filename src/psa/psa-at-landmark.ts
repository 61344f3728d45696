import { assertInteger, assertObject } from '../_lib/assert.js';
import { assertPatientSeries } from '../model/assert-series.js';
import { addDaysIso, daysBetween } from '../model/iso-date.js';
import type { IsoDate, Patient, PsaMeasurement } from '../model/types.js';

/** Options of {@link psaAtLandmark}. */
export interface PsaLandmarkOptions {
  /** Landmark, in days after the sLND (default 42: 6 weeks). */
  readonly landmarkDays?: number;
  /** Largest distance from the landmark, in days, a value may have (default 14). */
  readonly toleranceDays?: number;
}

/** Result of {@link psaAtLandmark}. Absent values are null, never guessed. */
export interface PsaLandmarkResult {
  readonly patientId: string;
  /** surgery date + `landmarkDays`. */
  readonly targetDate: IsoDate;
  /**
   * The value closest to the target within the tolerance (the earlier one on a tie), among the
   * values drawn before the ADT start.
   */
  readonly measurement: PsaMeasurement | null;
  /** Why there is no landmark value; null when there is one. */
  readonly reason: string | null;
  readonly daysAfterSurgery: number | null;
  /** The last value on or before the surgery date, at most 90 days before it. */
  readonly baseline: PsaMeasurement | null;
  readonly baselineDaysBeforeSurgery: number | null;
  /**
   * 100 * (landmark / baseline - 1), so a fall to 0 is exactly -100 and never less; null without
   * both, with a zero baseline, or when the ratio overflows (a baseline near 0). For an
   * undetectable landmark it is computed from the detection limit, so it is an upper bound
   * (the true fall is at least as large): see `percentChangeIsBound`.
   */
  readonly percentChange: number | null;
  readonly percentChangeIsBound: boolean;
}

/** How far before the sLND a baseline PSA may be (days). */
export const BASELINE_WINDOW_DAYS = 90;

/**
 * The PSA at a landmark after the sLND: the protocol's primary endpoint is the PSA 6 weeks
 * (42 days) after surgery. Takes the measurement closest to surgery + `landmarkDays` within
 * +-`toleranceDays` (a tie goes to the earlier one), with the pre-sLND baseline (the last value
 * on or before the surgery date, within 90 days before it) and the percent change from it.
 *
 * PSA drawn on or after the start of androgen deprivation therapy (`adtStartDate`) measures the
 * therapy, not the surgery, so it is never the landmark value (the same rule as the doubling
 * time's, Arlen et al. 2008): when every value in the window is on ADT there is no landmark
 * value, and `reason` says so.
 *
 * @param patient - a patient (see `parseCohort`).
 * @param options - `landmarkDays` (42) and `toleranceDays` (14).
 * @throws {TypeError|RangeError} when the patient's dates or PSA values are malformed, or an
 *   option is not an integer >= 0 (naming it).
 * @example
 * psaAtLandmark({ id: 'P1', surgeryDate: '2024-01-10', psa: [
 *   { date: '2024-01-05', value: 2.0 }, { date: '2024-02-20', value: 0.5 }],
 *   complications: [], lastFollowUpDate: '2024-06-01' });
 * // => { measurement: { date: '2024-02-20', value: 0.5 }, daysAfterSurgery: 41,
 * //      baseline: { date: '2024-01-05', value: 2 }, percentChange: -75, ... }
 */
export function psaAtLandmark(
  patient: Patient,
  options: PsaLandmarkOptions = {},
): PsaLandmarkResult {
  assertPatientSeries('patient', patient);
  assertObject('options', options);
  const { landmarkDays = 42, toleranceDays = 14 } = options;
  assertInteger('options.landmarkDays', landmarkDays, 0);
  assertInteger('options.toleranceDays', toleranceDays, 0);

  const adt = patient.adtStartDate;
  let best: PsaMeasurement | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let onAdtInWindow: PsaMeasurement | null = null;
  let baseline: PsaMeasurement | null = null;
  for (const m of patient.psa) {
    const after = daysBetween(patient.surgeryDate, m.date);
    const distance = Math.abs(after - landmarkDays);
    if (distance <= toleranceDays && adt !== undefined && m.date >= adt) {
      onAdtInWindow ??= m;
    } else if (
      distance <= toleranceDays &&
      (distance < bestDistance ||
        (distance === bestDistance && best !== null && m.date < best.date))
    ) {
      best = m;
      bestDistance = distance;
    }
    if (
      after <= 0 &&
      after >= -BASELINE_WINDOW_DAYS &&
      (baseline === null || m.date > baseline.date)
    ) {
      baseline = m;
    }
  }

  // As a ratio, a fall to 0 is exactly -100 % (100 * (0 - b) / b rounds below -100 for some b).
  const ratio =
    best !== null && baseline !== null && baseline.value > 0 ? best.value / baseline.value : null;
  const percentChange = ratio !== null && Number.isFinite(ratio) ? 100 * (ratio - 1) : null;
  let reason: string | null = null;
  if (best === null) {
    reason =
      onAdtInWindow === null || adt === undefined
        ? `no PSA within day ${landmarkDays} +- ${toleranceDays} after the sLND`
        : `on ADT since day ${daysBetween(patient.surgeryDate, adt)}: every PSA within day ${landmarkDays} +- ${toleranceDays} was drawn on or after the ADT start`;
  }
  return {
    patientId: patient.id,
    targetDate: addDaysIso(patient.surgeryDate, landmarkDays),
    measurement: best === null ? null : { ...best },
    reason,
    daysAfterSurgery: best === null ? null : daysBetween(patient.surgeryDate, best.date),
    baseline: baseline === null ? null : { ...baseline },
    baselineDaysBeforeSurgery:
      baseline === null ? null : daysBetween(baseline.date, patient.surgeryDate),
    percentChange,
    percentChangeIsBound: percentChange !== null && best?.undetectable === true,
  };
}

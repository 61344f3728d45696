import { DAYS_PER_MONTH } from '../model/iso-date.js';
import type { PsaMeasurement } from '../model/types.js';
import { leastSquares } from '../stats/least-squares.js';
import { type PsaSelectionOptions, selectMeasurements } from './select-measurements.js';

/** Options of {@link psaDoublingTime}. */
export type PsaDoublingTimeOptions = PsaSelectionOptions;

/** Result of {@link psaDoublingTime}. */
export interface PsaDoublingTimeResult {
  /** `ok`: a positive slope; `non-rising`: slope <= 0; `insufficient`: too few values. */
  readonly status: 'ok' | 'non-rising' | 'insufficient';
  /** ln 2 / slope, in months; null unless status is `ok` (never negative or infinite). */
  readonly doublingTimeMonths: number | null;
  /** Least-squares slope of ln(PSA) per month; null when insufficient. */
  readonly slopePerMonth: number | null;
  /** R^2 of the log-linear fit; null when insufficient or PSA is constant. */
  readonly rSquared: number | null;
  /** Number of values used. */
  readonly n: number;
  /** The values used, sorted by date. */
  readonly used: PsaMeasurement[];
  /** Why the result is not `ok`. */
  readonly reason?: string;
}

/**
 * PSA doubling time by log-linear regression: the least-squares slope b of ln(PSA) on time in
 * months (days / 30.4375), and PSADT = ln 2 / b, as the MSKCC nomogram calculator and
 * Pound et al. (JAMA 1999) compute it; the slope is R's `coef(lm(log(psa) ~ months))[2]`.
 *
 * Values used: those dated within [from, to], detectable, >= minValue (0.2 ng/mL by default),
 * then at least `minMeasurements` (3) of them spanning at least `minSpanDays` (90) days.
 * A slope <= 0 is `non-rising` (the slope is kept, no doubling time: never a negative PSADT).
 *
 * @param measurements - PSA values in ng/mL, in any order.
 * @param options - selection rules (see {@link PsaSelectionOptions}).
 * @throws {TypeError|RangeError} when a measurement or option is malformed (naming it).
 * @example
 * psaDoublingTime(
 *   [{ date: '2024-01-01', value: 0.2 }, { date: '2024-03-01', value: 0.4 },
 *    { date: '2024-04-30', value: 0.8 }],
 *   { minSpanDays: 0 },
 * ).doublingTimeMonths; // => 1.97125... (60 / 30.4375)
 */
export function psaDoublingTime(
  measurements: readonly PsaMeasurement[],
  options: PsaDoublingTimeOptions = {},
): PsaDoublingTimeResult {
  const { used, days, reason } = selectMeasurements(measurements, options, {
    minMeasurements: 3,
    minSpanDays: 90,
    minValue: 0.2,
  });
  const fit =
    reason === undefined
      ? leastSquares(
          days.map((d) => d / DAYS_PER_MONTH),
          used.map((m) => Math.log(m.value)),
        )
      : null;
  if (fit === null) {
    return {
      status: 'insufficient',
      doublingTimeMonths: null,
      slopePerMonth: null,
      rSquared: null,
      n: used.length,
      used,
      reason: reason ?? 'the values used have no spread in time',
    };
  }
  if (!(fit.slope > 0)) {
    return {
      status: 'non-rising',
      doublingTimeMonths: null,
      slopePerMonth: fit.slope,
      rSquared: fit.rSquared,
      n: used.length,
      used,
      reason: 'PSA is not rising (log-slope <= 0): the doubling time is undefined',
    };
  }
  return {
    status: 'ok',
    doublingTimeMonths: Math.LN2 / fit.slope,
    slopePerMonth: fit.slope,
    rSquared: fit.rSquared,
    n: used.length,
    used,
  };
}

import { DAYS_PER_YEAR } from '../model/iso-date.js';
import type { PsaMeasurement } from '../model/types.js';
import { leastSquares } from '../stats/least-squares.js';
import { type PsaSelectionOptions, selectMeasurements } from './select-measurements.js';

/** Options of {@link psaVelocity}. */
export type PsaVelocityOptions = PsaSelectionOptions;

/** Result of {@link psaVelocity}. */
export interface PsaVelocityResult {
  readonly status: 'ok' | 'insufficient';
  /** Least-squares slope of PSA on time, in ng/mL per year (365.25 days); may be negative. */
  readonly velocityPerYear: number | null;
  /** R^2 of the linear fit; null when insufficient or PSA is constant. */
  readonly rSquared: number | null;
  readonly n: number;
  readonly used: PsaMeasurement[];
  readonly reason?: string;
}

/**
 * PSA velocity: the least-squares slope of PSA (ng/mL) on time in years (days / 365.25), as
 * R's `coef(lm(psa ~ years))[2]` (the regression definition of Connolly et al., BJU Int 2008).
 *
 * Values are selected as for {@link psaDoublingTime} (window, detectable, >= minValue
 * 0.2 ng/mL, span >= 90 days) except that `minMeasurements` defaults to 2.
 *
 * @param measurements - PSA values in ng/mL, in any order.
 * @param options - selection rules.
 * @throws {TypeError|RangeError} when a measurement or option is malformed (naming it).
 * @example
 * psaVelocity([{ date: '2023-01-01', value: 1 }, { date: '2024-01-01', value: 2 }])
 *   .velocityPerYear; // => 0.99931... (1 ng/mL over 365 days)
 */
export function psaVelocity(
  measurements: readonly PsaMeasurement[],
  options: PsaVelocityOptions = {},
): PsaVelocityResult {
  const { used, days, reason } = selectMeasurements(measurements, options, {
    minMeasurements: 2,
    minSpanDays: 90,
    minValue: 0.2,
  });
  const fit =
    reason === undefined
      ? leastSquares(
          days.map((d) => d / DAYS_PER_YEAR),
          used.map((m) => m.value),
        )
      : null;
  if (fit === null) {
    return {
      status: 'insufficient',
      velocityPerYear: null,
      rSquared: null,
      n: used.length,
      used,
      reason: reason ?? 'the values used have no spread in time',
    };
  }
  return { status: 'ok', velocityPerYear: fit.slope, rSquared: fit.rSquared, n: used.length, used };
}

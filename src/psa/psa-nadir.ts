import { assertObject } from '../_lib/assert.js';
import { assertMeasurements } from '../model/assert-series.js';
import { assertIsoDate } from '../model/iso-date.js';
import type { IsoDate, PsaMeasurement } from '../model/types.js';

/**
 * The PSA nadir: the lowest value dated on or after `onOrAfter` (all values when omitted),
 * the earliest one on a tie. An undetectable result counts with its recorded detection limit,
 * an upper bound of the true value, so an undetectable PSA is a nadir at that limit.
 *
 * @param measurements - PSA values in ng/mL, in any order.
 * @param options.onOrAfter - first date considered (inclusive), e.g. the surgery date.
 * @returns a copy of the nadir measurement, or null when no value qualifies.
 * @throws {TypeError|RangeError} when a measurement or `onOrAfter` is malformed.
 * @example
 * psaNadir([{ date: '2024-01-01', value: 3 }, { date: '2024-03-01', value: 0.1 },
 *   { date: '2024-06-01', value: 0.4 }], { onOrAfter: '2024-01-15' });
 * // => { date: '2024-03-01', value: 0.1 }
 */
export function psaNadir(
  measurements: readonly PsaMeasurement[],
  options: { readonly onOrAfter?: IsoDate } = {},
): PsaMeasurement | null {
  assertMeasurements('measurements', measurements);
  assertObject('options', options);
  const { onOrAfter } = options;
  if (onOrAfter !== undefined) assertIsoDate('options.onOrAfter', onOrAfter);
  let nadir: PsaMeasurement | null = null;
  for (const m of measurements) {
    if (onOrAfter !== undefined && m.date < onOrAfter) continue;
    if (
      nadir === null ||
      m.value < nadir.value ||
      (m.value === nadir.value && m.date < nadir.date)
    ) {
      nadir = m;
    }
  }
  return nadir === null ? null : { ...nadir };
}

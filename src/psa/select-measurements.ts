import { assertInteger, assertNonNegative, assertObject } from '../_lib/assert.js';
import { assertMeasurements } from '../model/assert-series.js';
import { assertIsoDate, daysBetween } from '../model/iso-date.js';
import type { IsoDate, PsaMeasurement } from '../model/types.js';
import { isValidated } from '../model/validated-patients.js';

/** Which PSA values a kinetics calculation uses. */
export interface PsaSelectionOptions {
  /** Fewest values needed for an estimate. */
  readonly minMeasurements?: number;
  /** Fewest days between the first and the last value used. */
  readonly minSpanDays?: number;
  /** Values below this (ng/mL), and undetectable ones, are left out. */
  readonly minValue?: number;
  /** First date used (inclusive). */
  readonly from?: IsoDate;
  /** Last date used (inclusive). */
  readonly to?: IsoDate;
}

/** The values a kinetics estimate uses, sorted by date, or why there are not enough. */
export interface PsaSelection {
  readonly used: PsaMeasurement[];
  /** Days from the first used value, one per used value. */
  readonly days: number[];
  /** Why the selection is insufficient; undefined when it is enough. */
  readonly reason?: string;
}

/**
 * Checks the arguments of a kinetics function and selects its values: inside [from, to],
 * detectable, >= minValue and > 0 (a logarithm needs a positive value); then applies the
 * count and span rules. Shared by the PSA doubling time and velocity.
 */
export function selectMeasurements(
  measurements: unknown,
  options: unknown,
  defaults: Required<Pick<PsaSelectionOptions, 'minMeasurements' | 'minSpanDays' | 'minValue'>>,
): PsaSelection {
  assertMeasurements('measurements', measurements);
  assertObject('options', options);
  const o = options as PsaSelectionOptions;
  const minMeasurements = o.minMeasurements ?? defaults.minMeasurements;
  const minSpanDays = o.minSpanDays ?? defaults.minSpanDays;
  const minValue = o.minValue ?? defaults.minValue;
  assertInteger('options.minMeasurements', minMeasurements, 2);
  assertNonNegative('options.minSpanDays', minSpanDays);
  assertNonNegative('options.minValue', minValue);
  if (o.from !== undefined) assertIsoDate('options.from', o.from);
  if (o.to !== undefined) assertIsoDate('options.to', o.to);

  // A validated series is sorted by date and its items frozen: they are shared, not copied,
  // and need no sort (the report reads 10^6 of them).
  const trusted = isValidated(measurements);
  const used: PsaMeasurement[] = [];
  for (const m of measurements) {
    if (
      (o.from === undefined || m.date >= o.from) &&
      (o.to === undefined || m.date <= o.to) &&
      m.undetectable !== true &&
      m.value >= minValue &&
      m.value > 0
    ) {
      used.push(trusted ? m : { ...m });
    }
  }
  if (!trusted) used.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const first = used[0];
  const days = first === undefined ? [] : used.map((m) => daysBetween(first.date, m.date));
  const span = days.length > 0 ? (days[days.length - 1] as number) : 0;
  let reason: string | undefined;
  if (used.length < minMeasurements) {
    reason =
      `needs at least ${minMeasurements} detectable values >= ${minValue} ng/mL` +
      `${windowText(o)}; found ${used.length}`;
  } else if (span < minSpanDays) {
    reason = `the values used span ${span} days; at least ${minSpanDays} are needed`;
  } else if (span === 0) {
    reason = 'all values used are from one date; a slope needs two dates';
  }
  return reason === undefined ? { used, days } : { used, days, reason };
}

function windowText(o: PsaSelectionOptions): string {
  if (o.from !== undefined && o.to !== undefined) return ` from ${o.from} to ${o.to}`;
  if (o.from !== undefined) return ` from ${o.from}`;
  if (o.to !== undefined) return ` up to ${o.to}`;
  return '';
}

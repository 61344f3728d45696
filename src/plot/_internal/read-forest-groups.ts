import {
  assertArray,
  assertFiniteNumber,
  assertInteger,
  assertObject,
  assertOneOf,
} from '../../_lib/assert.js';
import { describeValue } from '../../_lib/describe-value.js';
import { assertString } from './plot-options.js';

// Internal: checks the input of forestPlot.

/** The model a ratio comes from: a hazard ratio (`'cox'`) or an odds ratio (`'logistic'`). */
export type ForestModel = 'cox' | 'logistic';

/** One row, checked: `reason` filled in (null when not given). */
export interface ForestRowChecked {
  readonly label: string;
  readonly model: ForestModel;
  readonly n: number;
  readonly events: number;
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly pValue: number | null;
  readonly reason: string | null;
}

/** One group, checked. */
export interface ForestGroupChecked {
  readonly title: string;
  readonly rows: readonly ForestRowChecked[];
}

/**
 * Checks `groups`: each `{ title, rows }`; each row a label, a model, counts (events <= n),
 * a ratio estimate > 0 or null, limits >= 0 or null with lower <= estimate <= upper, and a
 * p-value in [0, 1] or null.
 */
export function readForestGroups(groups: unknown): ForestGroupChecked[] {
  assertArray('groups', groups);
  return groups.map((g, i) => {
    const name = `groups[${i}]`;
    assertObject(name, g);
    const { title, rows } = g as Record<string, unknown>;
    assertString(`${name}.title`, title);
    assertArray(`${name}.rows`, rows);
    return { title, rows: rows.map((r, k) => readRow(`${name}.rows[${k}]`, r)) };
  });
}

function readRow(name: string, row: unknown): ForestRowChecked {
  assertObject(name, row);
  const { label, model, n, events, estimate, lower, upper, pValue, reason } = row as Record<
    string,
    unknown
  >;
  assertString(`${name}.label`, label);
  assertOneOf(`${name}.model`, model, ['cox', 'logistic'] as const);
  assertInteger(`${name}.n`, n, 0);
  assertInteger(`${name}.events`, events, 0);
  if (events > n) {
    throw new RangeError(
      `${name}.events must be <= its n (${n}). Value: ${describeValue(events)}.`,
    );
  }
  const est = readRatio(`${name}.estimate`, estimate, false);
  const lo = readRatio(`${name}.lower`, lower, true);
  const hi = readRatio(`${name}.upper`, upper, false);
  if (lo !== null && hi !== null && lo > hi) {
    throw new RangeError(
      `${name}.lower must be <= its upper (${describeValue(hi)}). Value: ${describeValue(lo)}.`,
    );
  }
  if (est !== null && lo !== null && lo > est) {
    throw new RangeError(
      `${name}.lower must be <= its estimate (${describeValue(est)}). Value: ${describeValue(lo)}.`,
    );
  }
  if (est !== null && hi !== null && hi < est) {
    throw new RangeError(
      `${name}.upper must be >= its estimate (${describeValue(est)}). Value: ${describeValue(hi)}.`,
    );
  }
  let p: number | null = null;
  if (pValue !== null && pValue !== undefined) {
    assertFiniteNumber(`${name}.pValue`, pValue);
    if (pValue < 0 || pValue > 1) {
      throw new RangeError(`${name}.pValue must be in [0, 1]. Value: ${describeValue(pValue)}.`);
    }
    p = pValue;
  }
  if (reason !== undefined) assertString(`${name}.reason`, reason);
  return {
    label,
    model,
    n,
    events,
    estimate: est,
    lower: lo,
    upper: hi,
    pValue: p,
    reason: reason ?? null,
  };
}

/** A ratio: null (or absent), else a finite number > 0 (>= 0 for a lower limit). */
function readRatio(name: string, value: unknown, zeroAllowed: boolean): number | null {
  if (value === null || value === undefined) return null;
  assertFiniteNumber(name, value);
  if (zeroAllowed ? value < 0 : value <= 0) {
    throw new RangeError(
      `${name} must be ${zeroAllowed ? '>= 0' : '> 0'} (a ratio) or null. Value: ${describeValue(value)}.`,
    );
  }
  return value;
}

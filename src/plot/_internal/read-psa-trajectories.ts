import { assertArray, assertFiniteNumber, assertObject } from '../../_lib/assert.js';
import { describeValue } from '../../_lib/describe-value.js';
import { assertString, readBoolean } from './plot-options.js';

// Internal: checks the input and options of psaTrajectoriesPlot.

/** One PSA value, checked. */
export interface PsaPoint {
  readonly months: number;
  readonly value: number;
  readonly undetectable: boolean;
}

/** A patient's series checked: points in order of time, ADT start null when not given. */
export interface PsaSeries {
  readonly patientId: string;
  readonly points: readonly PsaPoint[];
  readonly adtStartMonths: number | null;
}

/**
 * The PSA range drawn, in ng/mL: no assay reports a PSA below 0.0001 ng/mL (the ultrasensitive
 * ones stop at 0.001-0.01) and metastatic disease seldom passes 10,000. The bounds keep the log
 * axis within 11 decades and every logarithm finite (a value of 1e-320 has none in floating
 * point). A point's PSA may be any number >= 0: 0 and values below 0.0001 are drawn at the axis
 * floor, values above 1,000,000 at 1,000,000; reference lines must lie within the range.
 */
export const MIN_PSA = 1e-4;
export const MAX_PSA = 1e6;
/** The longest span of months, as kaplanMeierPlot's maxTime: 300 years either side of the sLND. */
const MAX_MONTHS = 3600;
/** Highlighted patients: one Okabe-Ito colour each. */
export const MAX_HIGHLIGHT = 6;

/** Checks `series`: arrays, unique ids, months and PSA values in range; sorts each by time. */
export function readPsaTrajectories(series: unknown): PsaSeries[] {
  assertArray('series', series);
  const seen = new Map<string, number>();
  return series.map((s, i) => {
    const name = `series[${i}]`;
    assertObject(name, s);
    const { patientId, points, adtStartMonths } = s as Record<string, unknown>;
    assertString(`${name}.patientId`, patientId);
    const earlier = seen.get(patientId);
    if (earlier !== undefined) {
      throw new RangeError(
        `${name}.patientId repeats series[${earlier}].patientId: one series per patient. Value: ${describeValue(patientId)}.`,
      );
    }
    seen.set(patientId, i);
    assertArray(`${name}.points`, points);
    const checked = points.map((pt, k) => readPoint(`${name}.points[${k}]`, pt));
    let adt: number | null = null;
    if (adtStartMonths !== undefined && adtStartMonths !== null) {
      assertMonths(`${name}.adtStartMonths`, adtStartMonths);
      adt = adtStartMonths;
    }
    // A stable sort: values measured at the same time keep their input order.
    return { patientId, points: checked.sort((a, b) => a.months - b.months), adtStartMonths: adt };
  });
}

function readPoint(name: string, pt: unknown): PsaPoint {
  assertObject(name, pt);
  const { months, value, undetectable } = pt as Record<string, unknown>;
  assertMonths(`${name}.months`, months);
  assertFiniteNumber(`${name}.value`, value);
  if (value < 0) {
    throw new RangeError(`${name}.value must be >= 0 ng/mL. Value: ${describeValue(value)}.`);
  }
  // Any PSA the model accepts is drawn: below the range as 0 (at the axis floor), above it at
  // its top. A report of valid data never fails on a PSA of 1e-300 or 1e300.
  const drawn = value < MIN_PSA ? 0 : Math.min(value, MAX_PSA);
  return {
    months,
    value: drawn,
    undetectable: readBoolean(`${name}.undetectable`, undetectable, false),
  };
}

function assertMonths(name: string, value: unknown): asserts value is number {
  assertFiniteNumber(name, value);
  if (Math.abs(value) > MAX_MONTHS) {
    throw new RangeError(
      `${name} must be within ±${MAX_MONTHS} months of the sLND (300 years). Value: ${describeValue(value)}.`,
    );
  }
}

/** Throws unless `value` is a PSA in [0.0001, 1,000,000] ng/mL, or 0 when `zeroAllowed`. */
export function assertPsa(
  name: string,
  value: unknown,
  zeroAllowed: boolean,
): asserts value is number {
  assertFiniteNumber(name, value);
  if ((value === 0 && zeroAllowed) || (value >= MIN_PSA && value <= MAX_PSA)) return;
  throw new RangeError(
    `${name} must be ${zeroAllowed ? '0 or ' : ''}in [${MIN_PSA}, ${MAX_PSA}] ng/mL. Value: ${describeValue(value)}.`,
  );
}

/** `options.referenceLines`: PSA values in ng/mL, each in [0.0001, 1,000,000]. */
export function readReferenceLines(value: unknown): number[] {
  if (value === undefined) return [0.2];
  assertArray('options.referenceLines', value);
  return value.map((v, i) => {
    assertPsa(`options.referenceLines[${i}]`, v, false);
    return v;
  });
}

/** `options.highlight`: at most six distinct patient ids, each of a series. */
export function readHighlight(value: unknown, list: readonly PsaSeries[]): string[] {
  if (value === undefined) return [];
  assertArray('options.highlight', value);
  if (value.length > MAX_HIGHLIGHT) {
    throw new RangeError(
      `options.highlight must name at most ${MAX_HIGHLIGHT} patients (one colour each). Value: ${describeValue(value)}.`,
    );
  }
  const ids = new Set(list.map((p) => p.patientId));
  const chosen = new Set<string>();
  return value.map((id, i) => {
    assertString(`options.highlight[${i}]`, id);
    if (!ids.has(id)) {
      throw new RangeError(
        `options.highlight[${i}] must be the patientId of a series. Value: ${describeValue(id)}.`,
      );
    }
    if (chosen.has(id)) {
      throw new RangeError(`options.highlight[${i}] is named twice. Value: ${describeValue(id)}.`);
    }
    chosen.add(id);
    return id;
  });
}

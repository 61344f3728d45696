// Internal: the log-scale ratio axis of forestPlot, and how its numbers are written. The ends
// of a default axis are on the 1-2-5 sequence (0.01, 0.02, 0.05, 0.1 ... 50, 100), so they
// are ticks; the axis always holds 1, where the reference line is drawn.

/** The default axis never goes past 1/100 or 100: wider limits are drawn as arrows. */
const DEFAULT_AXIS_MIN = 0.01;
const DEFAULT_AXIS_MAX = 100;

/** Bounds of a given `axisRange`: twelve decades, so every coordinate is an ordinary number. */
export const AXIS_FLOOR = 1e-6;
export const AXIS_CEILING = 1e6;

/** The axis: its ends and ticks, as ratios. */
export interface RatioAxis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/** `m` x 10^k exactly as written in decimal (0.1 * 3 is 0.30000000000000004). */
function decimal(m: number, k: number): number {
  return Number(`${m}e${k}`);
}

/** The 1-2-5 values from 10^lowK to 10^highK, ascending. */
function oneTwoFive(lowK: number, highK: number): number[] {
  const out: number[] = [];
  for (let k = lowK; k <= highK; k++) for (const m of [1, 2, 5]) out.push(decimal(m, k));
  return out;
}

const STEPS = oneTwoFive(-2, 2).filter((v) => v <= DEFAULT_AXIS_MAX);

/**
 * The default axis for ratios from `low` to `high` (each > 0, either may be 1): 1 is always
 * inside; the ends are moved out to the 1-2-5 sequence, at least [0.5, 2], and clamped to
 * [0.01, 100].
 */
export function defaultRatioRange(low: number, high: number): [number, number] {
  const lo = Math.min(low, 0.5);
  const hi = Math.max(high, 2);
  let min = DEFAULT_AXIS_MIN;
  for (const s of STEPS) if (s <= lo) min = s;
  let max = DEFAULT_AXIS_MAX;
  for (let i = STEPS.length - 1; i >= 0; i--) if (STEPS[i]! >= hi) max = STEPS[i]!;
  return [min, max];
}

/**
 * The ticks of an axis from `min` to `max` (min <= 1 <= max): the 1-2-5 values inside it when
 * it spans at most two decades, else the powers of ten inside it and each end that is a 1-2-5
 * value at least a fifth of a decade from them (so the default axis is labelled at its ends).
 */
export function ratioAxis(min: number, max: number): RatioAxis {
  const lowK = Math.floor(Math.log10(min)) - 1;
  const highK = Math.ceil(Math.log10(max)) + 1;
  const inside = (t: number): boolean => t >= min * (1 - 1e-12) && t <= max * (1 + 1e-12);
  const steps = oneTwoFive(lowK, highK);
  if (max / min <= 100 * (1 + 1e-12)) return { min, max, ticks: steps.filter(inside) };
  const powers = Array.from({ length: highK - lowK + 1 }, (_, i) => decimal(1, lowK + i));
  const ticks = powers.filter(inside);
  const apart = (end: number): boolean =>
    steps.includes(end) && ticks.every((t) => Math.abs(Math.log10(end / t)) >= 0.2);
  if (apart(min)) ticks.unshift(min);
  if (apart(max)) ticks.push(max);
  return { min, max, ticks };
}

/** A tick label: the shortest decimal ("0.05", "1", "20"). */
export function formatTick(value: number): string {
  return String(value);
}

/**
 * A ratio or limit for the text column: 2 decimals from 0.01 up to 100 ("0.80", "1.90"), whole
 * numbers from 100 up to a million ("150"), 2 significant digits below 0.01 ("0.0012"),
 * exponent form beyond ("3.4e+07", "1.2e-08"); 0 is "0" and null is "NA".
 */
export function formatRatio(value: number | null): string {
  if (value === null) return 'NA';
  if (value === 0) return '0';
  if (value >= 1e6 || value < 1e-6) return value.toExponential(1);
  if (value >= 99.995) return String(Math.round(value));
  if (value < 0.00995) return String(Number(value.toPrecision(2)));
  return value.toFixed(2);
}

/** A p-value for the text column: 4 decimals, "<0.0001" below, "NA" for null. */
export function formatP(value: number | null): string {
  if (value === null) return 'NA';
  return value < 0.00005 ? '<0.0001' : value.toFixed(4);
}

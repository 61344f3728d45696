import { assertFiniteNumber, assertObject } from '../../_lib/assert.js';
import { describeValue } from '../../_lib/describe-value.js';

/** Options every plot takes. */
export interface PlotOptions {
  /** Width of the SVG in pixels (also the viewBox width). */
  readonly width?: number;
  /** Height of the SVG in pixels (also the viewBox height). */
  readonly height?: number;
  /** A heading drawn above the plot; also the SVG's accessible `<title>`. Default: none drawn. */
  readonly title?: string;
  /** Horizontal axis label. */
  readonly xLabel?: string;
  /** Vertical axis label. */
  readonly yLabel?: string;
  /**
   * Prefix of every `id` in the SVG (its `<title>`, `<desc>`, patterns). Give each plot on one
   * HTML page its own prefix: inline SVGs share the page's id space. A letter, then letters,
   * digits, `-` or `_`.
   */
  readonly idPrefix?: string;
}

/** Options after the checks, defaults filled in. */
export interface ResolvedPlotOptions {
  readonly width: number;
  readonly height: number;
  readonly title: string | null;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly idPrefix: string;
}

const ID_PREFIX = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * The largest width or height of a plot, in pixels: about ten 4K screens (3,840 pixels) side by
 * side, far beyond any page. A bound keeps every coordinate an ordinary number: a width of 1e308
 * wrote `Infinity` into the SVG (issue 11 item 13).
 */
export const MAX_PLOT_SIZE = 40_000;

/** Throws unless `value` is a string. */
export function assertString(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw new TypeError(`${name} must be a string. Value: ${describeValue(value)}.`);
  }
}

/**
 * Checks the shared options and fills in the plot's defaults. The id prefix is restricted to
 * a safe pattern (not merely escaped) because it also appears inside `url(#...)` references.
 */
export function readPlotOptions(
  options: unknown,
  defaults: Omit<ResolvedPlotOptions, 'title'>,
): ResolvedPlotOptions {
  assertObject('options', options);
  const o = options as PlotOptions;
  const width = o.width ?? defaults.width;
  const height = o.height ?? defaults.height;
  assertFiniteNumber('options.width', width);
  assertFiniteNumber('options.height', height);
  if (width < 200) {
    throw new RangeError(`options.width must be >= 200. Value: ${describeValue(width)}.`);
  }
  if (height < 150) {
    throw new RangeError(`options.height must be >= 150. Value: ${describeValue(height)}.`);
  }
  if (width > MAX_PLOT_SIZE) {
    throw new RangeError(
      `options.width must be <= ${MAX_PLOT_SIZE} pixels. Value: ${describeValue(width)}.`,
    );
  }
  if (height > MAX_PLOT_SIZE) {
    throw new RangeError(
      `options.height must be <= ${MAX_PLOT_SIZE} pixels. Value: ${describeValue(height)}.`,
    );
  }
  const title = o.title ?? null;
  if (title !== null) assertString('options.title', title);
  const xLabel = o.xLabel ?? defaults.xLabel;
  const yLabel = o.yLabel ?? defaults.yLabel;
  assertString('options.xLabel', xLabel);
  assertString('options.yLabel', yLabel);
  const idPrefix = o.idPrefix ?? defaults.idPrefix;
  assertString('options.idPrefix', idPrefix);
  if (!ID_PREFIX.test(idPrefix)) {
    throw new RangeError(
      `options.idPrefix must be a letter followed by up to 63 letters, digits, '-' or '_'. Value: ${describeValue(idPrefix)}.`,
    );
  }
  return { width, height, title, xLabel, yLabel, idPrefix };
}

/** Throws unless `value` is undefined or a boolean; returns it or `fallback`. */
export function readBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new TypeError(`${name} must be a boolean. Value: ${describeValue(value)}.`);
  }
  return value;
}

import { scaleBand, scaleLinear } from 'd3-scale';
import { assertArray, assertFiniteNumber, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { heading, type PlotBox, xAxis, yAxis } from './_internal/axes.js';
import { type LegendItem, legend } from './_internal/legend.js';
import { OKABE_ITO } from './_internal/palette.js';
import {
  assertString,
  type PlotOptions,
  type ResolvedPlotOptions,
  readBoolean,
  readPlotOptions,
} from './_internal/plot-options.js';
import { shortId } from './_internal/short-id.js';
import {
  element,
  formatNumber,
  svgDocument,
  textElement,
  textWidth,
  titleElement,
} from './_internal/svg.js';

/** One patient's bar of {@link waterfallPlot}. */
export interface WaterfallBar {
  /** Patient identifier: the bar's tooltip, and its axis label when there are at most 40 bars. */
  readonly patientId: string;
  /** Percent change of PSA from the pre-sLND value (e.g. 6 weeks after sLND): >= -100. */
  readonly percentChange: number;
  /**
   * The post-sLND PSA was below the assay's detection limit, so `percentChange` (computed at
   * the limit) is a bound: the true decline is at least this large. Drawn hatched.
   */
  readonly undetectable?: boolean;
}

/** Options of {@link waterfallPlot}. */
export interface WaterfallPlotOptions extends PlotOptions {
  /** Percent changes drawn as dashed horizontal lines, each in [-100, clampAt]. Default [-50]. */
  readonly referenceLines?: readonly number[];
  /** Top of the y axis, in percent (> 0, at most 1,000,000): larger rises are drawn to it and marked. Default 100. */
  readonly clampAt?: number;
  /** Write the ids under the bars. Default: only when there are at most 40 bars. */
  readonly showIds?: boolean;
}

const RISE = OKABE_ITO[1]; // vermillion
const FALL = OKABE_ITO[0]; // blue

/**
 * The highest `clampAt`, in percent: a 10,001-fold rise. Beyond it the falls (-100..0) would be
 * squashed under a pixel whatever the height, and a clampAt of 1e308 wrote `Infinity` into the
 * SVG (issue 11 item 13). Larger rises are still drawn, cut at the top and marked.
 */
const MAX_CLAMP_AT = 1_000_000;

/**
 * Draws a waterfall plot of PSA response as a standalone SVG string: one bar per patient from
 * 0 to the percent change of PSA from the pre-sLND value, sorted from the largest rise (left)
 * to the largest fall (right), as in PSA-response waterfall plots of prostate cancer trials
 * (PCWG3, Scher et al., J Clin Oncol 2016;34:1402-18).
 *
 * Rules: rises are vermillion, falls blue (Okabe-Ito); a bar whose post-sLND PSA was
 * undetectable is hatched, since its change is a bound. The y axis runs from -100% to
 * `clampAt` (+100% by default): a larger rise is drawn to the top and marked with a triangle.
 * A bar of exactly 0% is drawn 1 pixel high so the patient stays visible. 0% is a solid line;
 * `referenceLines` (default -50%) are dashed and labelled on the right. Ties keep the input
 * order (the sort is stable). Each bar carries a `<title>` tooltip with its id and value; ids
 * are written under the bars only when there are at most 40 (cut to 16 characters). The
 * output is deterministic (coordinates rounded to 2 decimals; ids derive from `idPrefix`).
 *
 * @param bars One `{ patientId, percentChange, undetectable? }` per patient; may be empty.
 * @param options Size (`width` 720, `height` 420), `title`, `xLabel` ("Patients, by PSA
 *   change"), `yLabel` ("Change from pre-sLND PSA (%)"), `referenceLines`, `clampAt`, `showIds`
 *   and `idPrefix` (default "slnd-waterfall").
 * @returns The SVG document as a string.
 * @throws {TypeError} when `bars` is not an array, a bar not an object, an id not a string, a
 *   change not a number, `undetectable` not a boolean, or an option has the wrong type.
 * @throws {RangeError} naming the entry: a change that is NaN, infinite or below -100, a
 *   `clampAt` <= 0 or above 1,000,000 (`MAX_CLAMP_AT`), a reference line outside
 *   [-100, clampAt], or a size too small or above 40,000 pixels (`MAX_PLOT_SIZE`).
 * @example
 * const svg = waterfallPlot([
 *   { patientId: 'P01', percentChange: -95, undetectable: true },
 *   { patientId: 'P02', percentChange: 40 },
 *   { patientId: 'P03', percentChange: -60 },
 * ]);
 * svg.includes('<title>P02: +40%</title>'); // => true
 */
export function waterfallPlot(
  bars: readonly WaterfallBar[],
  options: WaterfallPlotOptions = {},
): string {
  const list = readBars(bars);
  const { base, clampAt, referenceLines, showIds } = readWaterfallOptions(options, list.length);
  const { width, height, title, idPrefix } = base;

  const sorted = [...list].sort((a, b) => b.percentChange - a.percentChange);
  const anyClipped = sorted.some((b) => b.percentChange > clampAt);
  const anyUndetectable = sorted.some((b) => b.undetectable);
  const hatchId = `${idPrefix}-undetectable`;

  const left = 68;
  const right = 56;
  const legendTop = title === null ? 10 : 32;
  const items = legendItems(clampAt, anyUndetectable, anyClipped, hatchId);
  const key = legend(items, left, legendTop, width - left - right);
  // Room above the plot for the triangles marking clipped bars.
  const top = legendTop + key.height + (anyClipped ? 22 : 12);
  const idSpace = showIds ? widestId(sorted) + 12 : 8;
  const bottom = idSpace + 30;
  const box: PlotBox = { left, top, right: width - right, bottom: height - bottom };
  if (box.bottom - box.top < 100) {
    throw new RangeError(
      `options.height leaves less than 100 pixels for the bars. Value: ${describeValue(height)}.`,
    );
  }

  const x = scaleBand<number>()
    .domain(sorted.map((_, i) => i))
    .range([box.left, box.right])
    .paddingInner(0.15)
    .paddingOuter(0.1);
  const y = scaleLinear().domain([-100, clampAt]).range([box.bottom, box.top]);
  const zero = y(0);
  const frame: BarFrame = { box, y, zero, barWidth: x.bandwidth(), clampAt, hatchId };
  const layers = barLayers(sorted, (i) => x(i)!, frame, showIds);

  const parts = [
    yAxis(box, y, y.ticks(8), (v) => `${signed(v)}`, base.yLabel),
    xAxis(box, () => 0, [], null, base.xLabel, idSpace + 22),
    element('g', { class: 'waterfall-bars' }, layers.rects.join('')),
    element('g', { class: 'waterfall-marks' }, layers.marks.join('')),
    element('g', { class: 'waterfall-ids' }, layers.labels.join('')),
    element('g', { class: 'waterfall-references' }, referenceMarkup(referenceLines, box, y)),
    element('line', {
      class: 'waterfall-zero',
      x1: box.left,
      x2: box.right,
      y1: zero,
      y2: zero,
      stroke: '#222222',
    }),
    key.markup,
  ];
  if (title !== null) parts.unshift(heading(title, width));
  if (sorted.length === 0) {
    parts.push(
      textElement(
        { x: (box.left + box.right) / 2, y: zero - 8, 'text-anchor': 'middle', fill: '#555555' },
        'No patients',
      ),
    );
  }
  return svgDocument({
    width,
    height,
    idPrefix,
    title: title ?? 'PSA change after sLND',
    description: describeWaterfall(sorted, clampAt, anyUndetectable, anyClipped),
    ...(anyUndetectable ? { defs: hatchPattern(hatchId) } : {}),
    body: parts.join('\n'),
  });
}

/** The options of {@link waterfallPlot} checked, with their defaults. */
function readWaterfallOptions(
  options: WaterfallPlotOptions,
  bars: number,
): {
  base: ResolvedPlotOptions;
  clampAt: number;
  referenceLines: readonly number[];
  showIds: boolean;
} {
  const base = readPlotOptions(options, {
    width: 720,
    height: 420,
    xLabel: 'Patients, by PSA change',
    yLabel: 'Change from pre-sLND PSA (%)',
    idPrefix: 'slnd-waterfall',
  });
  const clampAt = options.clampAt ?? 100;
  assertFiniteNumber('options.clampAt', clampAt);
  if (clampAt <= 0 || clampAt > MAX_CLAMP_AT) {
    throw new RangeError(
      `options.clampAt must be > 0 and <= ${MAX_CLAMP_AT} (percent). Value: ${describeValue(clampAt)}.`,
    );
  }
  const referenceLines = options.referenceLines ?? [-50];
  assertArray('options.referenceLines', referenceLines);
  referenceLines.forEach((r, i) => {
    assertFiniteNumber(`options.referenceLines[${i}]`, r);
    if (r < -100 || r > clampAt) {
      throw new RangeError(
        `options.referenceLines[${i}] must be in [-100, options.clampAt = ${formatNumber(clampAt)}]. Value: ${describeValue(r)}.`,
      );
    }
  });
  const showIds = readBoolean('options.showIds', options.showIds, bars <= 40);
  return { base, clampAt, referenceLines, showIds };
}

function readBars(bars: unknown): WaterfallBar[] {
  assertArray('bars', bars);
  return bars.map((b, i) => {
    assertObject(`bars[${i}]`, b);
    const { patientId, percentChange, undetectable } = b as Record<string, unknown>;
    assertString(`bars[${i}].patientId`, patientId);
    assertFiniteNumber(`bars[${i}].percentChange`, percentChange);
    if (percentChange < -100) {
      throw new RangeError(
        `bars[${i}].percentChange must be >= -100 (PSA cannot fall below 0). Value: ${describeValue(percentChange)}.`,
      );
    }
    return {
      patientId,
      percentChange,
      undetectable: readBoolean(`bars[${i}].undetectable`, undetectable, false),
    };
  });
}

/** The legend: rise and fall, then the hatching and the cut marker when some bar needs them. */
function legendItems(
  clampAt: number,
  anyUndetectable: boolean,
  anyClipped: boolean,
  hatchId: string,
): LegendItem[] {
  const items: LegendItem[] = [
    { label: 'PSA rise', swatch: { kind: 'rect', fill: RISE } },
    { label: 'PSA fall', swatch: { kind: 'rect', fill: FALL } },
  ];
  if (anyUndetectable) {
    items.push({
      label: 'Undetectable PSA (change is a bound)',
      swatch: { kind: 'rect', fill: `url(#${hatchId})`, stroke: FALL },
    });
  }
  if (anyClipped) {
    items.push({
      label: `Rise above +${formatNumber(clampAt)}% (cut)`,
      swatch: { kind: 'triangle', colour: RISE },
    });
  }
  return items;
}

/** The width of the widest id label under the bars. */
function widestId(bars: readonly WaterfallBar[]): number {
  // A loop, not Math.max(...bars): spreading a data-sized array into a call overflows the stack.
  let widest = 0;
  for (const b of bars) widest = Math.max(widest, textWidth(shortId(b.patientId), 11));
  return widest;
}

/** Where the bars are drawn: the plot box, the y scale and what every bar shares. */
interface BarFrame {
  readonly box: PlotBox;
  readonly y: (percent: number) => number;
  /** y of 0%. */
  readonly zero: number;
  readonly barWidth: number;
  readonly clampAt: number;
  readonly hatchId: string;
}

/** The markup of the bars, in three layers: the bars, the cut markers and the id labels. */
function barLayers(
  sorted: readonly WaterfallBar[],
  xOf: (index: number) => number,
  frame: BarFrame,
  showIds: boolean,
): { rects: string[]; marks: string[]; labels: string[] } {
  const rects: string[] = [];
  const marks: string[] = [];
  const labels: string[] = [];
  sorted.forEach((b, i) => {
    const x0 = xOf(i);
    const clipped = b.percentChange > frame.clampAt;
    const tip =
      `${b.patientId}: ${signed(b.percentChange)}%` +
      (b.undetectable ? ' (undetectable PSA: a bound)' : '') +
      (clipped ? ` (drawn cut at +${formatNumber(frame.clampAt)}%)` : '');
    rects.push(barRect(b, x0, frame, tip));
    if (clipped) marks.push(cutMarker(x0, frame, tip));
    if (showIds) labels.push(idLabel(b.patientId, x0, frame));
  });
  return { rects, marks, labels };
}

/** One bar from 0 to its change (cut at clampAt), at least 1 pixel high, with its tooltip. */
function barRect(b: WaterfallBar, x0: number, frame: BarFrame, tip: string): string {
  const { y, zero, clampAt, hatchId } = frame;
  const shown = Math.min(b.percentChange, clampAt);
  const h = Math.max(Math.abs(y(shown) - zero), 1);
  return element(
    'rect',
    {
      class: 'waterfall-bar',
      x: x0,
      y: shown >= 0 ? zero - h : zero,
      width: frame.barWidth,
      height: h,
      fill: b.undetectable ? `url(#${hatchId})` : shown > 0 ? RISE : FALL,
      stroke: b.undetectable ? FALL : undefined,
      'stroke-width': b.undetectable ? 1 : undefined,
    },
    titleElement(tip),
  );
}

/** The triangle above a bar cut at clampAt. */
function cutMarker(x0: number, frame: BarFrame, tip: string): string {
  const cx = x0 + frame.barWidth / 2;
  const half = Math.min(6, Math.max(frame.barWidth / 2, 3));
  return element(
    'path',
    {
      class: 'waterfall-clipped',
      d: `M${formatNumber(cx)},${formatNumber(frame.box.top - 12)}l${formatNumber(half)},9h${formatNumber(-2 * half)}z`,
      fill: RISE,
    },
    titleElement(tip),
  );
}

/** A bar's id, cut to 16 characters, written upwards under the plot. */
function idLabel(patientId: string, x0: number, frame: BarFrame): string {
  const lx = x0 + frame.barWidth / 2 + 4;
  const ly = frame.box.bottom + 8;
  return textElement(
    {
      x: lx,
      y: ly,
      'text-anchor': 'end',
      'font-size': 11,
      fill: '#333333',
      transform: `rotate(-90 ${formatNumber(lx)} ${formatNumber(ly)})`,
    },
    shortId(patientId),
  );
}

/** The dashed reference lines, each labelled on the right. */
function referenceMarkup(
  referenceLines: readonly number[],
  box: PlotBox,
  y: (percent: number) => number,
): string {
  return referenceLines
    .map((r) =>
      element(
        'g',
        { class: 'waterfall-reference' },
        element('line', {
          x1: box.left,
          x2: box.right,
          y1: y(r),
          y2: y(r),
          stroke: '#555555',
          'stroke-dasharray': '5 4',
        }) + textElement({ x: box.right + 6, y: y(r) + 4, fill: '#555555' }, `${signed(r)}%`),
      ),
    )
    .join('');
}

/** The hatching of the bars whose post-sLND PSA was undetectable. */
function hatchPattern(hatchId: string): string {
  return element(
    'pattern',
    {
      id: hatchId,
      patternUnits: 'userSpaceOnUse',
      width: 6,
      height: 6,
      patternTransform: 'rotate(45)',
    },
    element('rect', { width: 6, height: 6, fill: '#ffffff' }) +
      element('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: FALL, 'stroke-width': 3 }),
  );
}

/** The plot in words, for its `<desc>`. */
function describeWaterfall(
  sorted: readonly WaterfallBar[],
  clampAt: number,
  anyUndetectable: boolean,
  anyClipped: boolean,
): string {
  const rises = sorted.filter((b) => b.percentChange > 0).length;
  const falls = sorted.filter((b) => b.percentChange < 0).length;
  return (
    `Waterfall plot of the percent change from pre-sLND PSA for ${sorted.length} patient(s): ` +
    `${rises} rise(s), ${falls} fall(s)` +
    (anyUndetectable ? `, ${sorted.filter((b) => b.undetectable).length} undetectable` : '') +
    (anyClipped ? `; rises above +${formatNumber(clampAt)}% are cut at the top` : '') +
    '.'
  );
}

/** A percentage with its sign and at most one decimal: "+40", "-95.5", "0". */
function signed(value: number): string {
  // Past 2^49 there is no decimal to round, and value * 10 could overflow to Infinity.
  const rounded = Math.abs(value) >= 2 ** 49 ? value : Math.round(value * 10) / 10;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

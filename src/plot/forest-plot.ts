import { scaleLog } from 'd3-scale';
import { assertArray, assertFiniteNumber, assertOpenUnitInterval } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { heading, type PlotBox, xAxis } from './_internal/axes.js';
import {
  AXIS_CEILING,
  AXIS_FLOOR,
  defaultRatioRange,
  formatTick,
  type RatioAxis,
  ratioAxis,
} from './_internal/forest-axis.js';
import {
  eventsText,
  type ForestGeometry,
  forestRow,
  intervalText,
  pText,
  rowSummary,
  shortLabel,
} from './_internal/forest-row-markup.js';
import { checkedPlotArea, emptyNote } from './_internal/plot-area.js';
import { MAX_PLOT_SIZE, type PlotOptions, readPlotOptions } from './_internal/plot-options.js';
import { type ForestGroupChecked, readForestGroups } from './_internal/read-forest-groups.js';
import { element, formatNumber, svgDocument, textElement, textWidth } from './_internal/svg.js';

/** One predictor's row of {@link forestPlot}: the shape of a `report.json` `predictors` entry. */
export interface ForestPlotRow {
  /** The row's label (e.g. "Age at sLND, per 10 years"). */
  readonly label: string;
  /** `'cox'`: the estimate is a hazard ratio ("HR"); `'logistic'`: an odds ratio ("OR"). */
  readonly model: 'cox' | 'logistic';
  /** Patients in the model: an integer >= 0. */
  readonly n: number;
  /** Events (Cox) or patients with the outcome (logistic): an integer in [0, n]. */
  readonly events: number;
  /** The ratio (> 0), or null when not estimable. */
  readonly estimate: number | null;
  /** Lower confidence limit (>= 0), or null when unknown or unbounded. */
  readonly lower: number | null;
  /** Upper confidence limit (> 0, may be huge), or null when unknown or unbounded. */
  readonly upper: number | null;
  /** Two-sided p-value in [0, 1], or null. */
  readonly pValue: number | null;
  /** Why the estimate is null (e.g. "too few events"); shown after "not estimable". */
  readonly reason?: string;
}

/** A heading and its rows: one per endpoint. */
export interface ForestPlotGroup {
  /** The heading (e.g. "Metastasis-free survival (Cox)"). */
  readonly title: string;
  readonly rows: readonly ForestPlotRow[];
}

/** Options of {@link forestPlot}. */
export interface ForestPlotOptions extends PlotOptions {
  /**
   * Ends of the ratio axis, `[min, max]` with `min < max`, `min <= 1 <= max`, both in
   * [1e-6, 1e6]. Default: from the data (every estimate and finite limit, and 1), moved out to
   * the 1-2-5 sequence, at least [0.5, 2] and at most [0.01, 100].
   */
  readonly axisRange?: readonly [number, number];
  /** Confidence level of the limits, for the column heading ("95% CI"); in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/** Row pitch in pixels while the figure can grow; beyond 40,000 pixels rows get thinner. */
const ROW = 20;
const BOTTOM = 48;
const GAP = 16;
const INDENT = 12;
const EDGE = 8;
/** Rows listed one by one in the description up to this many. */
const DESCRIBED_ROWS = 30;

/**
 * Draws a forest plot of hazard and odds ratios as a standalone SVG string: one row per
 * predictor under a heading per group (endpoint), the ratio on a log-scaled x axis with a
 * vertical reference line at 1, the estimate as a square, its confidence interval as a
 * horizontal line, and text columns at the right ("HR 1.23 (0.80 to 1.90)", events/n, p), as
 * in the forest plots of Lewis & Clarke (BMJ 2001;322:1479-80) and R's forestplot package.
 *
 * Rules: positions are log(ratio), so a ratio r and 1/r sit at equal distances either side of
 * the line at 1. The axis (`axisRange`, default from the data: see
 * {@link ForestPlotOptions.axisRange}) is clamped to [0.01, 100] by default: a limit beyond
 * the axis, a lower limit of 0 or a null limit (unknown, or infinite: a Firth or profile limit
 * with few events) runs to the axis end and ends in an arrow; an estimate beyond the axis has
 * no square (its interval runs to the end, with an arrow) and the description counts it. A row
 * whose estimate is null is written "not estimable" with its `reason` in the plot area; its
 * limits are ignored. The columns write ratios with 2 decimals (whole numbers from 100, 2
 * significant digits below 0.01, exponent form past 1e6 or below 1e-6; NA for null) and p
 * with 4 decimals ("<0.0001" below). Rows keep the input order; each row's `<g>` carries a
 * `<title>` tooltip with its full label and numbers. Labels and group titles longer than 40
 * characters are cut (the tooltip keeps them). Rows are 20 pixels apart and the default
 * height grows with them up to the 40,000-pixel limit; beyond, rows get thinner to fit, and
 * the description says so. Every string is XML-escaped; the output is deterministic.
 *
 * @param groups One `{ title, rows }` per endpoint, in drawing order; rows as `report.json`'s
 *   `predictors` entries (`endpoint` and `variable` are not read: group the rows yourself).
 *   May be empty.
 * @param options `width` (800), `height` (default: 20 pixels per row and heading plus the
 *   margins, at most 40,000), `title`, `xLabel` ("Ratio (log scale)"), `yLabel` (the heading
 *   of the label column, "Predictor"), `axisRange`, `confLevel` (0.95, for the column heading)
 *   and `idPrefix` (default "slnd-forest").
 * @returns The SVG document as a string.
 * @throws {TypeError} when `groups` or a `rows` is not an array, an entry not an object, a
 *   title, label or reason not a string, a number not a number, or an option has the wrong
 *   type.
 * @throws {RangeError} naming the entry: an unknown model, a count that is not an integer >= 0
 *   or events above n, an estimate <= 0, a limit < 0 (upper <= 0), limits not around the
 *   estimate (lower <= estimate <= upper), a p-value outside [0, 1], a non-finite number, an
 *   `axisRange` that does not hold 1 or leaves [1e-6, 1e6], a `confLevel` outside (0, 1), or a
 *   size too small for the columns or above 40,000 pixels.
 * @example
 * const svg = forestPlot([
 *   {
 *     title: 'Metastasis-free survival',
 *     rows: [
 *       { label: 'PSA at sLND, per doubling', model: 'cox', n: 86, events: 31, estimate: 1.42, lower: 1.1, upper: 1.83, pValue: 0.007 },
 *       { label: 'Positive nodes >= 3', model: 'cox', n: 86, events: 31, estimate: null, lower: null, upper: null, pValue: null, reason: 'too few events' },
 *     ],
 *   },
 * ]);
 * svg.includes('>HR 1.42 (1.10 to 1.83)</text>'); // => true
 */
export function forestPlot(
  groups: readonly ForestPlotGroup[],
  options: ForestPlotOptions = {},
): string {
  const list = readForestGroups(groups);
  const base = readPlotOptions(options, {
    width: 800,
    height: 150, // replaced below by the height the rows need, unless options.height is given
    xLabel: 'Ratio (log scale)',
    yLabel: 'Predictor',
    idPrefix: 'slnd-forest',
  });
  const confLevel = options.confLevel ?? 0.95;
  assertOpenUnitInterval('options.confLevel', confLevel);
  const [axisMin, axisMax] = readAxisRange(options.axisRange, list);
  const axis = ratioAxis(axisMin, axisMax);
  const { width, title, idPrefix } = base;

  const columnHeads = [`Estimate (${formatNumber(100 * confLevel)}% CI)`, 'Events/n', 'p'];
  const widths = columnWidths(list, columnHeads, base.yLabel);
  const legendTop = title === null ? 10 : 32;
  const top = legendTop + ROW + 6;
  const lines = list.reduce((s, g) => s + 1 + g.rows.length, 0);
  const natural = Math.ceil(top + Math.max(100, lines * ROW) + BOTTOM);
  const height = options.height === undefined ? Math.min(natural, MAX_PLOT_SIZE) : base.height;
  const left = EDGE + widths.label + GAP;
  const right = width - EDGE - widths.columns.reduce((s, w) => s + w + GAP, 0);
  const area = { left, top, right, bottom: height - BOTTOM };
  const box = checkedPlotArea(area, width, height, 'the plot beside the label and text columns');

  const scale = scaleLog().domain([axis.min, axis.max]).range([box.left, box.right]);
  const pitch = (box.bottom - box.top) / Math.max(lines, 1);
  const c0 = box.right + GAP;
  const c1 = c0 + widths.columns[0] + GAP;
  const geometry: ForestGeometry = {
    x: (r) => scale(r),
    min: axis.min,
    max: axis.max,
    plotLeft: box.left,
    plotRight: box.right,
    labelLeft: EDGE + INDENT,
    columns: [c0, c1, c1 + widths.columns[1] + GAP],
    fontSize: Math.min(12, pitch * 0.8),
    markerSize: Math.min(10, pitch * 0.6),
  };

  const { rows, headings, offAxis, arrows } = groupMarkup(list, box.top, pitch, geometry);
  const heads = columnHeaders(geometry, top, [base.yLabel, ...columnHeads]);
  const parts = [
    grid(box, axis, geometry.x),
    xAxis(box, geometry.x, axis.ticks, formatTick, base.xLabel),
    element('line', {
      class: 'forest-reference',
      x1: geometry.x(1),
      x2: geometry.x(1),
      y1: box.top,
      y2: box.bottom,
      stroke: '#555555',
    }),
    element('g', { class: 'forest-headers' }, heads.join('')),
    element('g', { class: 'forest-groups' }, headings.join('')),
    element('g', { class: 'forest-rows' }, rows.join('')),
  ];
  if (title !== null) parts.unshift(heading(title, width));
  if (rows.length === 0) parts.push(emptyNote(box, 'No predictors'));
  const counts = { rows: rows.length, offAxis, arrows, pitch, height };
  const description = describeForest(list, axis, confLevel, counts);
  const doc = { width, height, idPrefix, description, body: parts.join('\n') };
  return svgDocument({ ...doc, title: title ?? 'Forest plot of hazard and odds ratios' });
}

/** The markup of the groups: a heading line per group, then a line per row. */
function groupMarkup(
  groups: readonly ForestGroupChecked[],
  top: number,
  pitch: number,
  geometry: ForestGeometry,
): { rows: string[]; headings: string[]; offAxis: number; arrows: number } {
  const rows: string[] = [];
  const headings: string[] = [];
  let line = 0;
  let offAxis = 0;
  let arrows = 0;
  for (const group of groups) {
    const cy = top + (line + 0.5) * pitch;
    headings.push(
      textElement(
        {
          class: 'forest-group',
          x: EDGE,
          y: cy + geometry.fontSize * 0.35,
          'font-size': geometry.fontSize,
          'font-weight': 'bold',
          fill: '#111111',
        },
        shortLabel(group.title),
      ),
    );
    line += 1;
    for (const row of group.rows) {
      const drawn = forestRow(row, top + (line + 0.5) * pitch, geometry);
      rows.push(drawn.markup);
      if (drawn.offAxis) offAxis += 1;
      arrows += drawn.arrows;
      line += 1;
    }
  }
  return { rows, headings, offAxis, arrows };
}

/** The column headings above the plot: the label column's, then the three text columns'. */
function columnHeaders(geometry: ForestGeometry, top: number, texts: readonly string[]): string[] {
  return [EDGE, ...geometry.columns].map((x, i) =>
    textElement(
      { class: 'forest-header', x, y: top - 8, 'font-weight': 'bold', fill: '#222222' },
      texts[i]!,
    ),
  );
}

/** `options.axisRange` checked, or the default range for the data. */
function readAxisRange(range: unknown, groups: readonly ForestGroupChecked[]): [number, number] {
  if (range === undefined) {
    // Loops, never Math.min(...values): a spread overflows the stack (issue 11 item 6).
    let low = 1;
    let high = 1;
    for (const g of groups) {
      for (const r of g.rows) {
        if (r.estimate === null) continue;
        for (const v of [r.estimate, r.lower, r.upper]) {
          if (v === null || v <= 0) continue;
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    return defaultRatioRange(low, high);
  }
  assertArray('options.axisRange', range);
  if (range.length !== 2) {
    throw new RangeError(
      `options.axisRange must be [min, max]. Value: an array of length ${range.length}.`,
    );
  }
  const [min, max] = range;
  assertFiniteNumber('options.axisRange[0]', min);
  assertFiniteNumber('options.axisRange[1]', max);
  if (!(min >= AXIS_FLOOR && min <= 1 && max >= 1 && max <= AXIS_CEILING && min < max)) {
    throw new RangeError(
      `options.axisRange must be [min, max] with ${AXIS_FLOOR} <= min <= 1 <= max <= ${AXIS_CEILING} and min < max. Value: [${describeValue(min)}, ${describeValue(max)}].`,
    );
  }
  return [min, max];
}

/** The label column's width and the three text columns' widths, by loops over the rows. */
function columnWidths(
  groups: readonly ForestGroupChecked[],
  heads: readonly string[],
  labelHead: string,
): { label: number; columns: [number, number, number] } {
  let label = textWidth(shortLabel(labelHead));
  const columns = heads.map((h) => textWidth(h)) as [number, number, number];
  for (const g of groups) {
    label = Math.max(label, textWidth(shortLabel(g.title)));
    for (const r of g.rows) {
      label = Math.max(label, INDENT + textWidth(shortLabel(r.label)));
      columns[0] = Math.max(columns[0], textWidth(intervalText(r)));
      columns[1] = Math.max(columns[1], textWidth(eventsText(r)));
      columns[2] = Math.max(columns[2], textWidth(pText(r)));
    }
  }
  return { label, columns };
}

/** Light vertical gridlines at the ticks, under the rows. */
function grid(box: PlotBox, axis: RatioAxis, x: (ratio: number) => number): string {
  const lines = axis.ticks.map((t) =>
    element('line', {
      x1: x(t),
      x2: x(t),
      y1: box.top,
      y2: box.bottom,
      stroke: '#e5e5e5',
      'stroke-width': 1,
    }),
  );
  return element('g', { class: 'forest-grid' }, lines.join(''));
}

/** The plot in words, for its `<desc>`. */
function describeForest(
  groups: readonly ForestGroupChecked[],
  axis: RatioAxis,
  confLevel: number,
  counts: { rows: number; offAxis: number; arrows: number; pitch: number; height: number },
): string {
  let estimable = 0;
  for (const g of groups) for (const r of g.rows) if (r.estimate !== null) estimable += 1;
  const listed =
    counts.rows > 0 && counts.rows <= DESCRIBED_ROWS
      ? ` ${groups
          .filter((g) => g.rows.length > 0)
          .map((g) => `${g.title}: ${g.rows.map(rowSummary).join('; ')}.`)
          .join(' ')}`
      : '';
  return (
    `Forest plot of ${counts.rows} predictor(s) in ${groups.length} group(s), ` +
    `${estimable} estimated and ${counts.rows - estimable} not estimable: ` +
    `hazard (HR) or odds (OR) ratios with ${formatNumber(100 * confLevel)}% confidence intervals ` +
    `on a log scale from ${formatTick(axis.min)} to ${formatTick(axis.max)}, reference line at 1.` +
    (counts.arrows > 0
      ? ` ${counts.arrows} confidence limit(s) beyond the axis or unknown, drawn as arrows.`
      : '') +
    (counts.offAxis > 0
      ? ` ${counts.offAxis} estimate(s) beyond the axis, not drawn (see the text column).`
      : '') +
    (counts.rows > 0 && counts.pitch < ROW
      ? ` Rows are ${formatNumber(counts.pitch)} pixels apart instead of ${ROW}, so that ${counts.rows} rows fit in ${formatNumber(counts.height)} pixels.`
      : '') +
    listed
  );
}

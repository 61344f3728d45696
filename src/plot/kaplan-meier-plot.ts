import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { assertArray, assertFiniteNumber, assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { DAYS_PER_MONTH } from '../model/iso-date.js';
import type { KaplanMeierFit } from '../survival/kaplan-meier.js';
import { riskTable } from '../survival/risk-table.js';
import { heading, type PlotBox, xAxis, yAxis } from './_internal/axes.js';
import { type LegendItem, legend } from './_internal/legend.js';
import { seriesStyle } from './_internal/palette.js';
import {
  assertString,
  type PlotOptions,
  type ResolvedPlotOptions,
  readBoolean,
  readPlotOptions,
} from './_internal/plot-options.js';
import { readFit } from './_internal/read-fit.js';
import { element, formatNumber, svgDocument, textElement, textWidth } from './_internal/svg.js';

/** A Kaplan-Meier fit with the name it takes in the legend and the risk table. */
export interface LabelledKaplanMeierFit {
  readonly label: string;
  readonly fit: KaplanMeierFit;
}

/** Options of {@link kaplanMeierPlot}. */
export interface KaplanMeierPlotOptions extends PlotOptions {
  /** Unit of the x axis, `maxTime` and `riskTimes`; fit times are days. Default `'months'`. */
  readonly timeUnit?: 'months' | 'days';
  /** Right end of the x axis, in `timeUnit`, at most 3,600 months (109,575 days); curves are cut there. Default 24 months (730.5 days). */
  readonly maxTime?: number;
  /** Times of the numbers at risk, in `timeUnit`, within [0, maxTime]. Default: the x-axis ticks (0, 6, 12, 18, 24 months). */
  readonly riskTimes?: readonly number[];
  /** Draw the numbers-at-risk table under the x axis. Default true. */
  readonly riskTable?: boolean;
  /** Draw the pointwise confidence limits as translucent bands. Default true. */
  readonly confidenceBands?: boolean;
  /** Draw a tick on the curve at each censoring time. Default true. */
  readonly censorMarks?: boolean;
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240];

/**
 * The longest x axis, in days: 300 years of 365.25 days (3,600 months), the span of the
 * calendar years slnd-stats accepts (1900-2199), so no follow-up from dates is longer. A
 * maxTime of 1e308 days wrote `Infinity` into the SVG (issue 11 item 13).
 */
const MAX_TIME_DAYS = 300 * 365.25;
const ROW = 18;
/** Distance from the bottom of the plot to the risk table's heading. */
const RISK_TOP = 66;

/**
 * Draws Kaplan-Meier curves as a standalone SVG string: each curve as a right-continuous step
 * function from (0, 1), its pointwise confidence limits as a translucent step band, ticks at
 * censoring times, and the numbers at risk under the x axis (one row per curve), as R's
 * `plot(survfit)` with survminer's `ggsurvplot(risk.table = TRUE)` lay it out.
 *
 * Rules: the step for fit time t_i spans [t_i, t_i+1) at height survival[i] (and between the
 * limits lower[i], upper[i]; where either limit is null that step has no band). Each curve ends
 * at its last fit time or at `maxTime`, whichever is first. A censoring tick is drawn at every
 * time with nCensor > 0 up to `maxTime`, at the curve's height there. The number at risk at t is
 * the number with follow-up >= t ({@link riskTable}, R's `summary(fit, times)$n.risk`): n for t
 * up to the first fit time, nRisk at the first fit time >= t, and 0 after the last.
 * Fit times are days; months are days / 30.4375. Colours are Okabe-Ito (colour-blind safe),
 * dashed after the eighth curve. The output is deterministic: coordinates are rounded to 2
 * decimals and the only ids are `options.idPrefix`-title and -desc.
 *
 * @param curves One fit from `kaplanMeier` (labelled "All patients"), or an array of
 *   `{ label, fit }`, one per curve.
 * @param options Size (`width` 720, `height` 480), `title`, axis labels (`xLabel` "Months since
 *   sLND" or "Days since sLND", `yLabel` "Survival probability"), `timeUnit`, `maxTime`,
 *   `riskTimes`, the `riskTable`, `confidenceBands`, `censorMarks` switches and `idPrefix`
 *   (default "slnd-km").
 * @returns The SVG document as a string.
 * @throws {TypeError} when `curves` is neither a fit nor an array, a label is not a string, a
 *   fit column is not an array, or an option has the wrong type.
 * @throws {RangeError} naming the entry: an empty curve list, a negative, non-finite or
 *   descending time, columns of unequal length, a survival or limit outside [0, 1], a
 *   `maxTime` <= 0 or above 3,600 months (109,575 days), a risk time outside [0, maxTime], a
 *   size too small for the risk table, or a width or height above 40,000 pixels.
 * @example
 * const fit = kaplanMeier([
 *   { time: 120, event: 1 }, { time: 300, event: 0 }, { time: 450, event: 1 }, { time: 800, event: 0 },
 * ]);
 * const svg = kaplanMeierPlot([{ label: 'sLND', fit }], { title: 'Metastasis-free survival' });
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // => true
 */
export function kaplanMeierPlot(
  curves: KaplanMeierFit | readonly LabelledKaplanMeierFit[],
  options: KaplanMeierPlotOptions = {},
): string {
  const list = readCurves(curves);
  const settings = readKaplanMeierOptions(options);
  const { base, daysPerUnit, maxTime, riskTimes, showRisk } = settings;
  const { width, height, title, idPrefix } = base;

  // Risk table geometry first: its labels sit in the left margin, left of the first number.
  const atRisk = list.map(({ fit }) =>
    riskTable(
      fit,
      riskTimes.map((t) => t * daysPerUnit),
    ).map((row) => row.nRisk),
  );
  const riskLabelEnd = widestNumber(atRisk) / 2 + 10;
  const left = Math.max(68, showRisk ? widestLabel(list) + riskLabelEnd + 10 : 0);
  const right = 28;
  const legendItems = legendFor(list, settings.showBands, settings.showCensor, settings.maxDays);
  const legendTop = title === null ? 10 : 32;
  const key = legend(legendItems, left, legendTop, width - left - right);
  const top = legendTop + key.height + 12;
  const bottom = 46 + (showRisk ? RISK_TOP - 46 + ROW * list.length + 10 : 0);
  const area = { left, top, right: width - right, bottom: height - bottom };
  const box = checkedBox(area, settings, list);

  const x = scaleLinear().domain([0, maxTime]).range([box.left, box.right]);
  const y = scaleLinear().domain([0, 1]).range([box.bottom, box.top]);
  const px = (days: number): number => x(days / daysPerUnit);
  const layers = curveLayers(list, px, y, settings);

  const parts = [
    yAxis(box, y, y.ticks(5), formatNumber, base.yLabel, left - 50),
    xAxis(box, x, settings.xTicks, formatNumber, base.xLabel),
    element('g', { class: 'km-bands' }, layers.bands.join('')),
    element('g', { class: 'km-curves' }, layers.paths.join('')),
    element('g', { class: 'km-censoring' }, layers.ticks.join('')),
    key.markup,
  ];
  if (title !== null) parts.unshift(heading(title, width));
  if (showRisk) {
    const at = { x, box, riskLabelEnd };
    parts.push(
      element('g', { class: 'km-risk-table' }, riskTableRows(list, atRisk, riskTimes, at)),
    );
  }
  return svgDocument({
    width,
    height,
    idPrefix,
    title: title ?? 'Kaplan-Meier survival curves',
    description: describeCurves(list, settings, layers.bands.length > 0),
    body: parts.join('\n'),
  });
}

/** The options of {@link kaplanMeierPlot} checked, with their defaults; times in `timeUnit`. */
interface KaplanMeierSettings {
  readonly base: ResolvedPlotOptions;
  readonly timeUnit: 'months' | 'days';
  readonly daysPerUnit: number;
  readonly maxTime: number;
  /** maxTime in days, the unit of the fits. */
  readonly maxDays: number;
  readonly xTicks: number[];
  readonly riskTimes: number[];
  readonly showRisk: boolean;
  readonly showBands: boolean;
  readonly showCensor: boolean;
}

function readKaplanMeierOptions(options: KaplanMeierPlotOptions): KaplanMeierSettings {
  assertObject('options', options);
  const timeUnit = options.timeUnit ?? 'months';
  assertOneOf('options.timeUnit', timeUnit, ['months', 'days'] as const);
  const daysPerUnit = timeUnit === 'months' ? DAYS_PER_MONTH : 1;
  const base = readPlotOptions(options, {
    width: 720,
    height: 480,
    xLabel: timeUnit === 'months' ? 'Months since sLND' : 'Days since sLND',
    yLabel: 'Survival probability',
    idPrefix: 'slnd-km',
  });
  const maxTime = options.maxTime ?? 24 * (DAYS_PER_MONTH / daysPerUnit);
  assertFiniteNumber('options.maxTime', maxTime);
  const longest = MAX_TIME_DAYS / daysPerUnit;
  if (maxTime <= 0 || maxTime > longest) {
    throw new RangeError(
      `options.maxTime must be > 0 and <= ${longest} ${timeUnit} (300 years). Value: ${describeValue(maxTime)}.`,
    );
  }
  const xTicks = timeTicks(maxTime, timeUnit);
  return {
    base,
    timeUnit,
    daysPerUnit,
    maxTime,
    maxDays: maxTime * daysPerUnit,
    xTicks,
    riskTimes: readRiskTimes(options.riskTimes ?? xTicks, maxTime),
    showRisk: readBoolean('options.riskTable', options.riskTable, true),
    showBands: readBoolean('options.confidenceBands', options.confidenceBands, true),
    showCensor: readBoolean('options.censorMarks', options.censorMarks, true),
  };
}

// Widths by loops, never Math.max(...values): spreading a data-sized array (200,000 risk
// times) into a call overflows the stack (issue 11 item 6).

/** The width of the widest number at risk. */
function widestNumber(atRisk: readonly (readonly number[])[]): number {
  let widest = 0;
  for (const row of atRisk) for (const v of row) widest = Math.max(widest, textWidth(String(v)));
  return widest;
}

/** The width of the widest curve label (the risk table's row labels). */
function widestLabel(list: readonly LabelledKaplanMeierFit[]): number {
  let widest = 0;
  for (const c of list) widest = Math.max(widest, textWidth(c.label));
  return widest;
}

/** `box` if it leaves at least 100 pixels each way for the plot; else a RangeError. */
function checkedBox(
  box: PlotBox,
  settings: KaplanMeierSettings,
  list: readonly LabelledKaplanMeierFit[],
): PlotBox {
  const { width, height } = settings.base;
  if (box.bottom - box.top < 100) {
    throw new RangeError(
      `options.height leaves less than 100 pixels for the plot with ${list.length} curve(s) and the risk table. Value: ${describeValue(height)}.`,
    );
  }
  if (box.right - box.left < 100) {
    throw new RangeError(
      `options.width leaves less than 100 pixels for the plot beside the risk-table labels. Value: ${describeValue(width)}.`,
    );
  }
  return box;
}

/** The markup of the curves, in three layers: confidence bands, step lines, censoring ticks. */
function curveLayers(
  list: readonly LabelledKaplanMeierFit[],
  px: (days: number) => number,
  y: (value: number) => number,
  settings: KaplanMeierSettings,
): { bands: string[]; paths: string[]; ticks: string[] } {
  const stepLine = line<readonly [number, number]>()
    .x((d) => d[0])
    .y((d) => d[1])
    .curve(curveStepAfter)
    .digits(2);
  const stepBand = area<BandPoint | null>()
    .defined((d) => d !== null)
    .x((d) => d!.x)
    .y0((d) => d!.lower)
    .y1((d) => d!.upper)
    .curve(curveStepAfter)
    .digits(2);
  const bands: string[] = [];
  const paths: string[] = [];
  const ticks: string[] = [];
  list.forEach(({ fit }, i) => {
    const { colour, dash } = seriesStyle(i);
    const steps = stepsOf(fit, settings.maxDays);
    paths.push(
      element('path', {
        class: 'km-curve',
        d: stepLine(steps.map((s) => [px(s.days), y(s.survival)] as const)) ?? '',
        fill: 'none',
        stroke: colour,
        'stroke-width': 2,
        'stroke-dasharray': dash,
      }),
    );
    // The opening step (S = 1, limits 1) alone is no band: a fit without limits gets none.
    if (settings.showBands && steps.slice(1).some((s) => s.lower !== null && s.upper !== null)) {
      const d = stepBand(bandPoints(steps, px, y)) ?? '';
      bands.push(
        element('path', {
          class: 'km-band',
          d,
          fill: colour,
          'fill-opacity': 0.15,
          stroke: 'none',
        }),
      );
    }
    const d = settings.showCensor ? censorTicks(fit, settings.maxDays, px, y) : '';
    if (d !== '') {
      ticks.push(element('path', { class: 'km-censor', d, stroke: colour, 'stroke-width': 1.5 }));
    }
  });
  return { bands, paths, ticks };
}

/** The path of a curve's censoring ticks up to `maxDays`: a vertical tick at each time. */
function censorTicks(
  fit: KaplanMeierFit,
  maxDays: number,
  px: (days: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  for (let k = 0; k < fit.time.length; k++) {
    const t = fit.time[k]!;
    if (t > maxDays) break;
    if (fit.nCensor[k]! > 0) {
      d += `M${formatNumber(px(t))},${formatNumber(y(fit.survival[k]!) - 4)}v8`;
    }
  }
  return d;
}

/** The numbers-at-risk table under the x axis: its heading, then one row per curve. */
function riskTableRows(
  list: readonly LabelledKaplanMeierFit[],
  atRisk: readonly (readonly number[])[],
  riskTimes: readonly number[],
  at: {
    readonly x: (time: number) => number;
    readonly box: PlotBox;
    readonly riskLabelEnd: number;
  },
): string {
  const { x, box, riskLabelEnd } = at;
  const rows: string[] = [
    textElement(
      { x: 8, y: box.bottom + RISK_TOP, 'font-weight': 'bold', fill: '#222222' },
      'Number at risk',
    ),
  ];
  list.forEach(({ label }, i) => {
    const { colour } = seriesStyle(i);
    const ry = box.bottom + RISK_TOP + ROW * (i + 1);
    rows.push(
      textElement({ x: box.left - riskLabelEnd, y: ry, 'text-anchor': 'end', fill: colour }, label),
    );
    riskTimes.forEach((t, j) => {
      rows.push(
        textElement(
          { class: 'km-risk', x: x(t), y: ry, 'text-anchor': 'middle', fill: colour },
          String(atRisk[i]![j]),
        ),
      );
    });
  });
  return rows.join('');
}

/** The plot in words, for its `<desc>`: each curve's n and last survival shown. */
function describeCurves(
  list: readonly LabelledKaplanMeierFit[],
  settings: KaplanMeierSettings,
  withBands: boolean,
): string {
  const { maxTime, maxDays, daysPerUnit } = settings;
  const unit = settings.timeUnit === 'months' ? 'months' : 'days';
  return (
    `Kaplan-Meier survival curves up to ${formatNumber(maxTime)} ${unit}` +
    (withBands ? ' with pointwise confidence bands' : '') +
    ': ' +
    list
      .map(({ label, fit }) => {
        const last = stepsOf(fit, maxDays).at(-1)!;
        return `${label} (n = ${fit.n}, survival ${formatNumber(last.survival)} at ${formatNumber(last.days / daysPerUnit)} ${unit})`;
      })
      .join('; ') +
    '.'
  );
}

/** One step of a curve: from `days` on, survival and limits as given. */
interface Step {
  readonly days: number;
  readonly survival: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

interface BandPoint {
  readonly x: number;
  readonly lower: number;
  readonly upper: number;
}

function readCurves(curves: unknown): readonly LabelledKaplanMeierFit[] {
  if (!Array.isArray(curves)) {
    if (typeof curves !== 'object' || curves === null) {
      throw new TypeError(
        `curves must be a Kaplan-Meier fit or an array of { label, fit }. Value: ${describeValue(curves)}.`,
      );
    }
    return [{ label: 'All patients', fit: readFit('curves', curves) }];
  }
  assertArray('curves', curves);
  if (curves.length === 0) {
    throw new RangeError('curves must hold at least one curve. Value: an array of length 0.');
  }
  return curves.map((c, i) => {
    assertObject(`curves[${i}]`, c);
    const { label, fit } = c as { label?: unknown; fit?: unknown };
    assertString(`curves[${i}].label`, label);
    return { label, fit: readFit(`curves[${i}].fit`, fit) };
  });
}

/** The x-axis ticks: for months a round step (1, 2, 3, 6, 12 ...) giving at most 6 intervals. */
function timeTicks(maxTime: number, unit: 'months' | 'days'): number[] {
  if (unit === 'days') return scaleLinear().domain([0, maxTime]).ticks(6);
  const step = MONTH_STEPS.find((s) => maxTime / s <= 6) ?? Math.ceil(maxTime / 6);
  const ticks: number[] = [];
  for (let t = 0; t <= maxTime + 1e-9; t += step) ticks.push(t);
  return ticks;
}

function readRiskTimes(times: unknown, maxTime: number): number[] {
  assertArray('options.riskTimes', times);
  times.forEach((t, i) => {
    assertFiniteNumber(`options.riskTimes[${i}]`, t);
    if (t < 0 || t > maxTime) {
      throw new RangeError(
        `options.riskTimes[${i}] must be in [0, options.maxTime = ${formatNumber(maxTime)}]. Value: ${describeValue(t)}.`,
      );
    }
  });
  return [...new Set(times as readonly number[])].sort((a, b) => a - b);
}

/**
 * The steps of a fit up to `maxDays`: (0, 1) with limits 1, one step per fit time <= maxDays,
 * and a closing point at the end of follow-up or at maxDays, holding the last value.
 */
function stepsOf(fit: KaplanMeierFit, maxDays: number): Step[] {
  const steps: Step[] = [{ days: 0, survival: 1, lower: 1, upper: 1 }];
  for (let k = 0; k < fit.time.length && fit.time[k]! <= maxDays; k++) {
    const step = {
      days: fit.time[k]!,
      survival: fit.survival[k]!,
      lower: fit.lower[k] ?? null,
      upper: fit.upper[k] ?? null,
    };
    // A time with only censorings changes neither the estimate nor its limits: no new step.
    const prev = steps.at(-1)!;
    if (step.survival === prev.survival && step.lower === prev.lower && step.upper === prev.upper) {
      continue;
    }
    steps.push(step);
  }
  const lastTime = fit.time.at(-1);
  const end = lastTime === undefined ? 0 : Math.min(lastTime, maxDays);
  const last = steps.at(-1)!;
  if (end > last.days) steps.push({ ...last, days: end });
  return steps;
}

/**
 * Band vertices for d3's stepAfter area: a step with both limits closes at the next step's x
 * before a gap (null), so a step whose limit is null leaves exactly its own interval empty.
 */
function bandPoints(
  steps: readonly Step[],
  px: (days: number) => number,
  y: (value: number) => number,
): (BandPoint | null)[] {
  const points: (BandPoint | null)[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.lower === null || s.upper === null) {
      if (points.length > 0 && points.at(-1) !== null) points.push(null);
      continue;
    }
    const point = { x: px(s.days), lower: y(s.lower), upper: y(s.upper) };
    points.push(point);
    const next = steps[i + 1];
    if (next !== undefined && (next.lower === null || next.upper === null)) {
      points.push({ ...point, x: px(next.days) }, null);
    }
  }
  return points;
}

function legendFor(
  list: readonly LabelledKaplanMeierFit[],
  showBands: boolean,
  showCensor: boolean,
  maxDays: number,
): LegendItem[] {
  const items: LegendItem[] = list.map(({ label }, i) => {
    const { colour, dash } = seriesStyle(i);
    return { label, swatch: { kind: 'line', colour, ...(dash ? { dash } : {}) } };
  });
  const anyBand = list.some(({ fit }) =>
    fit.lower.some((l, k) => l !== null && fit.upper[k] !== null && fit.time[k]! <= maxDays),
  );
  if (showBands && anyBand) {
    const levels = [...new Set(list.map(({ fit }) => fit.confLevel))];
    const level = levels.length === 1 && typeof levels[0] === 'number' ? levels[0] : null;
    items.push({
      label:
        level === null
          ? 'Pointwise confidence band'
          : `${formatNumber(level * 100)}% pointwise confidence band`,
      // One curve: the swatch in its band's colour; several: a neutral grey for all of them.
      swatch: {
        kind: 'band',
        colour: list.length === 1 ? seriesStyle(0).colour : '#555555',
        opacity: 0.25,
      },
    });
  }
  const anyCensor = list.some(({ fit }) =>
    fit.nCensor.some((c, k) => c > 0 && fit.time[k]! <= maxDays),
  );
  if (showCensor && anyCensor) {
    items.push({ label: 'Censored', swatch: { kind: 'tick', colour: '#444444' } });
  }
  return items;
}

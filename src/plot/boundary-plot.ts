import { scaleLinear } from 'd3-scale';
import { area, curveStepBefore, line } from 'd3-shape';
import { assertArray, assertInteger, assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { heading, type PlotBox, xAxis, yAxis } from './_internal/axes.js';
import { type LegendItem, legend } from './_internal/legend.js';
import { OKABE_ITO } from './_internal/palette.js';
import { type PlotOptions, readPlotOptions } from './_internal/plot-options.js';
import { element, formatNumber, svgDocument, titleElement } from './_internal/svg.js';

/** Input of {@link boundaryPlot}: a stopping boundary and, optionally, the trial so far. */
export interface BoundaryPlotInput {
  /** Cumulative evaluable patients at the looks: integers >= 1, strictly increasing. */
  readonly looks: readonly number[];
  /** Most events allowed at each look (stop when events exceed it): integers >= -1. */
  readonly maxAllowed: readonly number[];
  /** The observed path: cumulative events after so many evaluable patients, in order. */
  readonly observed?: readonly { readonly patients: number; readonly events: number }[];
  /** The current decision, written in the legend. */
  readonly decision?: 'continue' | 'stop';
}

/** Options of {@link boundaryPlot}. */
export type BoundaryPlotOptions = PlotOptions;

const STOP = OKABE_ITO[1]; // vermillion
const PATH = '#222222';

/**
 * Draws a safety stopping rule as a standalone SVG string: evaluable patients across, cumulative
 * events up; the boundary `maxAllowed` as a step line with the stopping region above it shaded,
 * and the observed path as a line with points.
 *
 * Rules, following the convention of `src/monitoring` (clinfun's `toxbdry`): the trial stops at
 * look i when the events among the first looks[i] patients exceed maxAllowed[i]. Between looks
 * the boundary drawn is that of the next look (a step, constant on (looks[i-1], looks[i]],
 * d3's `curveStepBefore`), since a patient count between looks is judged at the next one; a
 * circle marks each look. A `maxAllowed` of at least the look's patient count (never stops
 * there) is drawn at the patient count. Observed points at a look above its boundary are drawn
 * vermillion and larger. Output is deterministic (coordinates rounded to 2 decimals).
 *
 * Passing each rule of `src/monitoring`: a `StoppingBoundary` or a `bayesianToxicityBoundary`
 * result as is (`{ looks, maxAllowed }`, its maxAllowed is stopAt - 1); `toxicityBoundary` as
 * `{ looks: tb.looks, maxAllowed: tb.lower.boundary }`; the path from `safetyMonitor` as
 * `observed: rows.filter(r => r.order !== null).map(r => ({ patients: r.order, events:
 * r.cumulativeEvents }))` with `decision: result.decision`. See docs/plots.md.
 *
 * @param input `{ looks, maxAllowed, observed?, decision? }`.
 * @param options Size (`width` 640, `height` 400), `title`, `xLabel` ("Evaluable patients"),
 *   `yLabel` ("Cumulative events") and `idPrefix` (default "slnd-boundary").
 * @returns The SVG document as a string.
 * @throws {TypeError} when `input` is not an object, `looks`, `maxAllowed` or `observed` not
 *   arrays, an entry not a number, or an option has the wrong type.
 * @throws {RangeError} naming the entry: no looks, looks not strictly increasing integers >= 1,
 *   `maxAllowed` of another length or below -1, an observed count that is negative, not an
 *   integer, more events than patients, or patients decreasing, or a `decision` other than
 *   'continue' or 'stop', or a width or height above 40,000 pixels.
 * @example
 * const svg = boundaryPlot({
 *   looks: [5, 10, 15, 20],
 *   maxAllowed: [2, 3, 4, 5],
 *   observed: [{ patients: 5, events: 1 }, { patients: 10, events: 2 }],
 *   decision: 'continue',
 * });
 * svg.includes('Decision: continue'); // => true
 */
export function boundaryPlot(input: BoundaryPlotInput, options: BoundaryPlotOptions = {}): string {
  const read = readInput(input);
  const { looks, maxAllowed, observed } = read;
  const base = readPlotOptions(options, {
    width: 640,
    height: 400,
    xLabel: 'Evaluable patients',
    yLabel: 'Cumulative events',
    idPrefix: 'slnd-boundary',
  });
  const { width, height, title, idPrefix } = base;

  // Drawn boundary: a maxAllowed >= the look's count cannot be exceeded; draw it at the count.
  const drawn = maxAllowed.map((m, i) => Math.min(m, looks[i]!));
  const lookIndex = new Map(looks.map((l, i) => [l, i]));
  const crossed = observed.map((o) => {
    const i = lookIndex.get(o.patients);
    return i !== undefined && o.events > maxAllowed[i]!;
  });
  const { xMax, yMax, yMin } = extents(looks, drawn, observed);

  const left = 64;
  const right = 24;
  const legendTop = title === null ? 10 : 32;
  const key = legend(legendItems(read, crossed), left, legendTop, width - left - right);
  const top = legendTop + key.height + 12;
  const box: PlotBox = { left, top, right: width - right, bottom: height - 48 };
  if (box.bottom - box.top < 100) {
    throw new RangeError(
      `options.height leaves less than 100 pixels for the plot. Value: ${describeValue(height)}.`,
    );
  }

  const x = scaleLinear().domain([0, xMax]).range([box.left, box.right]);
  const y = scaleLinear().domain([yMin, yMax]).range([box.bottom, box.top]);
  const xTicks =
    looks.length <= 12 && looks.every((l, i) => i === 0 || x(l) - x(looks[i - 1]!) >= 24)
      ? [0, ...looks]
      : x.ticks(8).filter(Number.isInteger);
  const yTicks = y
    .ticks(Math.min(8, yMax - Math.max(yMin, 0)))
    .filter((t) => Number.isInteger(t) && t >= 0);
  const looksDrawn = lookMarkup(read, drawn, x, y, box);

  const parts = [
    yAxis(box, y, yTicks, formatNumber, base.yLabel),
    element('g', { class: 'boundary-looks' }, looksDrawn.guides),
    xAxis(box, x, xTicks, formatNumber, base.xLabel),
    ...boundaryPaths(looks, drawn, x, y, yMax),
    element('g', { class: 'boundary-look-marks' }, looksDrawn.marks),
    ...observedMarkup(observed, crossed, x, y),
    key.markup,
  ];
  if (title !== null) parts.unshift(heading(title, width));
  return svgDocument({
    width,
    height,
    idPrefix,
    title: title ?? 'Safety stopping boundary',
    description: describeBoundary(read),
    body: parts.filter((p) => p !== '').join('\n'),
  });
}

/** The ends of the axes: every look and observed point, and room above the boundary. */
function extents(
  looks: readonly number[],
  drawn: readonly number[],
  observed: ReadInput['observed'],
): { xMax: number; yMax: number; yMin: number } {
  // Extents by loops, never Math.max(...points): spreading a data-sized array into a call
  // overflows the stack (about 123,500 observed patients did; issue 11 item 6).
  let xMax = looks.at(-1)!;
  let yMax = 3;
  let yMin = 0;
  for (const m of drawn) {
    yMax = Math.max(yMax, m + 2);
    yMin = Math.min(yMin, m);
  }
  for (const o of observed) {
    xMax = Math.max(xMax, o.patients);
    yMax = Math.max(yMax, o.events + 1);
  }
  return { xMax, yMax, yMin };
}

/** The legend: the boundary and its region, then the path, a crossing and the decision if any. */
function legendItems(read: ReadInput, crossed: readonly boolean[]): LegendItem[] {
  const items: LegendItem[] = [
    { label: 'Most events allowed', swatch: { kind: 'line', colour: STOP } },
    { label: 'Stop region', swatch: { kind: 'band', colour: STOP, opacity: 0.15 } },
  ];
  if (read.observed.length > 0) {
    items.push({ label: 'Observed', swatch: { kind: 'point', fill: PATH, stroke: PATH } });
  }
  if (crossed.some(Boolean)) {
    items.push({ label: 'Boundary crossed', swatch: { kind: 'point', fill: STOP, stroke: STOP } });
  }
  if (read.decision !== null) {
    items.push({
      label: `Decision: ${read.decision}`,
      swatch: { kind: 'none' },
      bold: true,
      textColour: read.decision === 'stop' ? STOP : '#222222',
    });
  }
  return items;
}

/** The shaded stop region and the boundary's step line. */
function boundaryPaths(
  looks: readonly number[],
  drawn: readonly number[],
  x: (patients: number) => number,
  y: (events: number) => number,
  yMax: number,
): [string, string] {
  // Vertices: (0, b_0), then (looks[i], b_i); stepBefore holds b_i on (looks[i-1], looks[i]].
  const vertices = [[0, drawn[0]!] as const, ...looks.map((l, i) => [l, drawn[i]!] as const)];
  const stepLine = line<readonly [number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]))
    .curve(curveStepBefore)
    .digits(2);
  const stopRegion = area<readonly [number, number]>()
    .x((d) => x(d[0]))
    .y0((d) => y(d[1]))
    .y1(y(yMax))
    .curve(curveStepBefore)
    .digits(2);
  return [
    element('path', {
      class: 'boundary-stop-region',
      d: stopRegion(vertices) ?? '',
      fill: STOP,
      'fill-opacity': 0.15,
    }),
    element('path', {
      class: 'boundary-line',
      d: stepLine(vertices) ?? '',
      fill: 'none',
      stroke: STOP,
      'stroke-width': 2,
    }),
  ];
}

/** A dotted guide at each look, and a circle on the boundary there with its rule as tooltip. */
function lookMarkup(
  read: ReadInput,
  drawn: readonly number[],
  x: (patients: number) => number,
  y: (events: number) => number,
  box: PlotBox,
): { guides: string; marks: string } {
  const { looks, maxAllowed } = read;
  const guides = looks.map((l) =>
    element('line', {
      x1: x(l),
      x2: x(l),
      y1: box.top,
      y2: box.bottom,
      stroke: '#cccccc',
      'stroke-dasharray': '2 3',
    }),
  );
  const marks = looks.map((l, i) =>
    element(
      'circle',
      {
        class: 'boundary-look',
        cx: x(l),
        cy: y(drawn[i]!),
        r: 3.5,
        fill: '#ffffff',
        stroke: STOP,
        'stroke-width': 1.5,
      },
      titleElement(
        `Look ${i + 1}: stop if more than ${maxAllowed[i]} event(s) in the first ${l} patients`,
      ),
    ),
  );
  return { guides: guides.join(''), marks: marks.join('') };
}

/** The observed path (empty without one) and its points, a crossing larger and vermillion. */
function observedMarkup(
  observed: ReadInput['observed'],
  crossed: readonly boolean[],
  x: (patients: number) => number,
  y: (events: number) => number,
): [string, string] {
  const pathLine = line<{ readonly patients: number; readonly events: number }>()
    .x((d) => x(d.patients))
    .y((d) => y(d.events))
    .digits(2);
  const points = observed.map((o, i) =>
    element(
      'circle',
      {
        class: 'boundary-observed',
        cx: x(o.patients),
        cy: y(o.events),
        r: crossed[i] ? 5 : 3.5,
        fill: crossed[i] ? STOP : PATH,
        stroke: crossed[i] ? STOP : PATH,
      },
      titleElement(`${o.events} event(s) in ${o.patients} patient(s)`),
    ),
  );
  const path =
    observed.length > 0
      ? element('path', {
          class: 'boundary-path',
          d: pathLine(observed) ?? '',
          fill: 'none',
          stroke: PATH,
          'stroke-width': 1.5,
        })
      : '';
  return [path, element('g', { class: 'boundary-points' }, points.join(''))];
}

/** The plot in words, for its `<desc>`. */
function describeBoundary({ looks, maxAllowed, observed, decision }: ReadInput): string {
  const last = observed.at(-1);
  return (
    `Safety stopping boundary over ${looks.length} look(s) up to ${looks.at(-1)!} evaluable patients: ` +
    looks.map((l, i) => `stop if more than ${maxAllowed[i]} of ${l}`).join(', ') +
    '.' +
    (last ? ` Observed: ${last.events} event(s) in ${last.patients} patient(s).` : '') +
    (decision !== null ? ` Decision: ${decision}.` : '')
  );
}

interface ReadInput {
  readonly looks: readonly number[];
  readonly maxAllowed: readonly number[];
  readonly observed: readonly { readonly patients: number; readonly events: number }[];
  readonly decision: 'continue' | 'stop' | null;
}

function readInput(input: unknown): ReadInput {
  assertObject('input', input);
  const { looks, maxAllowed, observed = [], decision } = input as Record<string, unknown>;
  assertArray('input.looks', looks);
  if (looks.length === 0) {
    throw new RangeError('input.looks must hold at least one look. Value: an array of length 0.');
  }
  looks.forEach((l, i) => {
    assertInteger(`input.looks[${i}]`, l, 1);
    if (i > 0 && l <= (looks[i - 1] as number)) {
      throw new RangeError(
        `input.looks must be strictly increasing. Value: input.looks[${i - 1}] = ${describeValue(looks[i - 1])}, input.looks[${i}] = ${describeValue(l)}.`,
      );
    }
  });
  assertArray('input.maxAllowed', maxAllowed);
  if (maxAllowed.length !== looks.length) {
    throw new RangeError(
      `input.maxAllowed must have one entry per look (${looks.length}). Value: an array of length ${maxAllowed.length}.`,
    );
  }
  maxAllowed.forEach((m, i) => {
    assertInteger(`input.maxAllowed[${i}]`, m, -1);
  });
  assertArray('input.observed', observed);
  const path = observed.map((o, i) => {
    assertObject(`input.observed[${i}]`, o);
    const { patients, events } = o as Record<string, unknown>;
    assertInteger(`input.observed[${i}].patients`, patients, 0);
    assertInteger(`input.observed[${i}].events`, events, 0);
    if (events > patients) {
      throw new RangeError(
        `input.observed[${i}].events must be <= its patients (${patients}). Value: ${describeValue(events)}.`,
      );
    }
    return { patients, events };
  });
  path.forEach((o, i) => {
    if (i > 0 && o.patients < path[i - 1]!.patients) {
      throw new RangeError(
        `input.observed must be in order of patients. Value: input.observed[${i}].patients = ${o.patients} after ${path[i - 1]!.patients}.`,
      );
    }
  });
  if (decision !== undefined) {
    assertOneOf('input.decision', decision, ['continue', 'stop'] as const);
  }
  return {
    looks: looks as readonly number[],
    maxAllowed: maxAllowed as readonly number[],
    observed: path,
    decision: (decision as 'continue' | 'stop' | undefined) ?? null,
  };
}

import { scaleLinear } from 'd3-scale';
import { heading, type PlotBox, xAxis, yAxis } from './_internal/axes.js';
import { markerPath } from './_internal/markers.js';
import { monthAxis } from './_internal/month-axis.js';
import { checkedPlotArea, emptyNote } from './_internal/plot-area.js';
import {
  MAX_PLOT_SIZE,
  type PlotOptions,
  readBoolean,
  readPlotOptions,
} from './_internal/plot-options.js';
import { readSwimmerLanes, type SwimmerLaneChecked } from './_internal/read-swimmer-lanes.js';
import { shortId } from './_internal/short-id.js';
import { element, formatNumber, svgDocument, textWidth } from './_internal/svg.js';
import {
  SWIMMER_EVENTS,
  type SwimmerEventKind,
  swimmerMarker,
} from './_internal/swimmer-events.js';
import {
  type LaneMarkup,
  SWIMMER_BAR,
  SWIMMER_OPEN_END,
  swimmerLane,
} from './_internal/swimmer-lane-markup.js';
import { type SymbolLegendItem, symbolLegend } from './_internal/symbol-legend.js';

export type { SwimmerEventKind } from './_internal/swimmer-events.js';

/** One event on a patient's lane. */
export interface SwimmerEvent {
  /**
   * `'biochemical-recurrence'`, `'adt-start'`, `'castration-resistance'`,
   * `'distant-metastasis'` or `'death'`.
   */
  readonly kind: SwimmerEventKind;
  /** Months from the sLND (days / 30.4375), in [0, followUpMonths]. */
  readonly months: number;
}

/** One patient's lane of {@link swimmerPlot}. */
export interface SwimmerLane {
  readonly patientId: string;
  /** Follow-up from the sLND to the last follow-up, in months: the bar, in [0, 3,600]. */
  readonly followUpMonths: number;
  /** Follow-up goes on (the patient is alive and followed): the bar ends in an arrow. Default false. */
  readonly ongoing?: boolean;
  /** The patient's events, in any order. Default none. */
  readonly events?: readonly SwimmerEvent[];
}

/** Options of {@link swimmerPlot}. */
export interface SwimmerPlotOptions extends PlotOptions {
  /** Write the patient ids left of the lanes. Default: only when there are at most 60 lanes. */
  readonly showIds?: boolean;
}

/** Lane pitch in pixels while the figure can grow; beyond 40,000 pixels lanes get thinner. */
const LANE = 18;
const BOTTOM = 48;

/**
 * Draws a swimmer plot as a standalone SVG string: one horizontal bar per patient from the
 * sLND (0) to the last follow-up, in months (days / 30.4375), with a marker at each event:
 * biochemical recurrence (orange circle), ADT start (blue square), castration resistance
 * (reddish-purple diamond), distant metastasis (vermillion triangle) and death (black cross),
 * each a distinct shape as well as an Okabe-Ito colour; an arrow at the end of the bar when
 * follow-up is ongoing.
 *
 * Rules: lanes are sorted by follow-up, longest at the top; ties keep the input order (the
 * sort is stable). Markers are drawn kind by kind in the order above (a death on top of
 * anything at the same time); a bar of 0 months is drawn 1 pixel wide. Lanes are 18 pixels
 * apart and the default height grows with them up to the 40,000-pixel limit; beyond, lanes
 * get thinner to fit (about 2 pixels for 20,000 patients), and the description says so. A
 * given `options.height` is shared among the lanes the same way. Patient ids (cut to 16
 * characters) are written left of the lanes when there are at most 60; every bar and marker
 * carries a `<title>` tooltip with the id, the follow-up and the events. The legend lists the
 * event kinds present. Every string is XML-escaped; the output is deterministic.
 *
 * @param lanes One `{ patientId, followUpMonths, ongoing?, events?: [{ kind, months }] }` per
 *   patient; may be empty. Patient ids must be unique.
 * @param options `width` (720), `height` (default: 18 pixels per lane and the margins, at most
 *   40,000), `title`, `xLabel` ("Months from sLND"), `yLabel` ("Patients, by follow-up"),
 *   `showIds` and `idPrefix` (default "slnd-swimmer").
 * @returns The SVG document as a string.
 * @throws {TypeError} when `lanes` or `events` is not an array, an entry not an object, an id
 *   not a string, a number not a number, `ongoing` not a boolean, or an option has the wrong
 *   type.
 * @throws {RangeError} naming the entry: a repeated patient id, a follow-up that is not finite
 *   or outside [0, 3,600] months, an unknown event kind, an event outside [0, followUpMonths],
 *   a death on a lane whose follow-up is ongoing, or a size too small or above 40,000 pixels.
 * @example
 * const svg = swimmerPlot([
 *   { patientId: 'P01', followUpMonths: 30, ongoing: true, events: [{ kind: 'adt-start', months: 12 }] },
 *   { patientId: 'P02', followUpMonths: 18, events: [{ kind: 'death', months: 18 }] },
 * ]);
 * svg.includes('<title>P02: death at 18 months</title>'); // => true
 */
export function swimmerPlot(
  lanes: readonly SwimmerLane[],
  options: SwimmerPlotOptions = {},
): string {
  const list = readSwimmerLanes(lanes);
  const base = readPlotOptions(options, {
    width: 720,
    height: 150, // replaced below by the height the lanes need, unless options.height is given
    xLabel: 'Months from sLND',
    yLabel: 'Patients, by follow-up',
    idPrefix: 'slnd-swimmer',
  });
  const showIds = readBoolean('options.showIds', options.showIds, list.length <= 60);
  const { width, title, idPrefix } = base;

  const sorted = [...list].sort((a, b) => b.followUpMonths - a.followUpMonths);
  const counts = countEvents(sorted);
  // Widths by a loop, never Math.max(...ids): a spread overflows the stack (issue 11 item 6).
  let widestId = 0;
  if (showIds) {
    for (const l of sorted) widestId = Math.max(widestId, textWidth(shortId(l.patientId), 11));
  }
  const left = showIds ? 30 + widestId + 10 : 40;
  const right = 28;
  const legendTop = title === null ? 10 : 32;
  const key = symbolLegend(legendItems(counts), left, legendTop, width - left - right);
  const top = legendTop + key.height + 12;
  const natural = Math.ceil(top + Math.max(100, sorted.length * LANE) + BOTTOM);
  const height = options.height === undefined ? Math.min(natural, MAX_PLOT_SIZE) : base.height;
  const area = { left, top, right: width - right, bottom: height - BOTTOM };
  const box = checkedPlotArea(area, width, height, 'the lanes');

  const axis = monthAxis(0, counts.longest);
  const x = scaleLinear().domain([axis.lo, axis.hi]).range([box.left, box.right]);
  const pitch = (box.bottom - box.top) / Math.max(sorted.length, 1);
  const geometry = {
    x,
    idRight: left - 8,
    barHeight: Math.min(11, pitch * 0.6),
    markerSize: Math.min(9, pitch * 0.75),
    idSize: showIds ? Math.min(11, pitch * 0.8) : 0,
  };
  const layers: Record<keyof LaneMarkup, string[]> = { bar: [], end: [], markers: [], id: [] };
  sorted.forEach((lane, i) => {
    const m = swimmerLane(lane, box.top + (i + 0.5) * pitch, geometry);
    for (const k of ['bar', 'end', 'markers', 'id'] as const) layers[k].push(m[k]);
  });

  const parts = [
    grid(box, axis.ticks, x),
    yAxis(box, () => 0, [], formatNumber, base.yLabel, 14),
    xAxis(box, x, axis.ticks, formatNumber, base.xLabel),
    element('g', { class: 'swimmer-bars' }, layers.bar.join('')),
    element('g', { class: 'swimmer-ends' }, layers.end.join('')),
    element('g', { class: 'swimmer-events' }, layers.markers.join('')),
    element('g', { class: 'swimmer-ids' }, layers.id.join('')),
    key.markup,
  ];
  if (title !== null) parts.unshift(heading(title, width));
  if (sorted.length === 0) parts.push(emptyNote(box, 'No patients'));
  const description = describeSwimmer(sorted.length, counts, pitch, height, showIds);
  const doc = { width, height, idPrefix, description, body: parts.join('\n') };
  return svgDocument({ ...doc, title: title ?? 'Follow-up and events by patient' });
}

/** The longest follow-up, the ongoing lanes and the events of each kind. */
interface LaneCounts {
  readonly longest: number;
  readonly ongoing: number;
  readonly events: ReadonlyMap<SwimmerEventKind, number>;
}

function countEvents(lanes: readonly SwimmerLaneChecked[]): LaneCounts {
  const events = new Map<SwimmerEventKind, number>(SWIMMER_EVENTS.map((e) => [e.kind, 0]));
  let longest = 0;
  let ongoing = 0;
  for (const lane of lanes) {
    longest = Math.max(longest, lane.followUpMonths);
    if (lane.ongoing) ongoing += 1;
    for (const e of lane.events) events.set(e.kind, events.get(e.kind)! + 1);
  }
  return { longest, ongoing, events };
}

/** Follow-up, the open end when any lane is ongoing, and each event kind present. */
function legendItems(counts: LaneCounts): SymbolLegendItem[] {
  const items: SymbolLegendItem[] = [
    {
      label: 'Follow-up',
      symbol: (cx, cy) =>
        element('rect', { x: cx - 9, y: cy - 4, width: 18, height: 8, fill: SWIMMER_BAR }),
    },
  ];
  if (counts.ongoing > 0) {
    items.push({
      label: 'Follow-up ongoing',
      symbol: (cx, cy) =>
        element('path', { d: markerPath('arrow', cx - 4, cy, 9), fill: SWIMMER_OPEN_END }),
    });
  }
  for (const style of SWIMMER_EVENTS) {
    if (counts.events.get(style.kind)! > 0) {
      items.push({ label: style.label, symbol: (cx, cy) => swimmerMarker(style, cx, cy, 9) });
    }
  }
  return items;
}

/** Light vertical gridlines at the month ticks, under the lanes. */
function grid(box: PlotBox, ticks: readonly number[], x: (months: number) => number): string {
  const lines = ticks.map((t) =>
    element('line', {
      x1: x(t),
      x2: x(t),
      y1: box.top,
      y2: box.bottom,
      stroke: '#e5e5e5',
      'stroke-width': 1,
    }),
  );
  return element('g', { class: 'swimmer-grid' }, lines.join(''));
}

/** The plot in words, for its `<desc>`. */
function describeSwimmer(
  lanes: number,
  counts: LaneCounts,
  pitch: number,
  height: number,
  showIds: boolean,
): string {
  const events = SWIMMER_EVENTS.map((e) => `${counts.events.get(e.kind)} ${e.phrase}`);
  return (
    `Swimmer plot of ${lanes} patient(s), one lane each from the sLND to the last follow-up, ` +
    `sorted by follow-up (longest at the top; up to ${formatNumber(counts.longest)} months), ` +
    `${counts.ongoing} ongoing (arrow); events: ${events.join(', ')}.` +
    (lanes > 0 && pitch < LANE
      ? ` Lanes are ${formatNumber(pitch)} pixels apart instead of ${LANE}, so that ${lanes} lanes fit in ${formatNumber(height)} pixels.`
      : '') +
    (lanes > 0 && !showIds ? ' Patient ids are in the tooltips only.' : '')
  );
}

import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { heading, type PlotBox, xAxis, yAxis } from './_internal/axes.js';
import { monthAxis } from './_internal/month-axis.js';
import { OKABE_ITO } from './_internal/palette.js';
import { checkedPlotArea, emptyNote } from './_internal/plot-area.js';
import { type PlotOptions, readBoolean, readPlotOptions } from './_internal/plot-options.js';
import { formatPsa, psaLogAxis } from './_internal/psa-log-axis.js';
import {
  type PsaTrajectoryExtent,
  psaTrajectoryExtent,
} from './_internal/psa-trajectory-extent.js';
import { PSA_LINE, PSA_POINT, psaLegendItems } from './_internal/psa-trajectory-legend.js';
import { psaPatientMarkup } from './_internal/psa-trajectory-markup.js';
import {
  type PsaPoint,
  type PsaSeries,
  readHighlight,
  readPsaTrajectories,
  readReferenceLines,
} from './_internal/read-psa-trajectories.js';
import { element, formatNumber, svgDocument, textElement, textWidth } from './_internal/svg.js';
import { symbolLegend } from './_internal/symbol-legend.js';

/** One PSA value of a patient. */
export interface PsaTrajectoryPoint {
  /** Months from the sLND (days / 30.4375), within ±3,600; negative before it. */
  readonly months: number;
  /**
   * PSA in ng/mL: 0, or in [0.0001, 1,000,000]. For an undetectable value, the assay's
   * detection limit (or 0 when it is not known).
   */
  readonly value: number;
  /** Below the assay's detection limit: drawn hollow at `value` (the limit), or at the axis floor if 0. */
  readonly undetectable?: boolean;
}

/** One patient's PSA series for {@link psaTrajectoriesPlot}. */
export interface PsaTrajectory {
  readonly patientId: string;
  /** The values, in any order: they are joined in order of time. */
  readonly points: readonly PsaTrajectoryPoint[];
  /** Start of androgen deprivation therapy, in months from the sLND; marked on the line. */
  readonly adtStartMonths?: number | null;
}

/** Options of {@link psaTrajectoriesPlot}. */
export interface PsaTrajectoriesPlotOptions extends PlotOptions {
  /** PSA values drawn as dashed horizontal lines, in ng/mL, each in [0.0001, 1,000,000]. Default [0.2]. */
  readonly referenceLines?: readonly number[];
  /** Patients drawn in colour, thicker and on top, named in the legend: at most 6 ids. Default none. */
  readonly highlight?: readonly string[];
  /** Draw a point at every measured value (undetectable ones are always drawn). Default true. */
  readonly showPoints?: boolean;
}

/** Beyond this many patients the lines and points get thinner: the plot stays legible, if dense. */
const LEGIBLE_PATIENTS = 60;
/** Highlight colours: Okabe-Ito without blue (ADT's) and yellow (too faint on white). */
const HIGHLIGHT = OKABE_ITO.slice(1, 7);
const MARK = '#222222';

/**
 * Draws each patient's PSA over time as a standalone SVG string: months from the sLND across
 * (a month is 30.4375 days; the sLND at 0, marked by a vertical line), PSA in ng/mL on a log
 * scale up, one thin grey line with points per patient, dashed `referenceLines` (0.2 ng/mL:
 * the usual definition of a complete biochemical response after sLND and of biochemical
 * recurrence after prostatectomy, EAU guidelines), and the start of ADT as a blue square on
 * the patient's line (the swimmer plot's ADT marker).
 *
 * Rules: a patient's values are joined in order of time (ties keep the input order). A value
 * flagged `undetectable` is drawn as a hollow circle at its `value`, taken as the assay's
 * detection limit. A value of 0 (flagged or not: a PSA of 0 is an undetectable one) has no
 * logarithm: it is drawn hollow at the axis floor, the power of ten strictly below every
 * positive value and reference line, which the legend and the description state. The axis
 * spans whole decades from the floor to the power of ten at or above the largest value and
 * reference line. The ADT square sits on the line at `adtStartMonths` (interpolated between
 * the values around it, on the log scale as drawn; before the first or after the last value
 * at that value's height). Up to 60 patients lines are 1.2 pixels wide with 2.5-pixel points;
 * beyond, 0.6 and 1.5, so 20,000 patients still draw (densely). `highlight` draws up to six
 * patients in Okabe-Ito colours on top. Each line has a `<title>` with the patient id, each
 * point and square a `<title>` with its value. Patients without values are not drawn (the
 * description counts them). Every string is XML-escaped; the output is deterministic.
 *
 * @param series One `{ patientId, points: [{ months, value, undetectable? }], adtStartMonths? }`
 *   per patient; may be empty. Patient ids must be unique.
 * @param options Size (`width` 720, `height` 480), `title`, `xLabel` ("Months from sLND"),
 *   `yLabel` ("PSA (ng/mL, log scale)"), `referenceLines` ([0.2]), `highlight`, `showPoints`
 *   (true) and `idPrefix` (default "slnd-psa").
 * @returns The SVG document as a string.
 * @throws {TypeError} when `series` is not an array, an entry or point not an object, an id not
 *   a string, a number not a number, `undetectable` not a boolean, or an option has the wrong
 *   type.
 * @throws {RangeError} naming the entry: a repeated patient id, months that are not finite or
 *   beyond ±3,600, a PSA below 0, between 0 and 0.0001 or above 1,000,000 ng/mL, a reference
 *   line outside [0.0001, 1,000,000], more than 6 or unknown or repeated highlighted ids, or a
 *   size too small or above 40,000 pixels.
 * @example
 * const svg = psaTrajectoriesPlot([
 *   { patientId: 'P01', points: [{ months: -2, value: 1.8 }, { months: 1.5, value: 0.03, undetectable: true }] },
 *   { patientId: 'P02', points: [{ months: -1, value: 0.9 }, { months: 3, value: 2.4 }], adtStartMonths: 4 },
 * ]);
 * svg.includes('<title>P02: ADT started at 4 months</title>'); // => true
 */
export function psaTrajectoriesPlot(
  series: readonly PsaTrajectory[],
  options: PsaTrajectoriesPlotOptions = {},
): string {
  const list = readPsaTrajectories(series);
  const base = readPlotOptions(options, {
    width: 720,
    height: 480,
    xLabel: 'Months from sLND',
    yLabel: 'PSA (ng/mL, log scale)',
    idPrefix: 'slnd-psa',
  });
  const references = readReferenceLines(options.referenceLines);
  const highlight = readHighlight(options.highlight, list).map((patientId, i) => ({
    patientId,
    colour: HIGHLIGHT[i]!,
  }));
  const showPoints = readBoolean('options.showPoints', options.showPoints, true);
  const { width, height, title, idPrefix } = base;

  const extent = psaTrajectoryExtent(list, references);
  const logAxis = psaLogAxis(extent.minPositive, extent.maxValue, extent.zeros > 0);
  const items = psaLegendItems(extent, logAxis.floor, showPoints, highlight);
  let right = 28;
  for (const r of references) right = Math.max(right, textWidth(`${formatPsa(r)} ng/mL`) + 14);
  const legendTop = title === null ? 10 : 32;
  const key = symbolLegend(items, 68, legendTop, width - 68 - right);
  // 20 pixels above the plot area for the "sLND" label.
  const area = { left: 68, top: legendTop + key.height + 20, right: width - right };
  const box = checkedPlotArea({ ...area, bottom: height - 48 }, width, height, 'the plot');

  const months = monthAxis(extent.minMonths, extent.maxMonths);
  const x = scaleLinear().domain([months.lo, months.hi]).range([box.left, box.right]);
  const y = scaleLog().domain([logAxis.floor, logAxis.ceiling]).range([box.bottom, box.top]);
  const py = (pt: PsaPoint): number => y(pt.value === 0 ? logAxis.floor : pt.value);
  const dense = extent.drawn > LEGIBLE_PATIENTS;
  const patients = drawPatients(list, { highlight, dense, showPoints, x, py });

  const parts = [
    yAxis(box, y, logAxis.ticks, formatPsa, base.yLabel),
    xAxis(box, x, months.ticks, formatNumber, base.xLabel),
    slndMarkup(x(0), box),
    patients,
    referenceMarkup(references, box, y),
    key.markup,
  ];
  if (title !== null) parts.unshift(heading(title, width));
  if (extent.values === 0) parts.push(emptyNote(box, 'No PSA values'));
  const description = describeTrajectories(list.length, extent, {
    months: [months.lo, months.hi],
    psa: [logAxis.floor, logAxis.ceiling],
    references,
    highlight: highlight.map((h) => h.patientId),
    dense,
  });
  const doc = { width, height, idPrefix, description, body: parts.join('\n') };
  return svgDocument({ ...doc, title: title ?? 'PSA trajectories' });
}

/** How the patients are drawn. */
interface PatientsStyle {
  readonly highlight: readonly { readonly patientId: string; readonly colour: string }[];
  readonly dense: boolean;
  readonly showPoints: boolean;
  readonly x: (months: number) => number;
  readonly py: (pt: PsaPoint) => number;
}

/** Every patient with values: grey lines first, the highlighted ones in colour on top. */
function drawPatients(list: readonly PsaSeries[], s: PatientsStyle): string {
  const path = line<PsaPoint>()
    .x((d) => s.x(d.months))
    .y(s.py)
    .digits(2);
  const colours = new Map(s.highlight.map((h) => [h.patientId, h.colour]));
  const plain: string[] = [];
  const coloured: string[] = [];
  for (const p of list) {
    if (p.points.length === 0) continue;
    const colour = colours.get(p.patientId);
    (colour === undefined ? plain : coloured).push(
      psaPatientMarkup(p, {
        d: path(p.points) ?? '',
        colour: colour ?? PSA_LINE,
        pointColour: colour ?? PSA_POINT,
        lineWidth: colour !== undefined ? 2 : s.dense ? 0.6 : 1.2,
        radius: colour !== undefined ? 3 : s.dense ? 1.5 : 2.5,
        showPoints: s.showPoints,
        x: s.x,
        py: s.py,
      }),
    );
  }
  return element('g', { class: 'psa-patients' }, plain.join('') + coloured.join(''));
}

/** The sLND: a vertical line at 0 months, labelled over the plot area. */
function slndMarkup(x0: number, box: PlotBox): string {
  return element(
    'g',
    { class: 'psa-slnd' },
    element('line', {
      x1: x0,
      x2: x0,
      y1: box.top,
      y2: box.bottom,
      stroke: MARK,
      'stroke-width': 1.5,
    }) + textElement({ x: x0, y: box.top - 6, 'text-anchor': 'middle', fill: MARK }, 'sLND'),
  );
}

/** The reference lines, dashed across the plot and labelled at its right. */
function referenceMarkup(
  references: readonly number[],
  box: PlotBox,
  y: (value: number) => number,
): string {
  const lines = references.map((r) =>
    element(
      'g',
      { class: 'psa-reference' },
      element('line', {
        x1: box.left,
        x2: box.right,
        y1: y(r),
        y2: y(r),
        stroke: MARK,
        'stroke-dasharray': '6 4',
      }) + textElement({ x: box.right + 6, y: y(r) + 4, fill: MARK }, `${formatPsa(r)} ng/mL`),
    ),
  );
  return element('g', { class: 'psa-references' }, lines.join(''));
}

/** What the description needs besides the extent: the axes' spans and the options. */
interface Drawn {
  readonly months: readonly [number, number];
  readonly psa: readonly [number, number];
  readonly references: readonly number[];
  readonly highlight: readonly string[];
  readonly dense: boolean;
}

/** The plot in words, for its `<desc>`. */
function describeTrajectories(patients: number, e: PsaTrajectoryExtent, d: Drawn): string {
  const refs = d.references.map((r) => `${formatPsa(r)} ng/mL`).join(', ');
  const undetectable = e.zeros + e.atLimit;
  return (
    `PSA trajectories of ${e.drawn} patient(s) (${e.values} value(s))` +
    (e.drawn < patients ? `; ${patients - e.drawn} patient(s) without values not drawn` : '') +
    `, from ${formatNumber(d.months[0])} to ${formatNumber(d.months[1])} months from the sLND (the vertical line at 0)` +
    `, on a log scale from ${formatPsa(d.psa[0])} to ${formatPsa(d.psa[1])} ng/mL` +
    (refs === '' ? '' : `; dashed line(s) at ${refs}`) +
    (undetectable > 0
      ? `; ${undetectable} undetectable value(s) drawn hollow` +
        (e.atLimit > 0 ? `, ${e.atLimit} at the detection limit given` : '') +
        (e.zeros > 0 ? `, ${e.zeros} of 0 at the axis floor (${formatPsa(d.psa[0])} ng/mL)` : '')
      : '') +
    (e.adtCount > 0 ? `; ADT start marked for ${e.adtCount} patient(s)` : '') +
    (d.highlight.length > 0 ? `; highlighted: ${d.highlight.join(', ')}` : '') +
    (d.dense ? `; more than ${LEGIBLE_PATIENTS} patients, drawn with thinner lines` : '') +
    '.'
  );
}

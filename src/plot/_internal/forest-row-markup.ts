import { visibleText } from '../../_lib/visible-text.js';
import { formatP, formatRatio } from './forest-axis.js';
import { markerPath } from './markers.js';
import { OKABE_ITO } from './palette.js';
import type { ForestRowChecked } from './read-forest-groups.js';
import { element, formatNumber, textElement, textWidth, titleElement } from './svg.js';

// Internal: one row of forestPlot: the label, the interval with its arrows, the square, the
// "not estimable" note, and the text columns, in one `<g>` whose `<title>` is the row's tooltip.

export const FOREST_ESTIMATE = OKABE_ITO[0]; // blue
const INTERVAL = '#333333';
const NOTE = '#555555';
/** Labels and group titles longer than this (code points) are cut; the tooltip keeps them whole. */
const MAX_LABEL_CHARS = 40;

/** The geometry shared by the rows. */
export interface ForestGeometry {
  /** The ratio axis: maps a ratio within [min, max] to x. */
  readonly x: (ratio: number) => number;
  readonly min: number;
  readonly max: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  /** Left end of the row labels (group titles start 12 pixels to the left). */
  readonly labelLeft: number;
  /** Left ends of the interval, events/n and p columns. */
  readonly columns: readonly [number, number, number];
  readonly fontSize: number;
  readonly markerSize: number;
}

/** What a row shows, and how it was drawn (for the description). */
export interface ForestRowMarkup {
  readonly markup: string;
  /** The estimate lies outside the axis (no square drawn). */
  readonly offAxis: boolean;
  /** Arrows drawn: limits beyond the axis or null. */
  readonly arrows: number;
}

/** "HR" for a Cox model's hazard ratio, "OR" for a logistic model's odds ratio. */
export function ratioName(row: ForestRowChecked): string {
  return row.model === 'cox' ? 'HR' : 'OR';
}

/** The interval column: "HR 1.23 (0.80 to 1.90)", or "HR NA" without an estimate. */
export function intervalText(row: ForestRowChecked): string {
  if (row.estimate === null) return `${ratioName(row)} NA`;
  return `${ratioName(row)} ${formatRatio(row.estimate)} (${formatRatio(row.lower)} to ${formatRatio(row.upper)})`;
}

/** The events/n column: "12/40". */
export function eventsText(row: ForestRowChecked): string {
  return `${row.events}/${row.n}`;
}

/** The p column: "0.0123", "<0.0001" or "NA". */
export function pText(row: ForestRowChecked): string {
  return formatP(row.pValue);
}

/** `text` as shown (visibleText) and cut to 40 code points, the last an ellipsis. */
export function shortLabel(text: string): string {
  const chars = [...visibleText(text)];
  return chars.length <= MAX_LABEL_CHARS
    ? chars.join('')
    : `${chars.slice(0, MAX_LABEL_CHARS - 1).join('')}…`;
}

/** The row's tooltip: label, interval, p, counts and the reason when not estimable. */
export function rowSummary(row: ForestRowChecked): string {
  const p = pText(row);
  const base = `${row.label}: ${intervalText(row)}, p ${p.startsWith('<') ? `< ${p.slice(1)}` : `= ${p}`}, events/n = ${eventsText(row)}`;
  if (row.estimate !== null) return base;
  return `${base}; not estimable${row.reason === null ? '' : `: ${row.reason}`}`;
}

/** One row centred on `cy`. */
export function forestRow(row: ForestRowChecked, cy: number, g: ForestGeometry): ForestRowMarkup {
  const baseline = cy + g.fontSize * 0.35;
  const text = (cls: string, x: number, value: string, fill = '#222222'): string =>
    textElement({ class: cls, x, y: baseline, 'font-size': g.fontSize, fill }, value);
  const columns =
    text('forest-label', g.labelLeft, shortLabel(row.label)) +
    text('forest-interval', g.columns[0], intervalText(row)) +
    text('forest-events', g.columns[1], eventsText(row)) +
    text('forest-p', g.columns[2], pText(row));
  let drawing: string;
  let offAxis = false;
  let arrows = 0;
  if (row.estimate === null) {
    drawing = text('forest-not-estimable', g.plotLeft + 6, noteText(row, g), NOTE);
  } else {
    const lowOpen = row.lower === null || row.lower < g.min;
    const highOpen = row.upper === null || row.upper > g.max;
    const x1 = lowOpen ? g.plotLeft : g.x(Math.min(row.lower!, g.max));
    const x2 = highOpen ? g.plotRight : g.x(Math.max(row.upper!, g.min));
    drawing = element('line', {
      class: 'forest-ci',
      x1,
      x2,
      y1: cy,
      y2: cy,
      stroke: INTERVAL,
      'stroke-width': 1.5,
    });
    const head = Math.max(g.markerSize * 0.5, 2);
    if (lowOpen) drawing += arrow(g.plotLeft, cy, -1, head);
    if (highOpen) drawing += arrow(g.plotRight, cy, 1, head);
    arrows = (lowOpen ? 1 : 0) + (highOpen ? 1 : 0);
    offAxis = row.estimate < g.min || row.estimate > g.max;
    if (!offAxis) {
      drawing += element('path', {
        class: 'forest-estimate',
        d: markerPath('square', g.x(row.estimate), cy, g.markerSize),
        fill: FOREST_ESTIMATE,
      });
    }
  }
  return {
    markup: element(
      'g',
      { class: 'forest-row' },
      titleElement(rowSummary(row)) + drawing + columns,
    ),
    offAxis,
    arrows,
  };
}

/** "not estimable: <reason>", cut to the width of the plot area. */
function noteText(row: ForestRowChecked, g: ForestGeometry): string {
  const full = visibleText(`not estimable${row.reason === null ? '' : `: ${row.reason}`}`);
  const room = Math.max(
    Math.floor((g.plotRight - g.plotLeft - 12) / textWidth('x', g.fontSize)),
    14,
  );
  const chars = [...full];
  return chars.length <= room ? full : `${chars.slice(0, room - 1).join('')}…`;
}

/** An arrowhead with its tip at (tipX, cy), pointing left (dir -1) or right (dir 1). */
function arrow(tipX: number, cy: number, dir: -1 | 1, half: number): string {
  const f = formatNumber;
  return element('path', {
    class: 'forest-arrow',
    d: `M${f(tipX)},${f(cy)}l${f(-dir * 1.6 * half)},${f(-half)}v${f(2 * half)}z`,
    fill: INTERVAL,
  });
}

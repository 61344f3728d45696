import { type MarkerShape, markerPath } from './markers.js';
import { OKABE_ITO } from './palette.js';
import { element, titleElement } from './svg.js';

// Internal: the event kinds of swimmerPlot and how each is drawn: a distinct shape as well as
// an Okabe-Ito colour, so the kinds are told apart without colour vision.

/** What a swimmer-plot marker records. */
export type SwimmerEventKind =
  | 'biochemical-recurrence'
  | 'adt-start'
  | 'castration-resistance'
  | 'distant-metastasis'
  | 'death';

/** The event kinds, in drawing order (a death on top of anything at the same time). */
export const SWIMMER_EVENT_KINDS: readonly SwimmerEventKind[] = [
  'biochemical-recurrence',
  'adt-start',
  'castration-resistance',
  'distant-metastasis',
  'death',
];

/** How an event kind is drawn and named. */
export interface SwimmerEventStyle {
  readonly kind: SwimmerEventKind;
  /** The legend's label. */
  readonly label: string;
  /** The label within a sentence (tooltips, the description): "ADT start", "death". */
  readonly phrase: string;
  readonly shape: MarkerShape;
  readonly colour: string;
}

/** Marker, colour and legend label of each kind, in the order of SWIMMER_EVENT_KINDS. */
export const SWIMMER_EVENTS: readonly SwimmerEventStyle[] = [
  {
    kind: 'biochemical-recurrence',
    label: 'Biochemical recurrence',
    phrase: 'biochemical recurrence',
    shape: 'circle',
    colour: OKABE_ITO[4], // orange
  },
  {
    kind: 'adt-start',
    label: 'ADT start',
    phrase: 'ADT start',
    shape: 'square',
    colour: OKABE_ITO[0], // blue
  },
  {
    kind: 'castration-resistance',
    label: 'Castration resistance',
    phrase: 'castration resistance',
    shape: 'diamond',
    colour: OKABE_ITO[3], // reddish purple
  },
  {
    kind: 'distant-metastasis',
    label: 'Distant metastasis',
    phrase: 'distant metastasis',
    shape: 'triangle',
    colour: OKABE_ITO[1], // vermillion
  },
  { kind: 'death', label: 'Death', phrase: 'death', shape: 'cross', colour: OKABE_ITO[6] }, // black
];

/**
 * A marker of `style` centred on (cx, cy), `size` pixels across; with a tooltip `tip` it is
 * an event on a lane (class `swimmer-<kind>`), without it a legend symbol.
 */
export function swimmerMarker(
  style: SwimmerEventStyle,
  cx: number,
  cy: number,
  size: number,
  tip?: string,
): string {
  const cross = style.shape === 'cross';
  return element(
    'path',
    {
      class: tip === undefined ? undefined : `swimmer-${style.kind}`,
      d: markerPath(style.shape, cx, cy, size),
      // A thin white edge parts a filled marker from the grey bar and from its neighbours.
      fill: cross ? 'none' : style.colour,
      stroke: cross ? style.colour : '#ffffff',
      'stroke-width': cross ? Math.max(size / 4, 0.5) : Math.min(0.8, size / 10),
    },
    tip === undefined ? undefined : titleElement(tip),
  );
}

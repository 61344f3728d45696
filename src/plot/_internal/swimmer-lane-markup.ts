import { markerPath } from './markers.js';
import type { SwimmerLaneChecked } from './read-swimmer-lanes.js';
import { shortId } from './short-id.js';
import { element, formatNumber, textElement, titleElement } from './svg.js';
import { SWIMMER_EVENTS, swimmerMarker } from './swimmer-events.js';

// Internal: one lane of swimmerPlot: the follow-up bar, the arrow of ongoing follow-up, the
// event markers and the patient id.

export const SWIMMER_BAR = '#BDBDBD';
export const SWIMMER_OPEN_END = '#555555';

/** The geometry shared by the lanes. */
export interface LaneGeometry {
  readonly x: (months: number) => number;
  /** Left end of the id labels (right-aligned there). */
  readonly idRight: number;
  readonly barHeight: number;
  readonly markerSize: number;
  /** Font size of the ids; 0 when ids are not written. */
  readonly idSize: number;
}

/** The markup of one lane centred on `cy`, by layer: drawn in four groups, bars at the bottom. */
export interface LaneMarkup {
  readonly bar: string;
  readonly end: string;
  readonly markers: string;
  readonly id: string;
}

/** One lane centred on `cy`. */
export function swimmerLane(lane: SwimmerLaneChecked, cy: number, g: LaneGeometry): LaneMarkup {
  const x0 = g.x(0);
  const x1 = g.x(lane.followUpMonths);
  const bar = element(
    'rect',
    {
      class: 'swimmer-bar',
      x: x0,
      y: cy - g.barHeight / 2,
      // A follow-up of 0 months is drawn 1 pixel wide, so the patient stays visible.
      width: Math.max(x1 - x0, 1),
      height: g.barHeight,
      fill: SWIMMER_BAR,
    },
    titleElement(laneTitle(lane)),
  );
  const end = lane.ongoing
    ? element('path', {
        class: 'swimmer-ongoing',
        d: markerPath('arrow', x1 + 1, cy, Math.max(g.barHeight, g.markerSize)),
        fill: SWIMMER_OPEN_END,
      })
    : '';
  let markers = '';
  for (const style of SWIMMER_EVENTS) {
    for (const e of lane.events) {
      if (e.kind !== style.kind) continue;
      const tip = `${lane.patientId}: ${style.phrase} at ${formatNumber(e.months)} months`;
      markers += swimmerMarker(style, g.x(e.months), cy, g.markerSize, tip);
    }
  }
  const id =
    g.idSize === 0
      ? ''
      : textElement(
          {
            class: 'swimmer-id',
            x: g.idRight,
            y: cy + g.idSize * 0.35,
            'text-anchor': 'end',
            'font-size': g.idSize,
            fill: '#333333',
          },
          shortId(lane.patientId),
        );
  return { bar, end, markers, id };
}

/** The bar's tooltip: id, follow-up and every event in order of time. */
function laneTitle(lane: SwimmerLaneChecked): string {
  const events = [...lane.events]
    .sort((a, b) => a.months - b.months)
    .map((e) => {
      const label = SWIMMER_EVENTS.find((s) => s.kind === e.kind)!.phrase;
      return `${label} at ${formatNumber(e.months)}`;
    });
  return (
    `${lane.patientId}: follow-up ${formatNumber(lane.followUpMonths)} months` +
    (lane.ongoing ? ', ongoing' : '') +
    (events.length > 0 ? `; ${events.join(', ')} months` : '')
  );
}

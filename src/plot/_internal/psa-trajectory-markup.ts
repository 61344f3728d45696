import { markerPath } from './markers.js';
import { OKABE_ITO } from './palette.js';
import { formatPsa } from './psa-log-axis.js';
import type { PsaPoint, PsaSeries } from './read-psa-trajectories.js';
import { element, formatNumber, titleElement } from './svg.js';

// Internal: one patient of psaTrajectoriesPlot: the line through the values, a marker at each
// value (hollow when undetectable) and the ADT start as a square on the line.

/** ADT's colour and shape: blue square, as in swimmerPlot. */
export const ADT_COLOUR = OKABE_ITO[0];

/** How one patient is drawn. */
export interface PsaPatientStyle {
  /** The line's path data. */
  readonly d: string;
  readonly colour: string;
  readonly pointColour: string;
  readonly lineWidth: number;
  readonly radius: number;
  /** Draw the measured (detectable) values; undetectable ones are always drawn. */
  readonly showPoints: boolean;
  readonly x: (months: number) => number;
  /** The pixel height of a value: a 0 at the axis floor. */
  readonly py: (pt: PsaPoint) => number;
}

/** One patient's line (its `<title>` the id), its points and its ADT marker. */
export function psaPatientMarkup(p: PsaSeries, s: PsaPatientStyle): string {
  const parts = [
    element(
      'path',
      { class: 'psa-line', d: s.d, fill: 'none', stroke: s.colour, 'stroke-width': s.lineWidth },
      titleElement(p.patientId),
    ),
  ];
  for (const pt of p.points) {
    const hollow = pt.undetectable || pt.value === 0;
    if (!hollow && !s.showPoints) continue;
    const where =
      pt.value === 0
        ? '0 ng/mL (undetectable), drawn at the axis floor'
        : pt.undetectable
          ? `undetectable, below ${formatPsa(pt.value)} ng/mL`
          : `${formatPsa(pt.value)} ng/mL`;
    parts.push(
      element(
        'circle',
        {
          class: hollow ? 'psa-undetectable' : 'psa-point',
          cx: s.x(pt.months),
          cy: s.py(pt),
          r: hollow ? s.radius + 0.5 : s.radius,
          fill: hollow ? '#ffffff' : s.pointColour,
          stroke: s.pointColour,
          'stroke-width': hollow ? 1.2 : undefined,
        },
        titleElement(`${p.patientId}: ${where} at ${formatNumber(pt.months)} months`),
      ),
    );
  }
  if (p.adtStartMonths !== null) parts.push(adtMarker(p, s, p.adtStartMonths));
  return parts.join('');
}

function adtMarker(p: PsaSeries, s: PsaPatientStyle, months: number): string {
  const size = Math.max(2 * s.radius + 3, 5);
  return element(
    'path',
    {
      class: 'psa-adt',
      d: markerPath('square', s.x(months), heightOnLine(p.points, months, s.py), size),
      fill: ADT_COLOUR,
      stroke: '#ffffff',
      'stroke-width': 0.8,
    },
    titleElement(`${p.patientId}: ADT started at ${formatNumber(months)} months`),
  );
}

/**
 * The pixel height of the patient's line at `months`: straight between the values around it
 * (so on the log scale, as drawn); the first or last value's height outside them.
 */
export function heightOnLine(
  points: readonly PsaPoint[],
  months: number,
  py: (pt: PsaPoint) => number,
): number {
  const first = points[0]!;
  if (months <= first.months) return py(first);
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (months <= b.months) {
      const a = points[i - 1]!;
      const t = (months - a.months) / (b.months - a.months);
      return py(a) + t * (py(b) - py(a));
    }
  }
  return py(points.at(-1)!);
}

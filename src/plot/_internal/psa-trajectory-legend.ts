import { markerPath } from './markers.js';
import { formatPsa } from './psa-log-axis.js';
import type { PsaTrajectoryExtent } from './psa-trajectory-extent.js';
import { ADT_COLOUR } from './psa-trajectory-markup.js';
import { element } from './svg.js';
import type { SymbolLegendItem } from './symbol-legend.js';

// Internal: the legend of psaTrajectoriesPlot: the kinds of mark present, and the highlighted
// patients by colour.

export const PSA_LINE = '#8C8C8C';
export const PSA_POINT = '#6E6E6E';

const lineSymbol =
  (colour: string) =>
  (cx: number, cy: number): string =>
    element('line', {
      x1: cx - 11,
      x2: cx + 11,
      y1: cy,
      y2: cy,
      stroke: colour,
      'stroke-width': 2,
    });

const pointSymbol =
  (hollow: boolean) =>
  (cx: number, cy: number): string =>
    element('circle', {
      cx,
      cy,
      r: 4,
      fill: hollow ? '#ffffff' : PSA_POINT,
      stroke: PSA_POINT,
      'stroke-width': 1.2,
    });

/** The legend's entries for what is drawn. */
export function psaLegendItems(
  e: PsaTrajectoryExtent,
  floor: number,
  showPoints: boolean,
  highlight: readonly { readonly patientId: string; readonly colour: string }[],
): SymbolLegendItem[] {
  const items: SymbolLegendItem[] = [{ label: 'PSA of one patient', symbol: lineSymbol(PSA_LINE) }];
  if (showPoints && e.values > e.zeros + e.atLimit) {
    items.push({ label: 'Measured value', symbol: pointSymbol(false) });
  }
  if (e.zeros + e.atLimit > 0) {
    items.push({ label: undetectableLabel(e.zeros, e.atLimit, floor), symbol: pointSymbol(true) });
  }
  if (e.adtCount > 0) {
    items.push({
      label: 'ADT start',
      symbol: (cx, cy) => element('path', { d: markerPath('square', cx, cy, 9), fill: ADT_COLOUR }),
    });
  }
  for (const h of highlight) items.push({ label: h.patientId, symbol: lineSymbol(h.colour) });
  return items;
}

function undetectableLabel(zeros: number, atLimit: number, floor: number): string {
  const at = `0 at the axis floor, ${formatPsa(floor)} ng/mL`;
  if (zeros === 0) return 'Undetectable (at its detection limit)';
  if (atLimit === 0) return `Undetectable (${at})`;
  return `Undetectable (at its detection limit; ${at})`;
}

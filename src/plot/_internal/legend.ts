import { element, formatNumber, textElement, textWidth } from './svg.js';

// Internal: a legend laid out in rows above the plot area, so it can never cover the data.

/** The symbol drawn before a legend label. */
export type LegendSwatch =
  | { readonly kind: 'line'; readonly colour: string; readonly dash?: string }
  | { readonly kind: 'band'; readonly colour: string; readonly opacity: number }
  | { readonly kind: 'tick'; readonly colour: string }
  | { readonly kind: 'rect'; readonly fill: string; readonly stroke?: string }
  | { readonly kind: 'point'; readonly fill: string; readonly stroke: string }
  | { readonly kind: 'triangle'; readonly colour: string }
  | { readonly kind: 'none' };

/** One legend entry. */
export interface LegendItem {
  readonly label: string;
  readonly swatch: LegendSwatch;
  /** Label text colour; default dark grey. */
  readonly textColour?: string;
  readonly bold?: boolean;
}

/** A laid-out legend: its markup and the height it takes. */
export interface Legend {
  readonly markup: string;
  readonly height: number;
}

const ROW_HEIGHT = 18;
const SWATCH_WIDTH = 22;
const GAP = 18;

function swatch(s: LegendSwatch, x: number, y: number): string {
  switch (s.kind) {
    case 'line':
      return element('line', {
        x1: x,
        x2: x + SWATCH_WIDTH,
        y1: y,
        y2: y,
        stroke: s.colour,
        'stroke-width': 2.5,
        'stroke-dasharray': s.dash,
      });
    case 'band':
      return element('rect', {
        x,
        y: y - 6,
        width: SWATCH_WIDTH,
        height: 12,
        fill: s.colour,
        'fill-opacity': s.opacity,
      });
    case 'tick':
      return element('path', {
        d: `M${formatNumber(x + SWATCH_WIDTH / 2)},${formatNumber(y - 5)}v10`,
        stroke: s.colour,
        'stroke-width': 1.5,
      });
    case 'rect':
      return element('rect', {
        x: x + 4,
        y: y - 6,
        width: SWATCH_WIDTH - 8,
        height: 12,
        fill: s.fill,
        stroke: s.stroke,
      });
    case 'point':
      return element('circle', {
        cx: x + SWATCH_WIDTH / 2,
        cy: y,
        r: 4,
        fill: s.fill,
        stroke: s.stroke,
        'stroke-width': 1.5,
      });
    case 'triangle':
      return element('path', {
        d: `M${formatNumber(x + SWATCH_WIDTH / 2)},${formatNumber(y - 5)}l5,9h-10z`,
        fill: s.colour,
      });
    case 'none':
      return '';
  }
}

/**
 * Lays the items out left to right from (`left`, `top`), wrapping to a new row when the next
 * item would pass `left + maxWidth` (widths are estimated, see `textWidth`).
 */
export function legend(
  items: readonly LegendItem[],
  left: number,
  top: number,
  maxWidth: number,
): Legend {
  if (items.length === 0) return { markup: '', height: 0 };
  const parts: string[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const swatchWidth = item.swatch.kind === 'none' ? 0 : SWATCH_WIDTH + 6;
    const width = swatchWidth + textWidth(item.label);
    if (x > left && x + width > left + maxWidth) {
      row += 1;
      x = left;
    }
    const cy = top + row * ROW_HEIGHT + ROW_HEIGHT / 2;
    parts.push(
      swatch(item.swatch, x, cy),
      textElement(
        {
          x: x + swatchWidth,
          y: cy + 4,
          fill: item.textColour ?? '#222222',
          'font-weight': item.bold ? 'bold' : undefined,
        },
        item.label,
      ),
    );
    x += width + GAP;
  }
  return {
    markup: element('g', { class: 'legend' }, parts.join('')),
    height: (row + 1) * ROW_HEIGHT,
  };
}

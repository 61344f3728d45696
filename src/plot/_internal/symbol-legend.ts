import type { Legend } from './legend.js';
import { element, textElement, textWidth } from './svg.js';

// Internal: a legend whose symbols the plot draws itself (marker shapes the shared legend's
// swatches do not have), laid out exactly as `legend` lays out its items: rows of 18 pixels,
// a 22-pixel symbol, 6 pixels to the label, 18 between items, wrapping at `maxWidth`. If
// `legend` ever takes a drawn symbol as a swatch, this file can go.

/** One legend entry: its label and the markup of its symbol centred on (cx, cy). */
export interface SymbolLegendItem {
  readonly label: string;
  readonly symbol: (cx: number, cy: number) => string;
}

const ROW_HEIGHT = 18;
const SYMBOL_WIDTH = 22;
const GAP = 18;

/** Lays the items out left to right from (`left`, `top`), as `legend` does. */
export function symbolLegend(
  items: readonly SymbolLegendItem[],
  left: number,
  top: number,
  maxWidth: number,
): Legend {
  if (items.length === 0) return { markup: '', height: 0 };
  const parts: string[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const width = SYMBOL_WIDTH + 6 + textWidth(item.label);
    if (x > left && x + width > left + maxWidth) {
      row += 1;
      x = left;
    }
    const cy = top + row * ROW_HEIGHT + ROW_HEIGHT / 2;
    parts.push(
      item.symbol(x + SYMBOL_WIDTH / 2, cy),
      textElement({ x: x + SYMBOL_WIDTH + 6, y: cy + 4, fill: '#222222' }, item.label),
    );
    x += width + GAP;
  }
  return {
    markup: element('g', { class: 'legend' }, parts.join('')),
    height: (row + 1) * ROW_HEIGHT,
  };
}

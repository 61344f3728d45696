import { element, formatNumber, textElement } from './svg.js';

// Internal: axes, gridlines and axis labels drawn around a plot area.

/** The plot area in SVG coordinates (y grows downwards). */
export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const AXIS_COLOUR = '#333333';
const GRID_COLOUR = '#e5e5e5';

/**
 * The vertical axis on the left of `box`: a line, ticks with right-aligned labels, light
 * horizontal gridlines across the plot, and the axis label rotated along it at `labelX`.
 */
export function yAxis(
  box: PlotBox,
  y: (value: number) => number,
  ticks: readonly number[],
  format: (value: number) => string,
  label: string,
  labelX = 16,
): string {
  const parts: string[] = [];
  for (const t of ticks) {
    const py = y(t);
    parts.push(
      element('line', {
        x1: box.left,
        x2: box.right,
        y1: py,
        y2: py,
        stroke: GRID_COLOUR,
        'stroke-width': 1,
      }),
      element('line', { x1: box.left - 5, x2: box.left, y1: py, y2: py, stroke: AXIS_COLOUR }),
      textElement(
        { x: box.left - 8, y: py + 4, 'text-anchor': 'end', fill: AXIS_COLOUR },
        format(t),
      ),
    );
  }
  parts.push(
    element('line', {
      x1: box.left,
      x2: box.left,
      y1: box.top,
      y2: box.bottom,
      stroke: AXIS_COLOUR,
    }),
  );
  const cy = (box.top + box.bottom) / 2;
  parts.push(
    textElement(
      {
        x: labelX,
        y: cy,
        'text-anchor': 'middle',
        transform: `rotate(-90 ${formatNumber(labelX)} ${formatNumber(cy)})`,
        fill: AXIS_COLOUR,
        'font-size': 13,
      },
      label,
    ),
  );
  return element('g', { class: 'axis axis-y' }, parts.join(''));
}

/**
 * The horizontal axis along the bottom of `box`: a line, ticks with centred labels (left out
 * when `format` is null) and the axis label centred `labelOffset` pixels below the axis.
 */
export function xAxis(
  box: PlotBox,
  x: (value: number) => number,
  ticks: readonly number[],
  format: ((value: number) => string) | null,
  label: string,
  labelOffset = 36,
): string {
  const parts: string[] = [
    element('line', {
      x1: box.left,
      x2: box.right,
      y1: box.bottom,
      y2: box.bottom,
      stroke: AXIS_COLOUR,
    }),
  ];
  for (const t of ticks) {
    const px = x(t);
    parts.push(
      element('line', { x1: px, x2: px, y1: box.bottom, y2: box.bottom + 5, stroke: AXIS_COLOUR }),
    );
    if (format) {
      parts.push(
        textElement(
          { x: px, y: box.bottom + 18, 'text-anchor': 'middle', fill: AXIS_COLOUR },
          format(t),
        ),
      );
    }
  }
  parts.push(
    textElement(
      {
        x: (box.left + box.right) / 2,
        y: box.bottom + labelOffset,
        'text-anchor': 'middle',
        fill: AXIS_COLOUR,
        'font-size': 13,
      },
      label,
    ),
  );
  return element('g', { class: 'axis axis-x' }, parts.join(''));
}

/** A heading centred over the whole SVG, 20 pixels from the top. */
export function heading(title: string, width: number): string {
  return textElement(
    {
      class: 'plot-title',
      x: width / 2,
      y: 20,
      'text-anchor': 'middle',
      'font-size': 15,
      'font-weight': 'bold',
      fill: '#111111',
    },
    title,
  );
}

import { describeValue } from '../../_lib/describe-value.js';
import type { PlotBox } from './axes.js';
import { textElement } from './svg.js';

// Internal: the plot area left by the margins, legend and labels, checked to be usable, and
// the note drawn in it when there is nothing to plot.

/** The smallest plot area, in pixels each way. */
const MIN_AREA = 100;

/**
 * Returns `box` if it is at least 100 pixels each way; else throws a RangeError naming the
 * option that is too small (`what` says what the area holds: "the lanes", "the plot").
 */
export function checkedPlotArea(
  box: PlotBox,
  width: number,
  height: number,
  what: string,
): PlotBox {
  if (box.bottom - box.top < MIN_AREA) {
    throw new RangeError(
      `options.height leaves less than ${MIN_AREA} pixels for ${what}. Value: ${describeValue(height)}.`,
    );
  }
  if (box.right - box.left < MIN_AREA) {
    throw new RangeError(
      `options.width leaves less than ${MIN_AREA} pixels for ${what}. Value: ${describeValue(width)}.`,
    );
  }
  return box;
}

/** A grey note ("No patients") centred in `box`. */
export function emptyNote(box: PlotBox, text: string): string {
  return textElement(
    {
      class: 'plot-empty',
      x: (box.left + box.right) / 2,
      y: (box.top + box.bottom) / 2,
      'text-anchor': 'middle',
      fill: '#555555',
    },
    text,
  );
}

// Internal: an x axis in months from the sLND, with ticks at round numbers of months (1, 2, 3,
// 6, 12, 24 ...) rather than d3's 1-2-5 steps: a reader of follow-up thinks in quarters and
// years. The kaplanMeierPlot's own ticks follow the same steps from 0.

const STEPS = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240, 360, 600, 1200, 2400];

/** An axis in months: its ends, widened to whole steps, and its ticks (0 among them). */
export interface MonthAxis {
  readonly lo: number;
  readonly hi: number;
  readonly ticks: readonly number[];
}

/**
 * The axis covering [min, max] months (finite, min <= 0 <= max as both plots include the sLND)
 * with the smallest round step giving at most `maxIntervals` intervals; its ends are whole
 * multiples of the step, so 0 is always a tick. An empty span is widened to one step.
 */
export function monthAxis(min: number, max: number, maxIntervals = 8): MonthAxis {
  let step = STEPS.at(-1)!;
  for (const s of STEPS) {
    if (Math.max(Math.ceil(max / s) - Math.floor(min / s), 1) <= maxIntervals) {
      step = s;
      break;
    }
  }
  const first = Math.floor(min / step);
  let last = Math.ceil(max / step);
  if (last === first) last += 1;
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(k * step + 0); // + 0: no -0 tick
  return { lo: first * step, hi: last * step, ticks };
}

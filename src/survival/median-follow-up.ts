import type { Estimate } from '../stats/estimate.js';
import { readTimeEvent, type SurvivalInput } from './_internal/read-input.js';
import { type KaplanMeierOptions, kaplanMeier } from './kaplan-meier.js';
import { survivalQuantile } from './survival-quantile.js';

/**
 * Median follow-up by the reverse Kaplan-Meier method (Schemper & Smith, Control Clin Trials
 * 1996): the Kaplan-Meier median of the censoring distribution, obtained by swapping the
 * roles of events and censorings, with its confidence interval. Matches R's
 * `quantile(survfit(Surv(time, 1 - event) ~ 1), 0.5)`.
 *
 * An event ends follow-up early, so it censors the follow-up time; a censoring is a "follow-up
 * completed" event. The interval follows `options` (default 95%, log scale), as
 * {@link kaplanMeier}; the median rule is {@link survivalQuantile}'s.
 *
 * @param input Rows or columns of `{ time, event }`, as {@link kaplanMeier}.
 * @param options `confLevel` and `confType` of the reverse curve.
 * @returns `{ estimate, lower, upper }`, null where the reverse curve never falls to 0.5.
 * @throws {TypeError|RangeError} as {@link kaplanMeier}.
 * @example
 * medianFollowUp({ time: [3, 5, 8, 12, 20], event: [1, 0, 0, 1, 0] });
 * // => { estimate: 14, lower: 5, upper: null }
 */
export function medianFollowUp(input: SurvivalInput, options: KaplanMeierOptions = {}): Estimate {
  const { time, event } = readTimeEvent('input', input);
  const reversed = new Uint8Array(event.length);
  for (let i = 0; i < event.length; i++) reversed[i] = 1 - event[i]!;
  return survivalQuantile(kaplanMeier({ time, event: reversed }, options), 0.5);
}

import { assertObject } from '../_lib/assert.js';
import { countAtOrBelow, countBelow, readTimes } from './_internal/read-times.js';
import type { KaplanMeierFit } from './kaplan-meier.js';

/** One column of a risk table under a survival plot. */
export interface RiskTableRow {
  readonly time: number;
  /** Subjects still at risk at `time` (follow-up >= `time`). */
  readonly nRisk: number;
  /** Events at or before `time`. */
  readonly cumulativeEvents: number;
  /** Censorings at or before `time`. */
  readonly cumulativeCensored: number;
}

/**
 * The "number at risk" table printed under a Kaplan-Meier plot: at each chosen time, the
 * number still at risk and the cumulative numbers of events and of censorings.
 *
 * nRisk(t) counts subjects with follow-up >= t, as R's `summary(fit, times = t)$n.risk` (so a
 * subject with an event or censoring at exactly t is still at risk at t); cumulativeEvents and
 * cumulativeCensored count those with time <= t, i.e. `cumsum()` of the summary's `n.event`
 * and `n.censor`, as survminer's risk table. A subject with time exactly t is therefore in
 * both nRisk(t) and a cumulative count; for t strictly between curve times,
 * nRisk + cumulativeEvents + cumulativeCensored = n.
 *
 * @param fit A fit from {@link kaplanMeier}.
 * @param times A time or times, finite and >= 0 (e.g. every 6 months).
 * @returns One row per time, ascending.
 * @throws {TypeError} when `fit` is not an object or `times` not numbers.
 * @throws {RangeError} naming the index and value of a negative or non-finite time.
 * @example
 * const fit = kaplanMeier({ time: [100, 200, 400, 500], event: [1, 0, 1, 0] });
 * riskTable(fit, [0, 365]);
 * // => [{ time: 0, nRisk: 4, cumulativeEvents: 0, cumulativeCensored: 0 },
 * //     { time: 365, nRisk: 2, cumulativeEvents: 1, cumulativeCensored: 1 }]
 */
export function riskTable(fit: KaplanMeierFit, times: number | readonly number[]): RiskTableRow[] {
  assertObject('fit', fit);
  const ts = readTimes('times', times);
  const m = fit.time.length;
  const rows: RiskTableRow[] = [];
  let k = 0;
  let events = 0;
  let censored = 0;
  for (const t of ts) {
    const upto = countAtOrBelow(fit.time, t);
    while (k < upto) {
      events += fit.nEvent[k]!;
      censored += fit.nCensor[k]!;
      k++;
    }
    const next = countBelow(fit.time, t);
    rows.push({
      time: t,
      nRisk: next < m ? fit.nRisk[next]! : 0,
      cumulativeEvents: events,
      cumulativeCensored: censored,
    });
  }
  return rows;
}

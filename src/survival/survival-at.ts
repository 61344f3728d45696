import { assertObject } from '../_lib/assert.js';
import { countAtOrBelow, countBelow, readTimes } from './_internal/read-times.js';
import type { KaplanMeierFit } from './kaplan-meier.js';

/** The curve read at one requested time, as a row of R's `summary(fit, times = )`. */
export interface SurvivalAtRow {
  readonly time: number;
  /**
   * S at the last curve time <= `time` (1 before the first); null for an empty fit (no
   * subjects: nothing to estimate, docs/api-conventions.md).
   */
  readonly survival: number | null;
  /** Standard error of S itself (not of -log S): R's summary std.err; null where S = 0. */
  readonly stdErr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Subjects at risk at `time`: follow-up >= `time`, so events and censorings at `time` count. */
  readonly nRisk: number;
  /** Events in (previous requested time, `time`]; for the first row in [0, `time`]. */
  readonly nEvent: number;
  /** Censorings in the same interval as `nEvent`. */
  readonly nCensor: number;
}

/**
 * The survival curve at chosen times, as R's `summary(fit, times = times, extend = TRUE)`.
 *
 * For each requested time t (sorted ascending, as R sorts them):
 * - survival, lower and upper are the fit's values at the last curve time <= t (before the
 *   first curve time: S = 1, SE 0, limits 1, as R's survfit0 row at time 0); for an empty fit
 *   (no subjects) they are null, as every estimate of empty input is (R's survfit refuses
 *   empty data);
 * - stdErr = S(t) * se(-log S(t)), the standard error of S (delta method), as R's summary;
 * - nRisk is the number at risk at the first curve time >= t (subjects followed to t or
 *   beyond, so it includes events and censorings at exactly t), 0 beyond the last time;
 * - nEvent and nCensor are summed over the curve times in (previous requested time, t].
 * Times beyond the last curve time are kept (R's `extend = TRUE`) with the last values.
 *
 * @param fit A fit from {@link kaplanMeier}.
 * @param times A time or times, each finite and >= 0.
 * @returns One row per requested time, in ascending order of time.
 * @throws {TypeError} when `fit` is not an object or `times` not numbers.
 * @throws {RangeError} naming the index and value of a negative or non-finite time.
 * @example
 * const fit = kaplanMeier([{ time: 2, event: 1 }, { time: 4, event: 0 }, { time: 6, event: 1 }]);
 * survivalAt(fit, [3])[0]; // => { time: 3, survival: 0.6666666666666667, nRisk: 2, nEvent: 1, ... }
 */
export function survivalAt(
  fit: KaplanMeierFit,
  times: number | readonly number[],
): SurvivalAtRow[] {
  assertObject('fit', fit);
  const ts = readTimes('times', times);
  const rows: SurvivalAtRow[] = [];
  const m = fit.time.length;
  let k = 0; // curve rows consumed (time <= current requested time)
  let cumEvent = 0;
  let cumCensor = 0;
  let prevEvent = 0;
  let prevCensor = 0;
  for (const t of ts) {
    const upto = countAtOrBelow(fit.time, t);
    while (k < upto) {
      cumEvent += fit.nEvent[k]!;
      cumCensor += fit.nCensor[k]!;
      k++;
    }
    const next = countBelow(fit.time, t);
    const nRisk = next < m ? fit.nRisk[next]! : 0;
    let survival: number | null = m === 0 ? null : 1;
    let stdErr: number | null = m === 0 ? null : 0;
    let lower: number | null = fit.confType === 'none' || m === 0 ? null : 1;
    let upper: number | null = lower;
    if (upto > 0) {
      const r = upto - 1;
      survival = fit.survival[r]!;
      const se = fit.stdErr[r];
      // R multiplies std.err (of -log S) by S; Inf * 0 at S = 0 is NaN there, null here
      stdErr = se === null || se === undefined ? null : se * survival;
      lower = fit.lower[r] ?? null;
      upper = fit.upper[r] ?? null;
    }
    rows.push({
      time: t,
      survival,
      stdErr,
      lower,
      upper,
      nRisk,
      nEvent: cumEvent - prevEvent,
      nCensor: cumCensor - prevCensor,
    });
    prevEvent = cumEvent;
    prevCensor = cumCensor;
  }
  return rows;
}

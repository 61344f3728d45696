import { assertOneOf, assertOpenUnitInterval } from '../_lib/assert.js';
import { CONF_TYPES, type ConfType, confLimits } from './_internal/conf-limits.js';
import { readTimeEvent, type SurvivalInput } from './_internal/read-input.js';
import { splitSort } from './_internal/split-sort.js';
import { fixTimes } from './_internal/time-fix.js';
import { zValue } from './_internal/z-value.js';

export type { ConfType } from './_internal/conf-limits.js';
export type {
  Label,
  SurvivalColumns,
  SurvivalInput,
  SurvivalRow,
} from './_internal/read-input.js';

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Confidence level of the pointwise limits, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
  /** Scale on which the limits are built, as R's `conf.type`. Default `'log'`. */
  readonly confType?: ConfType;
}

/**
 * A Kaplan-Meier fit: one entry per distinct time (event or censoring), as the columns of
 * R's `survfit()` object. Plain JSON data.
 */
export interface KaplanMeierFit {
  /** Number of subjects. */
  readonly n: number;
  /** Number of events. */
  readonly events: number;
  readonly confType: ConfType;
  readonly confLevel: number;
  /** The distinct times, ascending. */
  readonly time: readonly number[];
  /** Subjects at risk just before each time (time >= t). */
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  /** S(t), the product-limit estimate just after t. */
  readonly survival: readonly number[];
  /** Greenwood standard error of -log S(t) (R's `std.err`); null where S(t) = 0 (R: Inf). */
  readonly stdErr: readonly (number | null)[];
  /** Lower pointwise limit; null where undefined (R: NA) and throughout for `'none'`. */
  readonly lower: readonly (number | null)[];
  /** Upper pointwise limit; null where undefined (R: NA) and throughout for `'none'`. */
  readonly upper: readonly (number | null)[];
}

/**
 * The Kaplan-Meier (product-limit) estimate of the survival function with Greenwood standard
 * errors and pointwise confidence limits, matching R's `survfit(Surv(time, event) ~ 1)`
 * (survival 3.5) digit for digit.
 *
 * At each distinct time t_j with n_j subjects at risk (time >= t_j), d_j events and c_j
 * censorings (events at a tied time come before its censorings, so the censored still count
 * in n_j):
 *
 * - S(t_j) = prod_{i <= j} (1 - d_i / n_i)
 * - stdErr_j = sqrt(sum_{i <= j} d_i / (n_i (n_i - d_i))), Greenwood's SE of -log S
 *   (infinite, reported as null, once S reaches 0)
 * - limits with z = qnorm(1 - (1 - confLevel) / 2), as R's `survfit_confint`:
 *   `log` exp(log S -/+ z se) (upper capped at 1); `log-log` exp(-exp(log(-log S) -/+ z se / log S));
 *   `plain` S -/+ z se S clipped to [0, 1]; `logit` expit(logit S -/+ z se / (1 - S));
 *   `arcsin` sin^2(asin sqrt S -/+ z se sqrt(S / (1 - S)) / 2). A standard error of 0 gives the
 *   estimate itself; a limit R leaves NA (S = 0; S = 1 for log-log) is null.
 *
 * Times are first merged as R's survfit does (timefix = TRUE, `survival::aeqSurv`): among the
 * sorted distinct times, one whose gap to the previous is at most tol = sqrt(machine epsilon)
 * (1.49e-8), or at most tol times the mean of the distinct times, takes the previous one's
 * value, so each such chain becomes its smallest member (times near 1e9 closer than about 15
 * are ties). The curve times are these merged values.
 *
 * Runs in O(n log n): event and censoring times are sorted as two Float64Arrays and walked
 * together (after one pass over them that checks for times to merge).
 *
 * @param input Rows `{ time, event }` or columns `{ time, event }` (typed arrays welcome).
 *   Times finite and >= 0; event `true`/`1` for an event, `false`/`0` for a censoring.
 * @param options `confLevel` (default 0.95) and `confType` (default `'log'`).
 * @returns The fit, one array entry per distinct time.
 * @throws {TypeError} when the input is neither rows nor columns, or a value has the wrong type.
 * @throws {RangeError} naming the index and value of a time that is negative or not finite, of
 *   an event that is not 0/1, of columns of unequal length, or of a bad option.
 * @example
 * const fit = kaplanMeier([
 *   { time: 5, event: 1 }, { time: 8, event: 0 }, { time: 12, event: 1 },
 * ]);
 * fit.survival; // => [0.6666666666666667, 0.6666666666666667, 0]
 */
export function kaplanMeier(
  input: SurvivalInput,
  options: KaplanMeierOptions = {},
): KaplanMeierFit {
  const { confLevel = 0.95, confType = 'log' } = options;
  assertOpenUnitInterval('options.confLevel', confLevel);
  assertOneOf('options.confType', confType, CONF_TYPES);
  const { time, event, eventCount } = readTimeEvent('input', input);
  const { events, censored } = splitSort(time, event, eventCount);
  // R's survfit first merges distinct times closer than sqrt(machine epsilon), absolutely or
  // relative to their mean (timefix = TRUE, survival::aeqSurv)
  fixTimes([events, censored]);
  const n = time.length;
  const ne = events.length;
  const nc = censored.length;
  const z = zValue(confLevel);
  const noLimits = confType === 'none';
  const limits = new Float64Array(2);

  const outTime: number[] = [];
  const outRisk: number[] = [];
  const outEvent: number[] = [];
  const outCensor: number[] = [];
  const outSurv: number[] = [];
  const outSe: (number | null)[] = [];
  const outLower: (number | null)[] = [];
  const outUpper: (number | null)[] = [];

  let i = 0;
  let j = 0;
  let atRisk = n;
  let surv = 1;
  let greenwood = 0;
  while (i < ne || j < nc) {
    const te = i < ne ? events[i]! : Number.POSITIVE_INFINITY;
    const tc = j < nc ? censored[j]! : Number.POSITIVE_INFINITY;
    const t = Math.min(te, tc);
    const i0 = i;
    while (i < ne && events[i] === t) i++;
    const j0 = j;
    while (j < nc && censored[j] === t) j++;
    const d = i - i0;
    const c = j - j0;
    if (d > 0) {
      surv *= (atRisk - d) / atRisk;
      greenwood += atRisk === d ? Number.POSITIVE_INFINITY : d / (atRisk * (atRisk - d));
    }
    const se = Math.sqrt(greenwood);
    outTime.push(t);
    outRisk.push(atRisk);
    outEvent.push(d);
    outCensor.push(c);
    outSurv.push(surv);
    outSe.push(se === Number.POSITIVE_INFINITY ? null : se);
    if (noLimits) {
      outLower.push(null);
      outUpper.push(null);
    } else {
      confLimits(confType, surv, se, z, limits);
      const lo = limits[0]!;
      const up = limits[1]!;
      outLower.push(Number.isNaN(lo) ? null : lo);
      outUpper.push(Number.isNaN(up) ? null : up);
    }
    atRisk -= d + c;
  }
  return {
    n,
    events: eventCount,
    confType,
    confLevel,
    time: outTime,
    nRisk: outRisk,
    nEvent: outEvent,
    nCensor: outCensor,
    survival: outSurv,
    stdErr: outSe,
    lower: outLower,
    upper: outUpper,
  };
}

import { assertOneOf, assertOpenUnitInterval } from '../_lib/assert.js';
import { zValue } from '../stats/z-value.js';
import { CONF_TYPES, type ConfType, confLimits } from './_internal/conf-limits.js';
import { doubleArray, integerArray, nullArray } from './_internal/plain-arrays.js';
import { readTimeEvent, type SurvivalInput } from './_internal/read-input.js';
import { splitSort } from './_internal/split-sort.js';
import { distinctTimeGaps, isTiedGap } from './_internal/time-fix.js';

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
  // relative to their mean (timefix = TRUE, survival::aeqSurv). The mean is known only after a
  // pass over all the distinct times, which also counts them: the fit has at most that many
  // rows, so its columns are allocated once, at that size.
  const gaps = distinctTimeGaps([events, censored]);
  const cols = newColumns(gaps.count(), confType);
  const rows = productLimit(events, censored, gaps.anyTied() ? gaps.mean() : null, {
    z: zValue(confLevel),
    confType,
    cols,
  });
  return {
    n: time.length,
    events: eventCount,
    confType,
    confLevel,
    time: fitted(cols.time, rows),
    nRisk: fitted(cols.nRisk, rows),
    nEvent: fitted(cols.nEvent, rows),
    nCensor: fitted(cols.nCensor, rows),
    survival: fitted(cols.survival, rows),
    stdErr: fitted(cols.stdErr, rows),
    lower: fitted(cols.lower, rows),
    upper: fitted(cols.upper, rows),
  };
}

/** The columns of a fit being written (KaplanMeierFit's arrays, mutable). */
interface Columns {
  readonly time: number[];
  readonly nRisk: number[];
  readonly nEvent: number[];
  readonly nCensor: number[];
  readonly survival: number[];
  readonly stdErr: (number | null)[];
  readonly lower: (number | null)[];
  readonly upper: (number | null)[];
}

/**
 * The fit's eight columns, m rows each, allocated once (see plain-arrays.ts); the limits of
 * confType 'none' are null throughout, so they start as arrays of null.
 */
function newColumns(m: number, confType: ConfType): Columns {
  const limit = confType === 'none' ? nullArray : doubleArray;
  return {
    time: doubleArray(m),
    nRisk: integerArray(m),
    nEvent: integerArray(m),
    nCensor: integerArray(m),
    survival: doubleArray(m),
    stdErr: doubleArray(m),
    lower: limit(m),
    upper: limit(m),
  };
}

/** The first `rows` entries of a column: fewer rows than distinct times when times merged. */
function fitted<T>(column: T[], rows: number): T[] {
  // Setting the length trims the array in place (no copy).
  if (column.length > rows) column.length = rows;
  return column;
}

/**
 * The product-limit walk: writes one row per distinct time (after the time fix) into `cols`
 * and returns the number of rows. `events` and `censored` are the ascending event and censoring
 * times; when `mergeMean` is a number, a distinct time whose gap to the previous distinct time
 * is tied (isTiedGap with that mean) is counted in the previous time's row, which is aeqSurv's
 * merge of each chain into its first member. null: no gap is tied, nothing merges.
 */
function productLimit(
  events: Float64Array,
  censored: Float64Array,
  mergeMean: number | null,
  out: { readonly z: number; readonly confType: ConfType; readonly cols: Columns },
): number {
  const { z, confType } = out;
  // the columns as locals: the loop then stores into each without reloading it from `out`
  const { time, nRisk, nEvent, nCensor, survival, stdErr, lower, upper } = out.cols;
  const noLimits = confType === 'none';
  // confLimits writes into a Float64Array: two doubles out of a call without boxing them
  const limits = new Float64Array([Number.NaN, Number.NaN]);
  const ne = events.length;
  const nc = censored.length;
  const INF = Number.POSITIVE_INFINITY;
  let i = 0;
  let j = 0;
  let row = 0;
  let atRisk = ne + nc;
  let surv = 1;
  let greenwood = 0;
  let se = 0;
  let t = Math.min(ne > 0 ? events[0]! : INF, nc > 0 ? censored[0]! : INF);
  while (t !== INF) {
    // One row: the distinct time t and every later one chained to it by tied gaps.
    const rowTime = t;
    const i0 = i;
    const j0 = j;
    for (;;) {
      while (i < ne && events[i] === t) i++;
      while (j < nc && censored[j] === t) j++;
      const next = Math.min(i < ne ? events[i]! : INF, j < nc ? censored[j]! : INF);
      const merged = mergeMean !== null && next !== INF && isTiedGap(next - t, mergeMean);
      t = next;
      if (!merged) break;
    }
    const d = i - i0;
    const c = j - j0;
    // A row without events repeats the previous row's estimate, standard error and limits, so
    // they are computed only at event times (and the first row): on continuous data about
    // half the rows are censorings alone.
    if (d > 0 || row === 0) {
      if (d > 0) {
        surv *= (atRisk - d) / atRisk;
        greenwood += atRisk === d ? INF : d / (atRisk * (atRisk - d));
      }
      se = Math.sqrt(greenwood);
      if (!noLimits) confLimits(confType, surv, se, z, limits);
    }
    time[row] = rowTime;
    nRisk[row] = atRisk;
    nEvent[row] = d;
    nCensor[row] = c;
    survival[row] = surv;
    // An infinite standard error (S = 0) and an undefined limit (NaN; always for 'none') are
    // R's Inf and NA: null. The first null written makes that array one of boxed numbers (V8
    // cannot mix null with unboxed doubles); an array without null stays unboxed.
    stdErr[row] = se === INF ? null : se;
    const lo = limits[0]!;
    const up = limits[1]!;
    lower[row] = Number.isNaN(lo) ? null : lo;
    upper[row] = Number.isNaN(up) ? null : up;
    atRisk -= d + c;
    row++;
  }
  return row;
}

import { assertInteger, assertObject } from '../_lib/assert.js';
import { assertPatientSeries } from '../model/assert-series.js';
import { addDaysIso, addMonthsIso, daysBetween } from '../model/iso-date.js';
import type { IsoDate, Patient, PsaMeasurement } from '../model/types.js';
import { isValidated, recordValidatedSeries } from '../model/validated-patients.js';
import { type PsaDoublingTimeResult, psaDoublingTime } from './psa-doubling-time.js';
import { psaNadir } from './psa-nadir.js';
import type { PsaSelectionOptions } from './select-measurements.js';

/**
 * Why a patient of each category is not in the paired comparison of slopes
 * (`psaDoublingTimeComparison`), in a few words: the report's patient flow and tables say it.
 */
export const PSA_DOUBLING_TIME_LEFT_OUT: Readonly<Record<PsaDoublingTimeChangeCategory, string>> = {
  slowed: 'slowed without a post-sLND slope',
  accelerated: 'accelerated without a post-sLND slope',
  'no-post-rise': 'not rising after sLND (no post-sLND slope)',
  'rising-below-threshold': 'rising below 0.2 ng/mL (no post-sLND slope)',
  'too-few-values': 'too few post-sLND values',
  'not-evaluable': 'no pre-sLND slope',
};

/** Options of {@link psaDoublingTimeChange}. */
export interface PsaDoublingTimeChangeOptions extends Omit<PsaSelectionOptions, 'from' | 'to'> {
  /** End of the post-sLND window, in days after surgery (default 730: 2 years). */
  readonly horizonDays?: number;
}

/**
 * How PSA kinetics changed after the sLND: `slowed` / `accelerated` (both slopes, compared);
 * `no-post-rise` (PSA seen not to rise after its post-sLND nadir); `rising-below-threshold`
 * (PSA rises again but is still below the 0.2 ng/mL needed for a doubling time);
 * `too-few-values` (a pre-sLND slope, but too few post-sLND values to tell); `not-evaluable`
 * (no pre-sLND slope).
 */
export type PsaDoublingTimeChangeCategory =
  | 'slowed'
  | 'accelerated'
  | 'no-post-rise'
  | 'rising-below-threshold'
  | 'too-few-values'
  | 'not-evaluable';

/** Every category, in the order a report lists them. */
export const PSA_DOUBLING_TIME_CHANGE_CATEGORIES: readonly PsaDoublingTimeChangeCategory[] =
  Object.freeze([
    'slowed',
    'accelerated',
    'no-post-rise',
    'rising-below-threshold',
    'too-few-values',
    'not-evaluable',
  ]);

/** Result of {@link psaDoublingTimeChange}. */
export interface PsaDoublingTimeChangeResult {
  readonly patientId: string;
  /** PSADT from values in the 12 calendar months up to and including the surgery date. */
  readonly pre: PsaDoublingTimeResult;
  /** PSADT from the post-operative nadir up to the horizon. */
  readonly post: PsaDoublingTimeResult;
  /** Lowest PSA after the surgery date up to the horizon (undetectable counts at its limit). */
  readonly postNadir: PsaMeasurement | null;
  /** post - pre log-slope per month: defined whenever both slopes are. */
  readonly slopeChangePerMonth: number | null;
  /** post - pre doubling time in months: only when both are `ok`. */
  readonly doublingTimeChangeMonths: number | null;
  readonly category: PsaDoublingTimeChangeCategory;
  /** Why the category was chosen, in words. */
  readonly reason: string;
}

/**
 * The change in PSA doubling time after the sLND (a secondary endpoint over 2 years).
 *
 * - pre: {@link psaDoublingTime} of the values from 12 calendar months before the surgery date
 *   up to and including it;
 * - post: {@link psaDoublingTime} of the values from the post-operative nadir (lowest value
 *   after the surgery date, up to the horizon) to surgery + `horizonDays`;
 * - values dated on or after `adtStartDate` are left out of both (PSA on androgen deprivation
 *   measures the therapy, not the disease);
 * - the change is compared on the log-slope scale (post - pre), which is always defined when
 *   both slopes are, whereas PSADT jumps from +infinity to -infinity as a slope crosses 0; the
 *   PSADT difference is given only when both are `ok`.
 *
 * Category, in this order:
 * - `not-evaluable` without a pre slope;
 * - `no-post-rise` when the post slope is <= 0;
 * - with no post slope, from the post-sLND values up to the horizon (before any ADT start):
 *   `too-few-values` with fewer than 2 of them or the last less than `minSpanDays` after the
 *   surgery; `no-post-rise` when the last is undetectable or not above the nadir (PSA has not
 *   risen by then); `rising-below-threshold` when the last is detectable, above the nadir and
 *   below `minValue` (0.2 ng/mL: rising, but too low for a doubling time); else
 *   `too-few-values` (rising above `minValue`, but too few values for a slope);
 * - otherwise `slowed` when the post slope is strictly smaller than the pre slope (a longer
 *   doubling time), else `accelerated`.
 * `reason` says which, with the day of the last post-sLND value (the follow-up actually seen).
 *
 * @param patient - a patient (see `parseCohort`).
 * @param options - `horizonDays` (730) and the selection rules of {@link psaDoublingTime}.
 * @throws {TypeError|RangeError} when the patient or an option is malformed (naming it).
 * @example
 * const change = psaDoublingTimeChange(patient);
 * if (change.category === 'slowed') console.log(change.slopeChangePerMonth);
 */
export function psaDoublingTimeChange(
  patient: Patient,
  options: PsaDoublingTimeChangeOptions = {},
): PsaDoublingTimeChangeResult {
  assertPatientSeries('patient', patient);
  assertObject('options', options);
  const { horizonDays = 730, ...selection } = options;
  assertInteger('options.horizonDays', horizonDays, 1);
  const { surgeryDate } = patient;
  const horizonDate = addDaysIso(surgeryDate, horizonDays);

  // PSA under androgen deprivation reflects the therapy, not the disease's kinetics: values
  // from the ADT start on never enter a doubling time (Arlen et al. 2008).
  const adt = patient.adtStartDate;
  let series = adt === undefined ? patient.psa : patient.psa.filter((m) => m.date < adt);
  // Part of a validated series is valid too: recorded, so the doubling times skip its checks.
  if (series !== patient.psa && isValidated(patient.psa)) series = recordValidatedSeries(series);
  const pre = psaDoublingTime(series, {
    ...selection,
    from: addMonthsIso(surgeryDate, -12),
    to: surgeryDate,
  });
  const postValues = series.filter((m) => m.date > surgeryDate && m.date <= horizonDate);
  // A validated series is in date order already.
  if (!isValidated(series)) {
    postValues.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  const postNadir = psaNadir(postValues);
  const post =
    postNadir === null
      ? psaDoublingTime([], { ...selection, minMeasurements: selection.minMeasurements ?? 3 })
      : psaDoublingTime(series, { ...selection, from: postNadir.date, to: horizonDate });

  const slopeChangePerMonth =
    pre.slopePerMonth !== null && post.slopePerMonth !== null
      ? post.slopePerMonth - pre.slopePerMonth
      : null;
  const doublingTimeChangeMonths =
    pre.doublingTimeMonths !== null && post.doublingTimeMonths !== null
      ? post.doublingTimeMonths - pre.doublingTimeMonths
      : null;

  const { category, reason } = categorise(pre, post, postValues, postNadir, {
    surgeryDate,
    minValue: selection.minValue ?? 0.2,
    minSpanDays: selection.minSpanDays ?? 90,
  });
  return {
    patientId: patient.id,
    pre,
    post,
    postNadir,
    slopeChangePerMonth,
    doublingTimeChangeMonths,
    category,
    reason,
  };
}

/** The category of {@link psaDoublingTimeChange} and the reason for it (rules in its TSDoc). */
function categorise(
  pre: PsaDoublingTimeResult,
  post: PsaDoublingTimeResult,
  postValues: readonly PsaMeasurement[],
  postNadir: PsaMeasurement | null,
  rules: { readonly surgeryDate: IsoDate; readonly minValue: number; readonly minSpanDays: number },
): { category: PsaDoublingTimeChangeCategory; reason: string } {
  if (pre.slopePerMonth === null) {
    return { category: 'not-evaluable', reason: `no pre-sLND slope: ${pre.reason ?? ''}` };
  }
  if (post.slopePerMonth !== null) {
    if (post.slopePerMonth <= 0) {
      return { category: 'no-post-rise', reason: 'PSA is not rising after the post-sLND nadir' };
    }
    return post.slopePerMonth < pre.slopePerMonth
      ? { category: 'slowed', reason: 'the post-sLND log-slope is smaller than the pre-sLND one' }
      : {
          category: 'accelerated',
          reason: 'the post-sLND log-slope is not smaller than the pre-sLND one',
        };
  }
  const last = postValues[postValues.length - 1];
  const lastDay = last === undefined ? null : daysBetween(rules.surgeryDate, last.date);
  if (
    last === undefined ||
    postNadir === null ||
    postValues.length < 2 ||
    lastDay! < rules.minSpanDays
  ) {
    const count = postValues.length;
    return {
      category: 'too-few-values',
      reason:
        `${count} PSA value${count === 1 ? '' : 's'} after the sLND` +
        (lastDay === null ? '' : `, the last on day ${lastDay}`) +
        `: too few to tell whether PSA rises (at least 2, over ${rules.minSpanDays} days)`,
    };
  }
  const nadir = `${postNadir.undetectable === true ? '<' : ''}${postNadir.value} ng/mL on day ${daysBetween(rules.surgeryDate, postNadir.date)}`;
  if (last.undetectable === true || last.value <= postNadir.value) {
    return {
      category: 'no-post-rise',
      reason: `PSA has not risen from its post-sLND nadir (${nadir}) by its last value on day ${lastDay}`,
    };
  }
  if (last.value < rules.minValue) {
    return {
      category: 'rising-below-threshold',
      reason:
        `PSA rose from its post-sLND nadir (${nadir}) to ${last.value} ng/mL on day ${lastDay}, ` +
        `still below the ${rules.minValue} ng/mL needed for a doubling time`,
    };
  }
  return {
    category: 'too-few-values',
    reason: `PSA rose from its post-sLND nadir (${nadir}) to ${last.value} ng/mL on day ${lastDay}, but there is no post-sLND slope: ${post.reason ?? ''}`,
  };
}

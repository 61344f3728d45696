import { assertInteger, assertObject } from '../_lib/assert.js';
import { assertPatientSeries } from '../model/assert-series.js';
import { addDaysIso, addMonthsIso, daysBetween } from '../model/iso-date.js';
import type { Patient, PsaMeasurement } from '../model/types.js';
import { type PsaDoublingTimeResult, psaDoublingTime } from './psa-doubling-time.js';
import { psaNadir } from './psa-nadir.js';
import type { PsaSelectionOptions } from './select-measurements.js';

/** Options of {@link psaDoublingTimeChange}. */
export interface PsaDoublingTimeChangeOptions extends Omit<PsaSelectionOptions, 'from' | 'to'> {
  /** End of the post-sLND window, in days after surgery (default 730: 2 years). */
  readonly horizonDays?: number;
}

/** How PSA kinetics changed after the sLND. */
export type PsaDoublingTimeChangeCategory =
  | 'slowed'
  | 'accelerated'
  | 'no-post-rise'
  | 'not-evaluable';

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
 * Category: `not-evaluable` without a pre slope, or without a post slope unless PSA was seen
 * not to rise; `no-post-rise` when the post slope is <= 0, or, with no post slope, when the last
 * post-sLND value is at least `minSpanDays` after surgery and either every post-sLND value up
 * to the horizon is undetectable or below `minValue`, or the last of two or more is the nadir
 * (PSA still falling); otherwise `slowed` when the post slope is strictly smaller than the pre slope
 * (a longer doubling time), else `accelerated`.
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
  const series = adt === undefined ? patient.psa : patient.psa.filter((m) => m.date < adt);
  const pre = psaDoublingTime(series, {
    ...selection,
    from: addMonthsIso(surgeryDate, -12),
    to: surgeryDate,
  });
  const postValues = series.filter((m) => m.date > surgeryDate && m.date <= horizonDate);
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

  const minValue = selection.minValue ?? 0.2;
  const minSpanDays = selection.minSpanDays ?? 90;
  const last = postValues.reduce<PsaMeasurement | null>(
    (a, m) => (a === null || m.date > a.date ? m : a),
    null,
  );
  // Without a post slope, PSA may still be seen not to rise: every value stayed below the
  // measurable threshold, or the last of two or more values is the nadir (a falling PSA).
  const noRiseSeen =
    last !== null &&
    postNadir !== null &&
    daysBetween(surgeryDate, last.date) >= minSpanDays &&
    (postValues.every((m) => m.undetectable === true || m.value < minValue) ||
      (postValues.length >= 2 && last.value <= postNadir.value));

  let category: PsaDoublingTimeChangeCategory;
  let reason: string;
  if (pre.slopePerMonth === null) {
    category = 'not-evaluable';
    reason = `no pre-sLND slope: ${pre.reason ?? ''}`;
  } else if (post.slopePerMonth !== null && post.slopePerMonth <= 0) {
    category = 'no-post-rise';
    reason = 'PSA is not rising after the post-sLND nadir';
  } else if (post.slopePerMonth === null && noRiseSeen) {
    category = 'no-post-rise';
    reason = `PSA has not risen from its post-sLND nadir by day ${horizonDays} (falling, undetectable or < ${minValue} ng/mL)`;
  } else if (post.slopePerMonth === null) {
    category = 'not-evaluable';
    reason = `no post-sLND slope: ${post.reason ?? ''}`;
  } else if (post.slopePerMonth < pre.slopePerMonth) {
    category = 'slowed';
    reason = 'the post-sLND log-slope is smaller than the pre-sLND one';
  } else {
    category = 'accelerated';
    reason = 'the post-sLND log-slope is not smaller than the pre-sLND one';
  }
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

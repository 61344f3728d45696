import { assertInteger, assertObject } from '../_lib/assert.js';
import { addDaysIso, addMonthsIso, daysBetween } from '../model/iso-date.js';
import type { NotOperatedPatient, Screening } from '../model/types.js';
import { drawStreams } from './draw.js';
import {
  SIMULATE_COHORT_DEFAULTS,
  type SimulateCohortOptions,
  type SimulatedCohort,
  simulateCohort,
} from './simulate-cohort.js';

/** Options of {@link simulateTrial}: those of {@link simulateCohort} and the patient flow. */
export interface SimulateTrialOptions extends SimulateCohortOptions {
  /**
   * Enrolled patients who were not operated (integer >= 0). Default `Math.round(n / 15)`, about
   * 6% of those enrolled: 4 for the default 60 operated.
   */
  readonly notOperatedCount?: number;
  /**
   * Patients assessed for eligibility and excluded before enrolment (integer >= 0). Default
   * `Math.round(0.6 * enrolled)`, enrolled being `n + notOperatedCount`.
   */
  readonly excludedCount?: number;
}

/** The outcome of {@link simulateTrial}: a {@link SimulatedCohort} with its patient flow. */
export interface SimulatedTrial extends SimulatedCohort {
  /** Enrolled patients who were not operated, in order of enrolment, with why. */
  readonly notOperated: NotOperatedPatient[];
  /** Screening: patients assessed (enrolled plus excluded) and the reasons for exclusion. */
  readonly screening: Screening;
}

// The reasons and their weights are illustrative: they depend on a trial's protocol, and the
// published sLND series report operated patients only.

/** Why an enrolled patient was not operated, with relative weights. */
const NOT_OPERATED_REASONS: readonly (readonly [string, number])[] = [
  ['withdrew consent', 0.3],
  ['PSMA-PET negative at re-staging', 0.25],
  ['distant metastases at re-staging', 0.2],
  ['medically unfit for surgery', 0.25],
];

/** Why an assessed patient was not enrolled, with relative weights, in the order listed. */
const EXCLUSION_REASONS: readonly (readonly [string, number])[] = [
  ['distant metastases on PSMA-PET', 0.35],
  ['no nodal recurrence on PSMA-PET', 0.25],
  ['nodal disease beyond the protocol limits', 0.1],
  ['declined to participate', 0.15],
  ['other eligibility criteria not met', 0.15],
];

/**
 * Simulates a SYNTHETIC trial: the operated patients of {@link simulateCohort} (the same
 * patients for the same options) and the patient flow of a CONSORT diagram, the enrolled
 * patients who were not operated and the screening before enrolment. The result's `patients`,
 * `notOperated` and `screening` are a cohort object that {@link validateCohort} accepts.
 *
 * The flow, from the seed's third random stream (the patients' draws are unchanged by it):
 * `notOperatedCount` patients enrolled on days uniform over the accrual period, each with a
 * reason drawn from withdrew consent (30%), PSMA-PET negative at re-staging (25%), distant
 * metastases at re-staging (20%) and medically unfit for surgery (25%), with ids continuing
 * those of the operated patients (`SYN-061`, ... after `SYN-060`); `excludedCount` patients
 * excluded at screening, each for a reason drawn from distant metastases on PSMA-PET (35%), no
 * nodal recurrence on PSMA-PET (25%), nodal disease beyond the protocol limits (10%), declined
 * to participate (15%) and other eligibility criteria not met (15%), listed in that order with
 * their counts (reasons drawn for nobody left out); and `assessed` = operated + not operated +
 * excluded, the CONSORT identity. These proportions are illustrative, not from a series.
 *
 * @param options - those of {@link simulateCohort}, plus `notOperatedCount`
 *   (`Math.round(n / 15)`) and `excludedCount` (`Math.round(0.6 * (n + notOperatedCount))`).
 * @returns `{ description, synthetic: true, asOf, patients, notOperated, screening }`.
 * @throws {TypeError} when `options` is not an object, or as {@link simulateCohort}.
 * @throws {RangeError} when `notOperatedCount` or `excludedCount` is not an integer >= 0, or as
 *   {@link simulateCohort}.
 * @example
 * const { patients, notOperated, screening } = simulateTrial({ n: 60, seed: 2026 });
 * validateCohort({ patients, notOperated, screening }).ok; // => true
 * notOperated.length; // => 4
 */
export function simulateTrial(options: SimulateTrialOptions = {}): SimulatedTrial {
  assertObject('options', options);
  if (options.notOperatedCount !== undefined) {
    assertInteger('options.notOperatedCount', options.notOperatedCount, 0);
  }
  if (options.excludedCount !== undefined) {
    assertInteger('options.excludedCount', options.excludedCount, 0);
  }
  const cohort = simulateCohort(options);
  const d = SIMULATE_COHORT_DEFAULTS;
  const {
    n = d.n,
    seed = d.seed,
    startDate = d.startDate,
    accrualMonths = d.accrualMonths,
  } = options;
  const { idPrefix = d.idPrefix } = options;
  const notOperatedCount = options.notOperatedCount ?? Math.round(n / 15);
  const enrolled = n + notOperatedCount;
  const excludedCount = options.excludedCount ?? Math.round(0.6 * enrolled);

  const draw = drawStreams(seed).flow;
  const accrualDays = daysBetween(startDate, addMonthsIso(startDate, accrualMonths));
  const width = Math.max(3, String(n).length);
  const offsets = Array.from({ length: notOperatedCount }, () => draw.int(0, accrualDays - 1)).sort(
    (a, b) => a - b,
  );
  const notOperated: NotOperatedPatient[] = offsets.map((offset, k) => ({
    id: `${idPrefix}${String(n + k + 1).padStart(width, '0')}`,
    enrollmentDate: addDaysIso(startDate, offset),
    reason: draw.weighted(NOT_OPERATED_REASONS),
  }));
  const counts = new Map<string, number>();
  for (let k = 0; k < excludedCount; k++) {
    const reason = draw.weighted(EXCLUSION_REASONS);
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const excluded = EXCLUSION_REASONS.flatMap(([reason]) => {
    const count = counts.get(reason);
    return count === undefined ? [] : [{ reason, count }];
  });
  const assessed = enrolled + excludedCount;
  return {
    description:
      `Synthetic trial: ${assessed} patients assessed, ${enrolled} enrolled, ${n} operated ` +
      `(simulateTrial, seed ${seed}, data cut ${cohort.asOf}). Not real patients; for examples and tests only.`,
    synthetic: true,
    asOf: cohort.asOf,
    patients: cohort.patients,
    notOperated,
    screening: { assessed, excluded },
  };
}

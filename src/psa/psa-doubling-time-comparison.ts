import { assertArray } from '../_lib/assert.js';
import type { Patient } from '../model/types.js';
import { quartilesType7 } from '../stats/quantile-type-7.js';
import {
  type WilcoxonSignedRankResult,
  wilcoxonSignedRank,
} from '../stats/wilcoxon-signed-rank.js';
import {
  type PsaDoublingTimeChangeCategory,
  type PsaDoublingTimeChangeOptions,
  type PsaDoublingTimeChangeResult,
  psaDoublingTimeChange,
} from './psa-doubling-time-change.js';

/** One patient's paired log-slopes (per month). */
export interface PsaSlopePair {
  readonly patientId: string;
  readonly preSlopePerMonth: number;
  readonly postSlopePerMonth: number;
  /** post - pre. */
  readonly change: number;
  readonly category: PsaDoublingTimeChangeCategory;
}

/** Result of {@link psaDoublingTimeComparison}. */
export interface PsaDoublingTimeComparison {
  /** Number of pairs. */
  readonly n: number;
  readonly pairs: PsaSlopePair[];
  /** Median of post - pre (R's `median`); null without pairs. */
  readonly medianChange: number | null;
  /** First and third quartiles of post - pre (R's default type 7); null without pairs. */
  readonly iqr: readonly [number, number] | null;
  /** `wilcox.test(post, pre, paired = TRUE)` over the `n` pairs; null without pairs. */
  readonly wilcoxon: Pick<WilcoxonSignedRankResult, 'statistic' | 'pValue' | 'method'> | null;
  /** Patients without both slopes, with their category and the reason: listed, never dropped. */
  readonly excluded: {
    readonly patientId: string;
    readonly category: PsaDoublingTimeChangeCategory;
    readonly reason: string;
  }[];
  /**
   * Doubling times in months (R's `quantile(type = 7)`), before and after the sLND, each among
   * the patients whose series rises there (status `ok`): the clinical scale beside the
   * log-slope comparison. Medians of doubling times are not the doubling time of the median
   * slope; and a patient whose PSA does not rise has no doubling time, so the two sets differ.
   */
  readonly summary: { readonly pre: DoublingTimeSummary; readonly post: DoublingTimeSummary };
}

/** Median and quartiles of doubling times in months; null parts without any. */
export interface DoublingTimeSummary {
  /** Patients with a doubling time. */
  readonly n: number;
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
}

/**
 * Cohort-level change in PSA kinetics: for every patient with both a pre- and a post-sLND
 * log-slope ({@link psaDoublingTimeChange}), the pair (pre, post), the median and IQR of
 * post - pre, and the Wilcoxon signed-rank test of post against pre, as R's
 * `wilcox.test(post, pre, paired = TRUE)` (V; exact when n < 50 without ties or zero
 * differences, else the normal approximation with continuity correction).
 *
 * @param patients - the cohort (see `parseCohort`).
 * @param options - passed to {@link psaDoublingTimeChange}.
 * @throws {TypeError|RangeError} when `patients` is not an array or a patient is malformed.
 * @example
 * const { n, medianChange, wilcoxon } = psaDoublingTimeComparison(patients);
 */
export function psaDoublingTimeComparison(
  patients: readonly Patient[],
  options: PsaDoublingTimeChangeOptions = {},
): PsaDoublingTimeComparison {
  assertArray('patients', patients);
  const changes = patients.map((patient, i) => {
    try {
      return psaDoublingTimeChange(patient, options);
    } catch (error) {
      // Name the patient: "patient.psa[2].value" alone does not say whose.
      if (error instanceof RangeError || error instanceof TypeError) {
        error.message = `patients[${i}]: ${error.message}`;
      }
      throw error;
    }
  });
  return comparisonOfChanges(changes);
}

/**
 * {@link psaDoublingTimeComparison} of changes already computed, one per patient (internal: the
 * report computes each patient's change once for its categories and this comparison).
 */
export function comparisonOfChanges(
  changes: readonly PsaDoublingTimeChangeResult[],
): PsaDoublingTimeComparison {
  const pairs: PsaSlopePair[] = [];
  const excluded: PsaDoublingTimeComparison['excluded'] = [];
  const preTimes: number[] = [];
  const postTimes: number[] = [];
  for (const change of changes) {
    const { pre, post, patientId } = change;
    if (pre.doublingTimeMonths !== null) preTimes.push(pre.doublingTimeMonths);
    if (post.doublingTimeMonths !== null) postTimes.push(post.doublingTimeMonths);
    if (pre.slopePerMonth !== null && post.slopePerMonth !== null) {
      pairs.push({
        patientId,
        preSlopePerMonth: pre.slopePerMonth,
        postSlopePerMonth: post.slopePerMonth,
        change: post.slopePerMonth - pre.slopePerMonth,
        category: change.category,
      });
    } else {
      excluded.push({ patientId, category: change.category, reason: change.reason });
    }
  }
  const differences = pairs.map((p) => p.change);
  const { q1, median, q3 } = quartilesType7(differences);
  const test =
    pairs.length > 0
      ? wilcoxonSignedRank(
          pairs.map((p) => p.postSlopePerMonth),
          pairs.map((p) => p.preSlopePerMonth),
        )
      : null;
  return {
    n: pairs.length,
    pairs,
    medianChange: median,
    iqr: q1 === null || q3 === null ? null : [q1, q3],
    wilcoxon:
      test === null
        ? null
        : { statistic: test.statistic, pValue: test.pValue, method: test.method },
    excluded,
    summary: { pre: doublingTimeSummary(preTimes), post: doublingTimeSummary(postTimes) },
  };
}

function doublingTimeSummary(months: readonly number[]): DoublingTimeSummary {
  const { q1, median, q3 } = quartilesType7(months);
  return {
    n: months.length,
    median,
    q1,
    q3,
  };
}

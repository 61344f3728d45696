import type { PsaResponseResult } from '../psa/psa-response.js';
import { binomialConfidenceInterval } from '../stats/binomial-confidence-interval.js';
import type { Proportion } from '../stats/estimate.js';
import { quartilesType7 } from '../stats/quantile-type-7.js';
import type { TrialReport, WaterfallBar } from './trial-report.js';

/** A count out of n with its exact (Clopper-Pearson) 95% interval; null parts when n = 0. */
export function proportion(count: number, n: number): Proportion {
  const { estimate, lower, upper } = binomialConfidenceInterval(count, n);
  return { count, n, estimate, lower, upper };
}

/**
 * The PSA 6 weeks after the sLND from `psaResponse` of every patient: the landmark PSA's median and
 * quartiles, complete response and undetectable rates among the evaluable patients, the
 * waterfall of percent changes, and every patient who is not evaluable with the reason (no PSA
 * in the window, or only PSA drawn on ADT).
 */
export function landmarkSection(
  responses: readonly PsaResponseResult[],
): TrialReport['psaLandmark'] {
  const evaluable = responses.filter((r) => r.evaluable);
  const values = evaluable.map((r) => r.landmark.measurement?.value as number);
  const placed = evaluable.filter((r) => r.completeResponse !== null);
  const { q1, median, q3 } = quartilesType7(values);
  const waterfall: WaterfallBar[] = [];
  for (const r of evaluable) {
    if (r.landmark.percentChange !== null) {
      waterfall.push({
        patientId: r.patientId,
        percentChange: r.landmark.percentChange,
        undetectable: r.landmark.measurement?.undetectable === true,
      });
    }
  }
  return {
    landmarkDays: 42,
    toleranceDays: 14,
    evaluable: evaluable.length,
    notEvaluable: responses
      .filter((r) => !r.evaluable)
      .map((r) => ({ patientId: r.patientId, reason: r.reason ?? '' })),
    median,
    q1,
    q3,
    completeResponse: proportion(
      placed.filter((r) => r.completeResponse === true).length,
      placed.length,
    ),
    undetectable: proportion(
      evaluable.filter((r) => r.undetectable === true).length,
      evaluable.length,
    ),
    waterfall,
  };
}

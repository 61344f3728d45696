import {
  PSA_DOUBLING_TIME_CHANGE_CATEGORIES,
  type PsaDoublingTimeChangeCategory,
  type PsaDoublingTimeChangeResult,
} from '../psa/psa-doubling-time-change.js';
import { comparisonOfChanges } from '../psa/psa-doubling-time-comparison.js';
import type { TrialReport } from './trial-report.js';

/**
 * The change in PSA doubling time: `psaDoublingTimeComparison` (paired log-slopes, Wilcoxon
 * test, median doubling times before and after) with the number of patients in each category
 * of `psaDoublingTimeChange`, from each patient's change (computed once by the report).
 */
export function doublingTimeSection(
  changes: readonly PsaDoublingTimeChangeResult[],
): TrialReport['psaDoublingTime'] {
  const categories = Object.fromEntries(
    PSA_DOUBLING_TIME_CHANGE_CATEGORIES.map((c) => [c, 0]),
  ) as Record<PsaDoublingTimeChangeCategory, number>;
  for (const change of changes) categories[change.category]++;
  return { ...comparisonOfChanges(changes), categories };
}

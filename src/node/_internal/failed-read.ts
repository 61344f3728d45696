import type { CohortInputIssue } from '../../input/cohort-input-error.js';
import type { ValidateCohortFileResult } from '../validate-cohort-file.js';

/**
 * The result of an input that could not be read (or whose files have problems before any
 * patient is read): its issues, no patient, and nothing of the patient flow.
 */
export function failedRead(
  path: string,
  issues: CohortInputIssue[],
  sha256: string | null = null,
  warnings: CohortInputIssue[] = [],
): ValidateCohortFileResult {
  return {
    ok: false,
    patients: null,
    warnings,
    issues,
    source: { path, sha256 },
    validPatients: [],
    notOperated: [],
    screening: null,
  };
}

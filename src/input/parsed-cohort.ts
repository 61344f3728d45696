import type { NotOperatedPatient, Patient, Screening } from '../model/types.js';
import type { CohortInputIssue } from './cohort-input-error.js';

/**
 * A cohort read and validated by `parseCohortCsv` or `parseCohortFile` (`slnd-stats/node`): the
 * operated patients, the patient flow given with them, and the warnings.
 */
export interface ParsedCohort {
  /** The operated patients, in input order, series sorted by date. */
  readonly patients: Patient[];
  /** Enrolled patients who were not operated (empty when the input has none). */
  readonly notOperated: NotOperatedPatient[];
  /** Screening before enrolment, or null when the input has none. */
  readonly screening: Screening | null;
  /** What was read but deserves a look (merged duplicates, ignored columns, ...). */
  readonly warnings: CohortInputIssue[];
}

/**
 * The base of every error slnd-stats throws about data (as opposed to a misused argument,
 * which is a plain `TypeError` or `RangeError` naming the argument). `code` is stable:
 * callers may branch on it.
 */
export class SlndStatsError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'SlndStatsError';
    this.code = code;
  }
}

/** One problem found in a cohort: whose, where (a field path such as `psa[3].value`), what. */
export interface CohortIssue {
  /** The patient's id, or null when the problem is not one patient's (or the id is unreadable). */
  readonly patientId: string | null;
  /** Path of the field within the patient (or within the cohort when `patientId` is null). */
  readonly path: string;
  /** Stable machine-readable code, e.g. `invalid_date`, `duplicate_id`. */
  readonly code: string;
  readonly message: string;
}

/**
 * A cohort failed validation. `issues` lists every problem found, not only the first.
 */
export class CohortValidationError extends SlndStatsError {
  readonly issues: readonly CohortIssue[];

  constructor(issues: readonly CohortIssue[]) {
    const shown = issues.slice(0, 10).map((i) => `  - ${formatIssue(i)}`);
    if (issues.length > 10) shown.push(`  - ... and ${issues.length - 10} more`);
    super(
      'COHORT_INVALID',
      `The cohort has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${shown.join('\n')}`,
    );
    this.name = 'CohortValidationError';
    this.issues = issues;
  }
}

/** `patient 007, psa[3].value: must be >= 0` */
export function formatIssue(issue: CohortIssue): string {
  const who = issue.patientId === null ? 'cohort' : `patient ${issue.patientId}`;
  return `${who}, ${issue.path || '(root)'}: ${issue.message}`;
}

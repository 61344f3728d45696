import type { CohortInputIssue } from '../input/cohort-input-error.js';

/**
 * The most issues (and, separately, warnings) printed; the rest are counted. A cohort with
 * thousands of problems has one or two mistakes repeated: the first hundred show them, and the
 * output stays readable (a million identical rows once gave a million warning lines).
 */
export const MAX_PRINTED_ISSUES = 100;

/** Prints the first {@link MAX_PRINTED_ISSUES} of `issues`, each after `prefix`, then a count. */
export function printIssues(
  write: (text: string) => void,
  issues: readonly CohortInputIssue[],
  prefix: string,
  what: string,
): void {
  for (const issue of issues.slice(0, MAX_PRINTED_ISSUES)) write(`${prefix}${issue.message}`);
  const more = issues.length - MAX_PRINTED_ISSUES;
  if (more > 0) write(`${prefix}... and ${more} more ${what}(s), not shown`);
}

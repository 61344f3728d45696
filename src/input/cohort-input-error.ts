import { type CohortIssue, SlndStatsError } from '../errors.js';

/**
 * One problem found while reading a cohort from CSV or JSON: a {@link CohortIssue} that also
 * says where in which file. `message` starts with that place, e.g.
 * `psa.csv line 14, column 3: value "1,2" is not a number`.
 */
export interface CohortInputIssue extends CohortIssue {
  /** The file's name (`psa.csv`, `cohort.json`), or null when the problem is not one file's. */
  readonly file: string | null;
  /** 1-based line, the CSV header being line 1; null when the problem is the whole file's. */
  readonly line: number | null;
  /** 1-based column (CSV field or JSON character); null when the problem is the whole line's. */
  readonly column: number | null;
}

/**
 * A cohort file (or CSV folder) could not be read into valid patients. `issues` lists every
 * problem found, not only the first; `code` is always `'COHORT_INPUT_INVALID'`.
 */
export class CohortInputError extends SlndStatsError {
  readonly issues: readonly CohortInputIssue[];

  constructor(issues: readonly CohortInputIssue[]) {
    const shown = issues.slice(0, 10).map((i) => `  - ${i.message}`);
    if (issues.length > 10) shown.push(`  - ... and ${issues.length - 10} more`);
    super(
      'COHORT_INPUT_INVALID',
      `The cohort input has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${shown.join('\n')}`,
    );
    this.name = 'CohortInputError';
    this.issues = issues;
  }
}

/** `psa.csv line 14, column 3` / `patients.csv line 1` / `cohort.json`: the place an issue names. */
export function formatInputLocation(
  file: string | null,
  line: number | null,
  column: number | null,
): string {
  let out = file ?? 'input';
  if (line !== null) out += ` line ${line}`;
  if (line !== null && column !== null) out += `, column ${column}`;
  return out;
}

/** An issue at a place in an input, its message prefixed with that place. */
export function inputIssue(
  file: string | null,
  line: number | null,
  column: number | null,
  patientId: string | null,
  path: string,
  code: string,
  message: string,
): CohortInputIssue {
  return {
    file,
    line,
    column,
    patientId,
    path,
    code,
    message: `${formatInputLocation(file, line, column)}: ${message}`,
  };
}

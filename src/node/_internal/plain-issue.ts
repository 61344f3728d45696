import type { CohortInputIssue } from '../../input/cohort-input-error.js';

/** An issue of a whole file (no line, column or patient): its message starts with the file. */
export function plainIssue(file: string, code: string, message: string): CohortInputIssue {
  return {
    file,
    line: null,
    column: null,
    patientId: null,
    path: '',
    code,
    message: `${file}: ${message}`,
  };
}

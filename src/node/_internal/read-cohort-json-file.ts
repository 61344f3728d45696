import { basename } from 'node:path';
import { formatIssue } from '../../errors.js';
import type { CohortInputIssue } from '../../input/cohort-input-error.js';
import { validateCohort } from '../../model/validate-cohort.js';
import type { ValidateCohortFileResult } from '../validate-cohort-file.js';
import { failedRead } from './failed-read.js';
import { readJson } from './read-json.js';

/** The longest id a message repeats; a longer one is cut (the issue keeps it whole). */
const MAX_ID_IN_MESSAGE = 80;

function idForMessage(id: string | null): string | null {
  if (id === null || id.length <= MAX_ID_IN_MESSAGE) return id;
  return `${id.slice(0, MAX_ID_IN_MESSAGE - 3)}... (an id of ${id.length} characters)`;
}

/**
 * Reads a cohort JSON file (see {@link readJson}) and checks it with `validateCohort`; the
 * issues name the file (and the patient), and the result records the SHA-256 of its bytes.
 */
export function readCohortJsonFile(path: string): ValidateCohortFileResult {
  const file = basename(path);
  const json = readJson(path, file, '{ "patients": [...] }');
  const source = { path, sha256: json.sha256 };
  if (json.issues !== null) return failedRead(path, json.issues, json.sha256);
  const result = validateCohort(json.input);
  // validateCohort knows fields, not characters: these issues name the file and the patient.
  const place = (issue: (typeof result.warnings)[number]): CohortInputIssue => ({
    ...issue,
    file,
    line: null,
    column: null,
    message: `${file}: ${formatIssue({ ...issue, patientId: idForMessage(issue.patientId) })}`,
  });
  const warnings = result.warnings.map(place);
  const flow = { notOperated: result.notOperated, screening: result.screening };
  if (!result.ok) {
    return {
      ok: false,
      patients: null,
      warnings,
      issues: result.issues.map(place),
      source,
      validPatients: result.validPatients,
      ...flow,
    };
  }
  return { ok: true, patients: result.patients, warnings, issues: [], source, ...flow };
}

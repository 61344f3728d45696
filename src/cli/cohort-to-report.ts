import type { Patient } from '../model/types.js';
import type { ValidateCohortFileResult } from '../node/validate-cohort-file.js';
import type { ExcludedPatient } from '../report/trial-report.js';
import type { CliIo } from './cli-io.js';
import { printIssues } from './print-issues.js';

/**
 * The patients to report on: all of them when the input is valid; with --exclude-invalid the
 * valid ones, every other listed with its reasons. Otherwise (problems, or no patient left) the
 * problems are printed and the exit status 2 returned.
 */
export function cohortToReport(
  io: CliIo,
  input: string,
  read: ValidateCohortFileResult,
  excludeInvalid: boolean,
): { patients: Patient[]; excluded: ExcludedPatient[] } | number {
  let patients = read.patients;
  const excluded: ExcludedPatient[] = [];
  if (!read.ok) {
    if (!excludeInvalid || read.validPatients.length === 0) {
      io.err(`${input}: ${read.issues.length} problem(s); no report written.`);
      printIssues(io.err, read.issues, '  ', 'problem');
      if (excludeInvalid) io.err('No valid patient is left to analyse.');
      return 2;
    }
    const reasons = new Map<string | null, string[]>();
    for (const issue of read.issues) {
      reasons.set(issue.patientId, [...(reasons.get(issue.patientId) ?? []), issue.message]);
    }
    for (const [patientId, list] of reasons) excluded.push({ patientId, reasons: list });
    patients = read.validPatients;
  }
  if (patients === null || patients.length === 0) {
    // An empty cohort (a CSV export with only headers) would give a report of nothing, with a
    // data cut of 1970-01-01: say so instead.
    io.err(`${input}: the cohort has no patients; no report written.`);
    return 2;
  }
  return { patients, excluded };
}

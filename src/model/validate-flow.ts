import type { $ZodIssue } from 'zod/v4/core';
import { describeValue } from '../_lib/describe-value.js';
import type { CohortIssue } from '../errors.js';
import { notOperatedSchema, screeningSchema } from './cohort-schema.js';
import type { NotOperatedPatient, Screening } from './types.js';

// The cohort-level records of the patient flow (CONSORT): enrolled patients who were not
// operated, and the screening before enrolment. Checked apart from the operated patients, whose
// issues name a patient; these name the list and the entry.

/** The flow part of a cohort, checked. */
export interface CohortFlow {
  readonly notOperated: NotOperatedPatient[];
  readonly screening: Screening | null;
}

/**
 * Checks `notOperated` and `screening` of a cohort object: each entry's fields (an id, a reason,
 * an optional enrolment date; counts that are integers >= 0), ids not repeated and not those
 * of operated patients (`duplicate_id`), and a screening that adds up: patients assessed at
 * least the enrolled (operated and not) plus those excluded (`screening_count`).
 */
export function validateFlow(
  record: Readonly<Record<string, unknown>>,
  operatedIds: ReadonlySet<string>,
  issues: CohortIssue[],
  fromZod: (issue: $ZodIssue, raw: unknown, prefix: string) => CohortIssue[],
): CohortFlow {
  const notOperated: NotOperatedPatient[] = [];
  const raw = record['notOperated'];
  if (raw !== undefined) {
    if (!Array.isArray(raw)) {
      issues.push({
        patientId: null,
        path: 'notOperated',
        code: 'invalid_type',
        message: `"notOperated" must be an array. Value: ${describeValue(raw)}`,
      });
    } else {
      const seen = new Set<string>();
      for (let i = 0; i < raw.length; i++) {
        const parsed = notOperatedSchema.safeParse(raw[i]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            for (const one of fromZod(issue, raw[i], `notOperated[${i}].`)) issues.push(one);
          }
          continue;
        }
        const { id } = parsed.data;
        if (seen.has(id) || operatedIds.has(id)) {
          issues.push({
            patientId: id,
            path: `notOperated[${i}].id`,
            code: 'duplicate_id',
            message: `id ${JSON.stringify(id)} is ${operatedIds.has(id) ? 'also an operated patient' : 'listed twice as not operated'}; ids must be unique`,
          });
          continue;
        }
        seen.add(id);
        notOperated.push(parsed.data as NotOperatedPatient);
      }
    }
  }
  let screening: Screening | null = null;
  if (record['screening'] !== undefined) {
    const parsed = screeningSchema.safeParse(record['screening']);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        for (const one of fromZod(issue, record['screening'], 'screening.')) issues.push(one);
      }
    } else {
      screening = parsed.data;
      const enrolled = operatedIds.size + notOperated.length;
      const excluded = screening.excluded.reduce((sum, e) => sum + e.count, 0);
      if (screening.assessed < enrolled + excluded) {
        issues.push({
          patientId: null,
          path: 'screening.assessed',
          code: 'screening_count',
          message: `${screening.assessed} patients assessed, fewer than the ${enrolled} enrolled (operated and not) plus the ${excluded} excluded`,
        });
      }
    }
  }
  return { notOperated, screening };
}

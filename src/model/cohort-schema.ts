import { z } from 'zod';
import { CLAVIEN_DINDO_GRADES } from './types.js';

// The structural schema of a cohort: types, required fields, calendar dates, value ranges.
// Rules that relate fields to each other (date order, duplicates) live in validate-cohort.ts,
// where each problem can name its patient. Objects are strict: an unknown (often misspelt)
// field is reported, never silently ignored.

const isoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
const measurementValue = z.number().min(0);

export const psaMeasurementSchema = z.strictObject({
  date: isoDate,
  value: measurementValue.describe('PSA in ng/mL; the detection limit when undetectable'),
  undetectable: z.boolean().optional(),
});

export const testosteroneMeasurementSchema = z.strictObject({
  date: isoDate,
  value: measurementValue.describe('Testosterone in ng/dL'),
});

export const complicationSchema = z.strictObject({
  date: isoDate,
  grade: z.enum(CLAVIEN_DINDO_GRADES as [string, ...string[]]),
  description: z.string().optional(),
  persistsAtDischarge: z.boolean().optional().describe('Clavien-Dindo suffix "d"'),
});

export const patientSchema = z.strictObject({
  id: z.string().min(1).describe('Pseudonymous trial id, unique in the cohort'),
  surgeryDate: isoDate.describe('Date of the sLND: day 0 of every endpoint'),
  prostatectomyDate: isoDate.optional(),
  psa: z.array(psaMeasurementSchema),
  testosterone: z.array(testosteroneMeasurementSchema).optional(),
  adtStartDate: isoDate.optional(),
  complications: z.array(complicationSchema),
  castrationResistanceDate: isoDate.optional(),
  distantMetastasisDate: isoDate.optional(),
  deathDate: isoDate.optional(),
  lastFollowUpDate: isoDate,
  lastImagingDate: isoDate.optional(),
});

/** The cohort file: `{ "patients": [...] }`. */
export const cohortSchema = z.strictObject({
  $schema: z.string().optional(),
  patients: z.array(patientSchema),
});

/**
 * The JSON Schema (draft 2020-12) of a cohort file, emitted from the zod schema that
 * `validateCohort` uses, so the two cannot drift apart. Committed as
 * `fixtures/cohort.schema.json` (a test keeps the file in sync).
 *
 * @example
 * const schema = cohortJsonSchema();
 * schema.required; // => ['patients']
 */
export function cohortJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(cohortSchema),
    title: 'slnd-stats cohort',
    description:
      'Patients of the sLND trial: dates are ISO calendar dates (YYYY-MM-DD), PSA in ng/mL, testosterone in ng/dL.',
  };
}

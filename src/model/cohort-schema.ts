import * as z from 'zod/mini';
import { ISO_DATE_PATTERN } from './iso-date.js';
import {
  CLAVIEN_DINDO_GRADES,
  COMPLICATION_CATEGORIES,
  DEATH_CAUSES,
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  PATHOLOGICAL_NODES,
  PATHOLOGICAL_STAGES,
  SURGICAL_MARGINS,
} from './types.js';

// The structural schema of a cohort: types, required fields, calendar dates, value ranges.
// Rules that relate fields to each other (date order, duplicates) live in validate-cohort.ts,
// where each problem can name its patient. Objects are strict: an unknown (often misspelt)
// field is reported, never silently ignored. zod's tree-shakable `zod/mini` form keeps the
// browser bundle small (the classic API brings its whole method chain along).

const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description)) as T;

// A date is zod's ISO date with the pattern of the dates slnd-stats accepts (existing days of
// the years 1900-2199, iso-date.ts), so the JSON Schema states the year range too. zod's types
// leave `pattern` out of the date's parameters, but zod honours it (a test checks the schema).
const isoDate = () =>
  described(
    z.iso.date({ pattern: ISO_DATE_PATTERN } as z.core.$ZodISODateParams),
    'Calendar date, YYYY-MM-DD, in the years 1900-2199',
  );
const measurementValue = () => z.number().check(z.minimum(0));
const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);
const count = () => z.int().check(z.minimum(0));

export const psaMeasurementSchema = z.strictObject({
  date: isoDate(),
  value: described(measurementValue(), 'PSA in ng/mL; the detection limit when undetectable'),
  undetectable: z.optional(z.boolean()),
});

export const testosteroneMeasurementSchema = z.strictObject({
  date: isoDate(),
  value: described(measurementValue(), 'Testosterone in ng/dL'),
});

export const complicationSchema = z.strictObject({
  date: isoDate(),
  grade: z.enum(CLAVIEN_DINDO_GRADES as [string, ...string[]]),
  description: z.optional(z.string()),
  persistsAtDischarge: described(z.optional(z.boolean()), 'Clavien-Dindo suffix "d"'),
  category: described(z.optional(oneOf(COMPLICATION_CATEGORIES)), 'What kind of complication'),
  intraoperative: described(z.optional(z.boolean()), 'It happened during the operation'),
});

export const imagingSchema = z.strictObject({
  date: z.optional(isoDate()),
  modality: oneOf(IMAGING_MODALITIES),
  positiveNodes: described(z.optional(count()), 'Nodes positive on imaging'),
  regions: z.optional(z.array(oneOf(IMAGING_REGIONS))),
});

export const patientSchema = z.strictObject({
  id: described(z.string().check(z.minLength(1)), 'Pseudonymous trial id, unique in the cohort'),
  surgeryDate: described(isoDate(), 'Date of the sLND: day 0 of every endpoint'),
  prostatectomyDate: z.optional(isoDate()),
  psa: z.array(psaMeasurementSchema),
  testosterone: z.optional(z.array(testosteroneMeasurementSchema)),
  adtStartDate: z.optional(isoDate()),
  complications: z.array(complicationSchema),
  castrationResistanceDate: z.optional(isoDate()),
  distantMetastasisDate: z.optional(isoDate()),
  deathDate: z.optional(isoDate()),
  deathCause: described(
    z.optional(z.enum(DEATH_CAUSES as [string, ...string[]])),
    'Cause of death; a death within 90 days of the sLND counts as a grade V complication unless this is prostate-cancer or other',
  ),
  lastFollowUpDate: isoDate(),
  lastImagingDate: z.optional(isoDate()),
  ageAtSurgery: described(
    z.optional(z.number().check(z.minimum(18), z.maximum(110))),
    'Age at the sLND, years',
  ),
  isupGradeGroup: described(
    z.optional(z.int().check(z.minimum(1), z.maximum(5))),
    'ISUP grade group at the radical prostatectomy, 1-5',
  ),
  pathologicalStage: z.optional(oneOf(PATHOLOGICAL_STAGES)),
  pathologicalNodes: z.optional(oneOf(PATHOLOGICAL_NODES)),
  surgicalMargin: z.optional(oneOf(SURGICAL_MARGINS)),
  biochemicalRecurrenceDate: described(
    z.optional(isoDate()),
    'Biochemical recurrence after the prostatectomy, before the sLND',
  ),
  priorSalvageRadiotherapy: z.optional(z.boolean()),
  priorAdt: z.optional(z.boolean()),
  imaging: z.optional(imagingSchema),
  nodesRemoved: described(z.optional(count()), 'Lymph nodes removed at the sLND'),
  nodesPositive: described(z.optional(count()), 'Of those, nodes with cancer'),
});

/** An enrolled patient who was not operated. */
export const notOperatedSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  enrollmentDate: z.optional(isoDate()),
  reason: z.string().check(z.minLength(1)),
});

/** Screening for the flow diagram. */
export const screeningSchema = z.strictObject({
  assessed: count(),
  excluded: z.array(z.strictObject({ reason: z.string().check(z.minLength(1)), count: count() })),
});

/** The cohort file: `{ "patients": [...], "notOperated"?: [...], "screening"?: {...} }`. */
export const cohortSchema = z.strictObject({
  $schema: z.optional(z.string()),
  patients: z.array(patientSchema),
  notOperated: described(
    z.optional(z.array(notOperatedSchema)),
    'Enrolled patients who were not operated, with why',
  ),
  screening: described(
    z.optional(screeningSchema),
    'Patients assessed for the trial, and why excluded',
  ),
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortJsonSchema, patientSchema } from '../../src/model/cohort-schema.js';
import { ISO_DATE_PATTERN } from '../../src/model/iso-date.js';

const minimal = {
  id: 'P01',
  surgeryDate: '2024-01-10',
  psa: [],
  complications: [],
  lastFollowUpDate: '2024-06-01',
};

describe('cohortJsonSchema', () => {
  it('matches the committed fixtures/cohort.schema.json (run npm run schema after a change)', () => {
    const committed = JSON.parse(readFileSync('fixtures/cohort.schema.json', 'utf8'));
    expect(committed).toEqual(cohortJsonSchema());
  });

  it('describes patients with their required fields and grades', () => {
    const schema = cohortJsonSchema() as {
      required: string[];
      properties: {
        patients: { items: { required: string[]; properties: Record<string, unknown> } };
      };
    };
    expect(schema.required).toEqual(['patients']);
    const patient = schema.properties.patients.items;
    expect(patient.required).toEqual(
      expect.arrayContaining(['id', 'surgeryDate', 'psa', 'complications', 'lastFollowUpDate']),
    );
    expect(JSON.stringify(patient.properties['complications'])).toContain('"IVb"');
  });

  // issue 11 item 10: the schema states the year range, through the pattern of iso-date.ts.
  it('gives every date the pattern of the dates slnd-stats accepts (years 1900-2199)', () => {
    const text = JSON.stringify(cohortJsonSchema());
    const patterns = [...text.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map((m) =>
      JSON.parse(`"${m[1]}"`),
    );
    expect(patterns.length).toBeGreaterThanOrEqual(11);
    expect(new Set(patterns)).toEqual(new Set([ISO_DATE_PATTERN.source]));
    expect(patientSchema.safeParse({ ...minimal, surgeryDate: '1899-12-31' }).success).toBe(false);
    expect(patientSchema.safeParse({ ...minimal, surgeryDate: '1900-01-01' }).success).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortJsonSchema } from '../../src/model/cohort-schema.js';

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
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Patient } from '../../src/model/types.js';
import { type SimulateCohortOptions, simulateCohort } from '../../src/simulate/index.js';

// The fields simulateCohort made before the baseline fields (issue 14) must come out as they
// did for every seed: the baseline comes from a stream of its own. The reference is the output
// of the code of that time (commit 6840990), in _legacy-cohorts.json: SHA-256 hashes of whole
// cohorts, and one small cohort in full for a readable diff.

interface LegacyFixture {
  readonly hashes: readonly { options: SimulateCohortOptions; sha256: string }[];
  readonly full: { options: SimulateCohortOptions; patients: Patient[] };
}
const fixture = JSON.parse(
  readFileSync(new URL('./_legacy-cohorts.json', import.meta.url), 'utf8'),
) as LegacyFixture;

/** The fields added with the baseline (issue 14). */
const BASELINE_KEYS = [
  'ageAtSurgery',
  'isupGradeGroup',
  'pathologicalStage',
  'pathologicalNodes',
  'surgicalMargin',
  'biochemicalRecurrenceDate',
  'priorSalvageRadiotherapy',
  'priorAdt',
  'imaging',
  'nodesRemoved',
  'nodesPositive',
] as const;

/** A patient as the earlier simulator made it: no baseline, no intraoperative complication, no category. */
function legacyView(patient: Patient): Record<string, unknown> {
  const out: Record<string, unknown> = { ...patient };
  for (const key of BASELINE_KEYS) delete out[key];
  out['complications'] = patient.complications
    .filter((c) => c.intraoperative !== true)
    .map(({ category: _category, intraoperative: _intraoperative, ...rest }) => rest);
  return out;
}

/** JSON with the keys of every object sorted, so key order does not change the hash. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value;
}

const sha256 = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');

describe('simulateCohort: the fields of the earlier model are unchanged for a seed', () => {
  it('gives the earlier small cohort exactly, plus the new fields', () => {
    const { patients } = simulateCohort(fixture.full.options);
    expect(patients.map(legacyView)).toEqual(fixture.full.patients);
    for (const [i, p] of patients.entries()) {
      // The new fields are there (the comparison above is not vacuous) and nothing else is new.
      const added = Object.keys(p).filter((k) => !(k in fixture.full.patients[i]!));
      expect(added.sort()).toEqual([...BASELINE_KEYS].sort());
    }
  });

  it.each(fixture.hashes.map((h) => [JSON.stringify(h.options), h] as const))(
    '%s hashes as before',
    (_, { options, sha256: expected }) => {
      const { patients } = simulateCohort(options);
      expect(patients.every((p) => p.ageAtSurgery !== undefined)).toBe(true);
      expect(sha256(patients.map(legacyView))).toBe(expected);
    },
  );

  it('the hash would see a change of one old field', () => {
    const { options, sha256: expected } = fixture.hashes[0]!;
    const patients = simulateCohort(options).patients.map(legacyView);
    patients[0] = { ...patients[0], lastFollowUpDate: '1999-01-01' };
    expect(sha256(patients)).not.toBe(expected);
  });
});

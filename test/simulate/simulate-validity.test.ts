import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/model/iso-date.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { simulateTrial } from '../../src/simulate/index.js';

// Every simulated trial (and so every simulateCohort cohort: the same patients) passes
// validateCohort with no issue and no warning, the baseline rules (check-baseline.ts) and the
// flow rules (validate-flow.ts) included: 200 trials from a fixed fast-check seed, with random
// sizes, seeds, dates, accrual and follow-up.

const options = fc.record({
  n: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  startDate: fc.integer({ min: 0, max: 40 * 365 }).map((d) => addDaysIso('1990-01-01', d)),
  accrualMonths: fc.integer({ min: 1, max: 36 }),
  followUpMonths: fc.integer({ min: 0, max: 60 }),
  notOperatedCount: fc.integer({ min: 0, max: 6 }),
  excludedCount: fc.integer({ min: 0, max: 60 }),
});

describe('simulateTrial: every trial is valid', () => {
  it('passes validateCohort without issues or warnings (200 trials, fixed seed)', () => {
    let checked = 0;
    fc.assert(
      fc.property(options, (o) => {
        const { patients, notOperated, screening } = simulateTrial(o);
        const result = validateCohort({ patients, notOperated, screening });
        expect(result.ok ? [] : result.issues).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.ok && result.patients).toEqual(patients);
        expect(result.notOperated).toEqual(notOperated);
        for (const p of patients) expect(p.nodesPositive!).toBeLessThanOrEqual(p.nodesRemoved!);
        checked++;
      }),
      { seed: 20260514, numRuns: 200 },
    );
    expect(checked).toBe(200);
  });
});

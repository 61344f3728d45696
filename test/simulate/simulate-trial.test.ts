import { describe, expect, it } from 'vitest';
import { addMonthsIso } from '../../src/model/iso-date.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { simulateCohort, simulateTrial } from '../../src/simulate/index.js';

const sum = (counts: readonly { count: number }[]) => counts.reduce((s, e) => s + e.count, 0);

describe('simulateTrial: the operated patients', () => {
  it('are those of simulateCohort for the same options', () => {
    const options = { n: 45, seed: 31, startDate: '2021-03-15', accrualMonths: 12 };
    const trial = simulateTrial(options);
    const cohort = simulateCohort(options);
    expect(trial.patients).toEqual(cohort.patients);
    expect(trial.asOf).toBe(cohort.asOf);
    expect(trial.synthetic).toBe(true);
    expect(trial.description).toMatch(
      /^Synthetic trial: \d+ patients assessed, 48 enrolled, 45 operated/,
    );
    expect(trial.description).toMatch(/seed 31/);
  });
});

describe('simulateTrial: the patient flow', () => {
  const trial = simulateTrial({ n: 60, seed: 2026 });

  it('is a cohort that validateCohort accepts, flow included', () => {
    const { patients, notOperated, screening } = trial;
    const result = validateCohort({ patients, notOperated, screening });
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.notOperated).toEqual(notOperated);
    expect(result.screening).toEqual(screening);
  });

  it('has the default counts: n / 15 not operated, 0.6 x enrolled excluded, assessed adds up', () => {
    expect(trial.notOperated).toHaveLength(4);
    const enrolled = 60 + 4;
    expect(sum(trial.screening.excluded)).toBe(Math.round(0.6 * enrolled));
    expect(trial.screening.assessed).toBe(enrolled + sum(trial.screening.excluded));
  });

  it('numbers the not operated after the operated, enrolled during accrual, in date order', () => {
    expect(trial.notOperated.map((p) => p.id)).toEqual([
      'SYN-061',
      'SYN-062',
      'SYN-063',
      'SYN-064',
    ]);
    const dates = trial.notOperated.map((p) => p.enrollmentDate!);
    expect(dates).toEqual([...dates].sort());
    for (const d of dates) {
      expect(d >= '2022-01-01').toBe(true);
      expect(d < addMonthsIso('2022-01-01', 18)).toBe(true);
    }
  });

  it('draws reasons from the documented lists, in their proportions', () => {
    const big = simulateTrial({ n: 20, seed: 5, notOperatedCount: 4000, excludedCount: 20000 });
    const notOperatedShare = (reason: string) =>
      big.notOperated.filter((p) => p.reason === reason).length / 4000;
    const near = (observed: number, documented: number) =>
      expect(Math.abs(observed - documented)).toBeLessThan(0.025);
    near(notOperatedShare('withdrew consent'), 0.3);
    near(notOperatedShare('PSMA-PET negative at re-staging'), 0.25);
    near(notOperatedShare('distant metastases at re-staging'), 0.2);
    near(notOperatedShare('medically unfit for surgery'), 0.25);
    const documented = [
      ['distant metastases on PSMA-PET', 0.35],
      ['no nodal recurrence on PSMA-PET', 0.25],
      ['nodal disease beyond the protocol limits', 0.1],
      ['declined to participate', 0.15],
      ['other eligibility criteria not met', 0.15],
    ] as const;
    const { excluded } = big.screening;
    expect(excluded.map((e) => e.reason)).toEqual(documented.map(([reason]) => reason));
    for (const [i, e] of excluded.entries()) {
      expect(Math.abs(e.count / 20000 - documented[i]![1])).toBeLessThan(0.015);
    }
    expect(new Set(big.notOperated.map((p) => p.id)).size).toBe(4000);
    expect(big.notOperated[0]!.id).toBe('SYN-021');
    expect(big.notOperated.at(-1)!.id).toBe('SYN-4020');
  });

  it('honours counts of zero: no one not operated, no one excluded', () => {
    const none = simulateTrial({ n: 10, seed: 2, notOperatedCount: 0, excludedCount: 0 });
    expect(none.notOperated).toEqual([]);
    expect(none.screening).toEqual({ assessed: 10, excluded: [] });
    const { patients, notOperated, screening } = none;
    expect(validateCohort({ patients, notOperated, screening }).ok).toBe(true);
  });

  it('lists only reasons someone was excluded for', () => {
    const few = simulateTrial({ n: 5, seed: 3, excludedCount: 1 });
    expect(few.screening.excluded).toHaveLength(1);
    expect(few.screening.excluded[0]!.count).toBe(1);
  });
});

describe('simulateTrial: determinism', () => {
  it('gives a deep-equal trial for a seed, another flow for another seed', () => {
    expect(simulateTrial({ n: 30, seed: 12 })).toEqual(simulateTrial({ n: 30, seed: 12 }));
    const a = simulateTrial({ n: 30, seed: 12, notOperatedCount: 10 });
    const b = simulateTrial({ n: 30, seed: 13, notOperatedCount: 10 });
    expect(a.notOperated).not.toEqual(b.notOperated);
  });

  it('uses the documented defaults', () => {
    expect(simulateTrial()).toEqual(
      simulateTrial({ n: 60, seed: 1, notOperatedCount: 4, excludedCount: Math.round(0.6 * 64) }),
    );
  });

  it('does not mutate its options', () => {
    const options = Object.freeze({ n: 8, seed: 4, notOperatedCount: 2 });
    expect(() => simulateTrial(options)).not.toThrow();
    expect(options).toEqual({ n: 8, seed: 4, notOperatedCount: 2 });
  });
});

describe('simulateTrial: argument checks', () => {
  it('rejects bad options with RangeError or TypeError naming them', () => {
    expect(() => simulateTrial({ notOperatedCount: -1 })).toThrow(RangeError);
    expect(() => simulateTrial({ notOperatedCount: -1 })).toThrow(/options\.notOperatedCount/);
    expect(() => simulateTrial({ excludedCount: 2.5 })).toThrow(/options\.excludedCount/);
    expect(() => simulateTrial({ excludedCount: '3' as never })).toThrow(TypeError);
    expect(() => simulateTrial({ n: 0 })).toThrow(/options\.n/);
    expect(() => simulateTrial({ seed: 0.5 })).toThrow(/options\.seed/);
    expect(() => simulateTrial(null as never)).toThrow(TypeError);
  });
});

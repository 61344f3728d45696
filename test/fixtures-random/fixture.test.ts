import { describe, expect, it } from 'vitest';
import { random } from './_random.js';

// What fixtures/random.json must hold (fixtures/r/random.R): its provenance, its size, and a
// case for each disagreement of issue 12.

describe('the random differential fixture', () => {
  it('records R and the package versions and the seed', () => {
    expect(random.meta.generatedBy).toBe('fixtures/r/random.R');
    expect(random.meta.r).toMatch(/^R version 4\./);
    expect(random.meta.survival).toMatch(/^3\.5/);
    expect(random.meta.cmprsk).toMatch(/^2\.2/);
    expect(random.meta.clinfun).toMatch(/^1\.1/);
    expect(random.meta.binom).toMatch(/^1\./);
    expect(random.meta.seed).toBeTypeOf('number');
    expect(random.meta.timefixTolerance).toBe(2 ** -26);
  });

  it('holds at least 3,000 cases over every kind', () => {
    const { meta, ...kinds } = random;
    const counts = Object.values(kinds).map((cases) => cases.length);
    expect(counts.every((n) => n >= 100)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3000);
  });

  it('has the nasty shapes: n = 1, all censored, events at 0, times 1e-9 apart, singular', () => {
    const km = random.km;
    expect(km.some((c) => c.data.time.length === 1)).toBe(true);
    expect(km.some((c) => c.data.event.every((e) => e === 0))).toBe(true);
    expect(km.some((c) => c.data.time.some((t, i) => t === 0 && c.data.event[i] === 1))).toBe(true);
    expect(
      km.some((c) => c.data.time.some((t) => c.data.time.some((u) => u > t && u - t < 2e-9))),
    ).toBe(true);
    expect(new Set(km.map((c) => c.confType)).size).toBe(5);
    expect(random.survdiff.some((c) => !c.solved)).toBe(true);
    expect(random.survdiff.some((c) => c.data.stratum !== null)).toBe(true);
  });

  it('has a case for each of items 1 to 9 of issue 12', () => {
    const items = new Set<number>();
    const { meta, ...kinds } = random;
    for (const cases of Object.values(kinds)) {
      for (const c of cases as { issue12?: number }[]) {
        if (c.issue12 !== undefined) items.add(c.issue12);
      }
    }
    expect([...items].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

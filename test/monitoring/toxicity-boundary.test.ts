import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { toxicityBoundary } from '../../src/monitoring/toxicity-boundary.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';

const TOL = { rel: 1e-10, abs: 1e-10 };

describe('toxicityBoundary', () => {
  for (const c of fixtures.toxbdry) {
    const { input } = c;
    const label = `toxbdry(${input.pLow}, ${input.pHigh}, looks ${input.looks[0]}..${input.looks.at(-1)}, delta ${input.delta}, ${input.priority})`;
    it(`equals clinfun ${label}`, () => {
      const tb = toxicityBoundary({
        pLow: input.pLow,
        pHigh: input.pHigh,
        looks: input.looks,
        cP0: input.cP0,
        cP1: input.cP1,
        delta: input.delta,
        priority: input.priority as 'null' | 'alt',
        ngrid: input.ngrid,
        niter: input.niter,
      });
      expect(tb.looks).toEqual(input.looks);
      expect(tb.lower.boundary).toEqual(c.lower);
      expect(tb.upper.boundary).toEqual(c.upper);
      expect(tb.warning).toBe(c.warning);
      for (const [mine, r, rRecomputed] of [
        [tb.lower.operatingCharacteristics, c.bdryOcLower, c.recomputedLower],
        [tb.upper.operatingCharacteristics, c.bdryOcUpper, c.recomputedUpper],
      ] as const) {
        expectAllClose(mine.p, r.p, { rel: 1e-15, abs: 1e-15, label: 'grid' });
        for (const ref of [r, rRecomputed]) {
          expectAllClose(mine.crossProbability, ref.crossProbability, TOL);
          expectAllClose(mine.earlyStopProbability, ref.earlyStopProbability, TOL);
          expectAllClose(mine.expectedSampleSize, ref.expectedSampleSize, TOL);
        }
      }
    });
  }

  it("reproduces clinfun's first documented example: 7, 12, 17, 20 and upper ending at 21", () => {
    const tb = toxicityBoundary({ pLow: 0.2, pHigh: 0.35, looks: [20, 40, 60, 75] });
    expect(tb.lower.boundary).toEqual([7, 12, 17, 20]);
    expect(tb.upper.boundary.at(-1)).toBe(21);
    const { crossProbability } = tb.lower.operatingCharacteristics;
    expectClose(crossProbability[0], 0.101, { abs: 5e-4 });
    expectClose(crossProbability.at(-1), 0.935, { abs: 5e-4 });
  });

  it('reproduces continuous monitoring toxbdry(0.1, 0.3, 2:30): 1/3, 2/8, 3/13, 4/20, 5/26, 6/30', () => {
    const looks = Array.from({ length: 29 }, (_, i) => i + 2);
    const tb = toxicityBoundary({ pLow: 0.1, pHigh: 0.3, looks });
    // clinfun's print: the looks where the boundary steps up, and the last look.
    const steps = looks
      .map((n, i) => ({ n, r: tb.lower.boundary[i]! }))
      .filter((_, i) => i === looks.length - 1 || tb.lower.boundary[i + 1]! > tb.lower.boundary[i]!)
      .map(({ n, r }) => `${r}/${n}`);
    expect(steps).toEqual(['1/3', '2/8', '3/13', '4/20', '5/26', '6/30']);
    const { crossProbability } = tb.lower.operatingCharacteristics;
    expectClose(crossProbability[0], 0.1, { abs: 5e-4 });
    expectClose(crossProbability.at(-1), 0.901, { abs: 5e-4 });
  });

  it('has a lower boundary that crosses at least as often as the upper one', () => {
    for (const c of fixtures.toxbdry) {
      const tb = toxicityBoundary({ ...c.input, priority: c.input.priority as 'null' | 'alt' });
      tb.lower.boundary.forEach((r, i) => {
        expect(r).toBeLessThanOrEqual(tb.upper.boundary[i]!);
      });
    }
  });

  it('rejects bad parameters with a RangeError naming the parameter and the value', () => {
    const ok = { pLow: 0.1, pHigh: 0.3, looks: [10, 20, 30] };
    expect(() => toxicityBoundary({ ...ok, pLow: 0 })).toThrow(
      /pLow must be in \(0, 1\). Value: 0/,
    );
    expect(() => toxicityBoundary({ ...ok, pHigh: 1.5 })).toThrow(/pHigh.*Value: 1.5/);
    expect(() => toxicityBoundary({ ...ok, pLow: 0.3 })).toThrow(
      /pLow must be < pHigh. Value: pLow = 0.3, pHigh = 0.3/,
    );
    expect(() => toxicityBoundary({ ...ok, looks: [10, 30, 20] })).toThrow(/looks.*increasing/);
    expect(() => toxicityBoundary({ ...ok, looks: [30] })).toThrow(/at least 2 looks/);
    expect(() => toxicityBoundary({ ...ok, cP0: 1 })).toThrow(/cP0.*Value: 1/);
    expect(() => toxicityBoundary({ ...ok, cP1: -0.2 })).toThrow(/cP1.*Value: -0.2/);
    expect(() => toxicityBoundary({ ...ok, delta: 0.7 })).toThrow(/delta.*Value: 0.7/);
    expect(() => toxicityBoundary({ ...ok, priority: 'both' as 'null' })).toThrow(/priority/);
    expect(() => toxicityBoundary({ ...ok, ngrid: 1 })).toThrow(/ngrid/);
    for (const f of [() => toxicityBoundary({ ...ok, pLow: 0 })]) expect(f).toThrow(RangeError);
  });

  // issue 11 item 11: looks [10, 1e8] or ngrid 1e8 ran past 30 s. Limits: the last look at
  // most 1,000 patients, ngrid at most 200, niter at most 100 (docs/limits.md).
  it('refuses work beyond its limits at once, naming the argument', () => {
    const ok = { pLow: 0.1, pHigh: 0.3, looks: [10, 20] };
    const start = performance.now();
    expect(() => toxicityBoundary({ ...ok, looks: [10, 1e8] })).toThrow(
      'looks must end at <= 1000 patients (the limit of the exact computation, docs/limits.md). Value: looks[1] = 100000000.',
    );
    expect(() => toxicityBoundary({ ...ok, looks: [10, 1001] })).toThrow(RangeError);
    expect(() => toxicityBoundary({ ...ok, ngrid: 1e8 })).toThrow(
      'ngrid must be <= 200. Value: 100000000.',
    );
    expect(() => toxicityBoundary({ ...ok, niter: 1e9 })).toThrow(
      'niter must be <= 100. Value: 1000000000.',
    );
    expect(performance.now() - start).toBeLessThan(500);
  });

  // The largest allowed: a look after each of 1,000 patients (pLow 0.9 took 8 s before the
  // quantile search started from R's Cornish-Fisher guess). Same boundary as the full grid.
  it('computes a look after each of 1,000 patients, ngrid 200, in seconds', () => {
    const looks = Array.from({ length: 1000 }, (_, i) => i + 1);
    const tb = toxicityBoundary({ pLow: 0.9, pHigh: 0.95, looks, ngrid: 200 });
    expect(tb.lower.boundary).toHaveLength(1000);
    expect(tb.lower.operatingCharacteristics.p).toHaveLength(200);
    const small = toxicityBoundary({ pLow: 0.9, pHigh: 0.95, looks, ngrid: 2 });
    expect(small.lower.boundary).toEqual(tb.lower.boundary);
    expect(small.lower.operatingCharacteristics.crossProbability).toEqual([
      tb.lower.operatingCharacteristics.crossProbability[0],
      tb.lower.operatingCharacteristics.crossProbability[199],
    ]);
  }, 30_000);

  it('explains, instead of failing with NaNs as R does, when no boundary can reach cP0', () => {
    expect(() => toxicityBoundary({ pLow: 0.01, pHigh: 0.3, looks: [1, 2] })).toThrow(
      /looks: even stopping at the first event cannot reach/,
    );
  });
});

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
        acceptableRate: input.pLow,
        unacceptableRate: input.pHigh,
        looks: input.looks,
        stopProbabilityAcceptable: input.cP0,
        stopProbabilityUnacceptable: input.cP1,
        delta: input.delta,
        priority: input.priority as 'null' | 'alt',
        gridSize: input.ngrid,
        maxIterations: input.niter,
      });
      expect(tb.looks).toEqual(input.looks);
      expect(tb.lower.boundary).toEqual(c.lower);
      expect(tb.upper.boundary).toEqual(c.upper);
      expect(tb.warning).toBe(c.warning);
      for (const [mine, r, rRecomputed] of [
        [tb.lower.operatingCharacteristics, c.bdryOcLower, c.recomputedLower],
        [tb.upper.operatingCharacteristics, c.bdryOcUpper, c.recomputedUpper],
      ] as const) {
        expectAllClose(mine.rates, r.p, { rel: 1e-15, abs: 1e-15, label: 'grid' });
        for (const ref of [r, rRecomputed]) {
          expectAllClose(mine.crossProbability, ref.crossProbability, TOL);
          expectAllClose(mine.earlyStopProbability, ref.earlyStopProbability, TOL);
          expectAllClose(mine.expectedSampleSize, ref.expectedSampleSize, TOL);
        }
      }
    });
  }

  it("reproduces clinfun's first documented example: 7, 12, 17, 20 and upper ending at 21", () => {
    const tb = toxicityBoundary({
      acceptableRate: 0.2,
      unacceptableRate: 0.35,
      looks: [20, 40, 60, 75],
    });
    expect(tb.lower.boundary).toEqual([7, 12, 17, 20]);
    expect(tb.upper.boundary.at(-1)).toBe(21);
    const { crossProbability } = tb.lower.operatingCharacteristics;
    expectClose(crossProbability[0], 0.101, { abs: 5e-4 });
    expectClose(crossProbability.at(-1), 0.935, { abs: 5e-4 });
  });

  it('reproduces continuous monitoring toxbdry(0.1, 0.3, 2:30): 1/3, 2/8, 3/13, 4/20, 5/26, 6/30', () => {
    const looks = Array.from({ length: 29 }, (_, i) => i + 2);
    const tb = toxicityBoundary({ acceptableRate: 0.1, unacceptableRate: 0.3, looks });
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
      const { input } = c;
      const tb = toxicityBoundary({
        acceptableRate: input.pLow,
        unacceptableRate: input.pHigh,
        looks: input.looks,
        stopProbabilityAcceptable: input.cP0,
        stopProbabilityUnacceptable: input.cP1,
        delta: input.delta,
        priority: input.priority as 'null' | 'alt',
        gridSize: input.ngrid,
        maxIterations: input.niter,
      });
      tb.lower.boundary.forEach((r, i) => {
        expect(r).toBeLessThanOrEqual(tb.upper.boundary[i]!);
      });
    }
  });

  it('rejects bad parameters with a RangeError naming the parameter and the value', () => {
    const ok = { acceptableRate: 0.1, unacceptableRate: 0.3, looks: [10, 20, 30] };
    expect(() => toxicityBoundary({ ...ok, acceptableRate: 0 })).toThrow(
      /acceptableRate must be in \(0, 1\). Value: 0/,
    );
    expect(() => toxicityBoundary({ ...ok, unacceptableRate: 1.5 })).toThrow(
      /unacceptableRate.*Value: 1.5/,
    );
    expect(() => toxicityBoundary({ ...ok, acceptableRate: 0.3 })).toThrow(
      /acceptableRate must be < options.unacceptableRate. Value: options.acceptableRate = 0.3, options.unacceptableRate = 0.3/,
    );
    expect(() => toxicityBoundary({ ...ok, looks: [10, 30, 20] })).toThrow(/looks.*increasing/);
    expect(() => toxicityBoundary({ ...ok, looks: [30] })).toThrow(/at least 2 looks/);
    expect(() => toxicityBoundary({ ...ok, stopProbabilityAcceptable: 1 })).toThrow(
      /stopProbabilityAcceptable.*Value: 1/,
    );
    expect(() => toxicityBoundary({ ...ok, stopProbabilityUnacceptable: -0.2 })).toThrow(
      /stopProbabilityUnacceptable.*Value: -0.2/,
    );
    expect(() => toxicityBoundary({ ...ok, delta: 0.7 })).toThrow(/delta.*Value: 0.7/);
    expect(() => toxicityBoundary({ ...ok, priority: 'both' as 'null' })).toThrow(/priority/);
    expect(() => toxicityBoundary({ ...ok, gridSize: 1 })).toThrow(/gridSize/);
    for (const f of [() => toxicityBoundary({ ...ok, acceptableRate: 0 })])
      expect(f).toThrow(RangeError);
  });

  // issue 11 item 11: looks [10, 1e8] or gridSize 1e8 ran past 30 s. Limits: the last look at
  // most 1,000 patients, gridSize at most 200, maxIterations at most 100 (docs/limits.md).
  it('refuses work beyond its limits at once, naming the argument', () => {
    const ok = { acceptableRate: 0.1, unacceptableRate: 0.3, looks: [10, 20] };
    const start = performance.now();
    expect(() => toxicityBoundary({ ...ok, looks: [10, 1e8] })).toThrow(
      'options.looks must end at <= 1000 patients (the limit of the exact computation, docs/limits.md). Value: options.looks[1] = 100000000.',
    );
    expect(() => toxicityBoundary({ ...ok, looks: [10, 1001] })).toThrow(RangeError);
    expect(() => toxicityBoundary({ ...ok, gridSize: 1e8 })).toThrow(
      'gridSize must be <= 200. Value: 100000000.',
    );
    expect(() => toxicityBoundary({ ...ok, maxIterations: 1e9 })).toThrow(
      'maxIterations must be <= 100. Value: 1000000000.',
    );
    expect(performance.now() - start).toBeLessThan(500);
  });

  // The largest allowed: a look after each of 1,000 patients (acceptableRate 0.9 took 8 s before the
  // quantile search started from R's Cornish-Fisher guess). Same boundary as the full grid.
  it('computes a look after each of 1,000 patients, gridSize 200, in seconds', () => {
    const looks = Array.from({ length: 1000 }, (_, i) => i + 1);
    const tb = toxicityBoundary({
      acceptableRate: 0.9,
      unacceptableRate: 0.95,
      looks,
      gridSize: 200,
    });
    expect(tb.lower.boundary).toHaveLength(1000);
    expect(tb.lower.operatingCharacteristics.rates).toHaveLength(200);
    const small = toxicityBoundary({
      acceptableRate: 0.9,
      unacceptableRate: 0.95,
      looks,
      gridSize: 2,
    });
    expect(small.lower.boundary).toEqual(tb.lower.boundary);
    expect(small.lower.operatingCharacteristics.crossProbability).toEqual([
      tb.lower.operatingCharacteristics.crossProbability[0],
      tb.lower.operatingCharacteristics.crossProbability[199],
    ]);
  }, 30_000);

  it('explains, instead of failing with NaNs as R does, when no boundary can reach stopProbabilityAcceptable', () => {
    expect(() =>
      toxicityBoundary({ acceptableRate: 0.01, unacceptableRate: 0.3, looks: [1, 2] }),
    ).toThrow(/looks: even stopping at the first event cannot reach/);
  });
});

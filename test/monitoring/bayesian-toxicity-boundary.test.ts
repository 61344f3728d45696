import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { bayesianToxicityBoundary } from '../../src/monitoring/bayesian-toxicity-boundary.js';
import { boundaryOperatingCharacteristics } from '../../src/monitoring/boundary-operating-characteristics.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';

const TOL = { rel: 1e-10, abs: 1e-10 };

describe('bayesianToxicityBoundary', () => {
  for (const c of fixtures.bayesian) {
    it(`matches R pbeta for maxAcceptableRate ${c.maxRate}, posteriorThreshold ${c.threshold}, Beta(${c.prior.a}, ${c.prior.b})`, () => {
      const rule = bayesianToxicityBoundary({
        maxAcceptableRate: c.maxRate,
        posteriorThreshold: c.threshold,
        prior: c.prior,
        looks: c.looks,
      });
      expect(rule.stopAt).toEqual(c.stopAt);
      expect(rule.maxAllowed).toEqual(c.maxAllowed);
      rule.posteriorProbability.forEach((row, i) => {
        expectAllClose(row, c.posteriorProbability[i]!, { ...TOL, label: `look ${i}` });
      });
      const oc = boundaryOperatingCharacteristics({
        looks: c.looks,
        maxAllowed: rule.maxAllowed,
        rates: c.oc.p,
      });
      expectAllClose(oc.crossProbability, c.oc.crossProbability, TOL);
      expectAllClose(oc.expectedSampleSize, c.oc.expectedSampleSize, TOL);
    });
  }

  it('gives the known Beta(1, 1), maxAcceptableRate 0.3, posteriorThreshold 0.95 stop counts and operating characteristics', () => {
    const looks = Array.from({ length: 28 }, (_, i) => i + 3);
    const rule = bayesianToxicityBoundary({
      maxAcceptableRate: 0.3,
      posteriorThreshold: 0.95,
      looks,
    });
    expect(rule.stopAt).toEqual([
      3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 14,
    ]);
    const oc = boundaryOperatingCharacteristics({
      looks,
      maxAllowed: rule.maxAllowed,
      rates: [0.1, 0.2, 0.3, 0.4],
    });
    [0.0047, 0.0499, 0.2256, 0.5696].forEach((v, j) => {
      expectClose(oc.crossProbability[j], v, { abs: 5e-5 });
    });
    [29.88, 28.846, 25.474, 19.248].forEach((v, j) => {
      expectClose(oc.expectedSampleSize[j], v, { abs: 5e-4 });
    });
  });

  it('an exact tie (a Beta(c, c) posterior, maxAcceptableRate 0.5) is exactly 1/2 and does not stop', () => {
    // issue 12 item 5: the incomplete beta gave 0.50000000000000044 at 5 of 10 (stop at 5);
    // R's pbeta gives 0.5000000000000002 at 17 of 28 with prior (2, 8) (R stops at 17)
    const a = bayesianToxicityBoundary({
      maxAcceptableRate: 0.5,
      posteriorThreshold: 0.5,
      prior: { a: 0.5, b: 0.5 },
      looks: [10],
    });
    expect(a.posteriorProbability[0]![5]).toBe(0.5);
    expect(a.stopAt).toEqual([6]);
    const b = bayesianToxicityBoundary({
      maxAcceptableRate: 0.5,
      posteriorThreshold: 0.5,
      prior: { a: 2, b: 8 },
      looks: [28],
    });
    expect(b.posteriorProbability[0]![17]).toBe(0.5);
    expect(b.stopAt).toEqual([18]);
  });

  it('returns null where no count can stop, and maxAllowed = n there', () => {
    const rule = bayesianToxicityBoundary({
      maxAcceptableRate: 0.3,
      posteriorThreshold: 0.95,
      looks: [1, 2, 3],
    });
    // 1 of 1: Beta(2, 1) gives P(rate > 0.3) = 1 - 0.3^2 = 0.91, not > 0.95.
    expect(rule.stopAt).toEqual([null, 2, 3]);
    expect(rule.maxAllowed).toEqual([1, 1, 2]);
  });

  it('rejects bad parameters naming them', () => {
    const ok = { maxAcceptableRate: 0.3, posteriorThreshold: 0.95, looks: [5, 10] };
    expect(() => bayesianToxicityBoundary({ ...ok, maxAcceptableRate: 1 })).toThrow(
      /maxAcceptableRate.*Value: 1/,
    );
    expect(() => bayesianToxicityBoundary({ ...ok, posteriorThreshold: 0 })).toThrow(RangeError);
    expect(() => bayesianToxicityBoundary({ ...ok, posteriorThreshold: 1.2 })).toThrow(
      /posteriorThreshold.*1.2/,
    );
    expect(() => bayesianToxicityBoundary({ ...ok, prior: { a: 0, b: 1 } })).toThrow(/prior.a/);
    expect(() => bayesianToxicityBoundary({ ...ok, looks: [10, 5] })).toThrow(/looks/);
  });

  // issue 11 item 11: looks [1e9] ran past 30 s (a table of 1e9 probabilities).
  it('refuses a last look above 1,000 patients at once; 1,000 works', () => {
    const ok = { maxAcceptableRate: 0.3, posteriorThreshold: 0.95 };
    const start = performance.now();
    expect(() => bayesianToxicityBoundary({ ...ok, looks: [1e9] })).toThrow(
      'options.looks must end at <= 1000 patients (the limit of the exact computation, docs/limits.md). Value: options.looks[0] = 1000000000.',
    );
    const many = Array.from({ length: 20_000 }, (_, i) => i + 1);
    expect(() => bayesianToxicityBoundary({ ...ok, looks: many })).toThrow(
      /^options.looks must hold at most 1000 looks/,
    );
    expect(performance.now() - start).toBeLessThan(500);
    expect(bayesianToxicityBoundary({ ...ok, looks: [1000] }).stopAt).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { boundaryOperatingCharacteristics } from '../../src/monitoring/boundary-operating-characteristics.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';

const TOL = { rel: 1e-10, abs: 1e-10 };

describe('boundaryOperatingCharacteristics', () => {
  for (const c of fixtures.recursion) {
    it(`matches the base-R recursion: ${c.name}`, () => {
      const oc = boundaryOperatingCharacteristics({
        looks: c.looks,
        maxAllowed: c.maxAllowed,
        rates: c.oc.p,
      });
      expectAllClose(oc.rates, c.oc.p, { rel: 0, abs: 0 });
      expectAllClose(oc.crossProbability, c.oc.crossProbability, { ...TOL, label: 'cross' });
      expectAllClose(oc.earlyStopProbability, c.oc.earlyStopProbability, {
        ...TOL,
        label: 'early',
      });
      expectAllClose(oc.expectedSampleSize, c.oc.expectedSampleSize, { ...TOL, label: 'ess' });
      expect(oc.stopProbabilityByLook).toHaveLength(c.looks.length);
      oc.stopProbabilityByLook.forEach((row, i) => {
        expectAllClose(row, c.oc.stopProbabilityByLook[i]!, { ...TOL, label: `look ${i}` });
      });
    });
  }

  it('reproduces clinfun toxbdry(0.2, 0.35, c(20, 40, 60, 75)) lower-boundary crossing 0.101 / 0.935', () => {
    const oc = boundaryOperatingCharacteristics({
      looks: [20, 40, 60, 75],
      maxAllowed: [7, 12, 17, 20],
      rates: [0.2, 0.35],
    });
    expectClose(oc.crossProbability[0], 0.101, { abs: 5e-4 });
    expectClose(oc.crossProbability[1], 0.935, { abs: 5e-4 });
  });

  const p = Array.from({ length: 19 }, (_, k) => 0.05 * (k + 1));
  const boundaries = [
    { looks: [10, 20, 30, 40], maxAllowed: [3, 5, 7, 8] },
    { looks: [5, 9, 14, 22, 35], maxAllowed: [2, 3, 4, 5, 9] },
    {
      looks: Array.from({ length: 40 }, (_, i) => i + 1),
      maxAllowed: fixtures.recursion[2]!.maxAllowed,
    },
  ];

  it('property: crossing probability rises with the true rate', () => {
    for (const b of boundaries) {
      const { crossProbability } = boundaryOperatingCharacteristics({ ...b, rates: p });
      for (let j = 1; j < p.length; j++) {
        // Strictly, until both are 1 to rounding.
        if (crossProbability[j - 1]! < 1 - 1e-12) {
          expect(crossProbability[j]!).toBeGreaterThan(crossProbability[j - 1]!);
        } else {
          expectClose(crossProbability[j], 1, { abs: 1e-12 });
        }
      }
    }
  });

  it('property: a larger maxAllowed never stops more often', () => {
    for (const b of boundaries) {
      const base = boundaryOperatingCharacteristics({ ...b, rates: p });
      for (let i = 0; i < b.looks.length; i++) {
        const looser = b.maxAllowed.map((r, k) => (k === i ? r + 1 : r));
        const oc = boundaryOperatingCharacteristics({
          looks: b.looks,
          maxAllowed: looser,
          rates: p,
        });
        for (let j = 0; j < p.length; j++) {
          expect(oc.crossProbability[j]!).toBeLessThanOrEqual(base.crossProbability[j]! + 1e-15);
          expect(oc.expectedSampleSize[j]!).toBeGreaterThanOrEqual(
            base.expectedSampleSize[j]! - 1e-12,
          );
        }
      }
    }
  });

  it('property: the per-look stopping probabilities sum to the crossing probability', () => {
    for (const b of boundaries) {
      const oc = boundaryOperatingCharacteristics({ ...b, rates: p });
      for (let j = 0; j < p.length; j++) {
        const sum = oc.stopProbabilityByLook.reduce((acc, row) => acc + row[j]!, 0);
        expectClose(sum, oc.crossProbability[j], { rel: 1e-14, abs: 1e-15 });
        const last = oc.stopProbabilityByLook[b.looks.length - 1]![j]!;
        expectClose(oc.earlyStopProbability[j], oc.crossProbability[j]! - last, { abs: 1e-15 });
      }
    }
  });

  it('keeps the relative accuracy of a tiny early-stop probability (summed, not a difference)', () => {
    // issue 12 item 8: crossing minus the last look's share gave 0 here; the early stop is the
    // first look's stop, 0.05^20 = 9.5e-27
    const oc = boundaryOperatingCharacteristics({
      looks: [20, 40],
      maxAllowed: [19, 0],
      rates: [0.05],
    });
    expect(oc.earlyStopProbability[0]).toBeGreaterThan(0);
    expect(oc.earlyStopProbability[0]).toBe(oc.stopProbabilityByLook[0]![0]);
    expectClose(oc.earlyStopProbability[0], 0.05 ** 20, { rel: 1e-13, abs: 0 });
  });

  it('is 0 at p = 0 and stops at the first reachable look at p = 1', () => {
    const oc = boundaryOperatingCharacteristics({
      looks: [10, 20],
      maxAllowed: [3, 5],
      rates: [0, 1],
    });
    expect(oc.crossProbability).toEqual([0, 1]);
    expect(oc.expectedSampleSize).toEqual([20, 10]);
  });

  it('rejects bad arguments with a RangeError naming them', () => {
    const ok = { looks: [10, 20], maxAllowed: [3, 5], rates: [0.1] };
    expect(() => boundaryOperatingCharacteristics({ ...ok, looks: [20, 10] })).toThrow(
      /options.looks must be strictly increasing/,
    );
    expect(() => boundaryOperatingCharacteristics({ ...ok, maxAllowed: [3] })).toThrow(
      /maxAllowed must have one entry per look/,
    );
    expect(() => boundaryOperatingCharacteristics({ ...ok, maxAllowed: [3, -2] })).toThrow(
      /maxAllowed\[1\].*Value: -2/,
    );
    expect(() => boundaryOperatingCharacteristics({ ...ok, rates: [1.2] })).toThrow(
      /options.rates\[0\] must be in \[0, 1\]. Value: 1.2/,
    );
    expect(() => boundaryOperatingCharacteristics({ ...ok, rates: [-0.1] })).toThrow(RangeError);
  });

  // issue 11 item 11: the recursion's work grows with the square of the last look.
  it('refuses a last look above 1,000 patients and more than 200 rates', () => {
    const ok = { looks: [10, 20], maxAllowed: [3, 5], rates: [0.1] };
    expect(() =>
      boundaryOperatingCharacteristics({ ...ok, looks: [10, 1e8], maxAllowed: [3, 1e8] }),
    ).toThrow(
      /^options.looks must end at <= 1000 patients.*Value: options.looks\[1\] = 100000000\.$/,
    );
    const rates = Array.from({ length: 201 }, (_, i) => i / 200);
    expect(() => boundaryOperatingCharacteristics({ ...ok, rates })).toThrow(
      /^options.rates must hold at most 200 rates\. Value: an array of length 201\.$/,
    );
    expect(
      boundaryOperatingCharacteristics({ ...ok, rates: rates.slice(0, 200) }).crossProbability,
    ).toHaveLength(200);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { boundaryOperatingCharacteristics } from '../../src/monitoring/boundary-operating-characteristics.js';
import { expectClose } from '../_helpers/close.js';
import { PARAMS, TIMEOUT } from './_config.js';

// Crossing a boundary ("events > maxAllowed[i] at some look i") is an increasing event in the
// patients' outcomes: turning a non-event into an event never undoes a crossing. By the usual
// coupling, P(cross) is therefore non-decreasing in the true rate p, and a boundary allowing
// more events at every look (the crossing set shrinks) never stops more often, nor earlier.
// Rounding of the exact recursion is allowed for with 1e-12.

const EPS = 1e-12;

/** Strictly increasing looks (cumulative patients, up to 80) with any maxAllowed >= -1. */
const boundary = fc
  .uniqueArray(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 6 })
  .map((looks) => looks.sort((a, b) => a - b))
  .chain((looks) =>
    fc.record({
      looks: fc.constant(looks),
      maxAllowed: fc.tuple(...looks.map((n) => fc.integer({ min: -1, max: n + 1 }))),
    }),
  );

const rate = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1));
const rates = fc.array(rate, { minLength: 1, maxLength: 6 });

describe('boundaryOperatingCharacteristics', () => {
  test.prop([boundary, rates], PARAMS)(
    'crossing probability is non-decreasing in the true rate',
    ({ looks, maxAllowed }, p) => {
      const sorted = [...p].sort((a, b) => a - b);
      const oc = boundaryOperatingCharacteristics({ looks, maxAllowed, rates: sorted });
      expect(oc.rates).toEqual(sorted);
      for (let j = 0; j < sorted.length; j++) {
        const c = oc.crossProbability[j]!;
        expect(c).toBeGreaterThanOrEqual(-EPS);
        expect(c).toBeLessThanOrEqual(1 + EPS);
        if (j > 0) expect(c).toBeGreaterThanOrEqual(oc.crossProbability[j - 1]! - EPS);
      }
    },
    TIMEOUT,
  );

  test.prop(
    [
      boundary.chain((b) =>
        fc.tuple(fc.constant(b), fc.tuple(...b.looks.map(() => fc.integer({ min: 0, max: 10 })))),
      ),
      rates,
    ],
    PARAMS,
  )(
    'a boundary with larger maxAllowed (elementwise) never stops more often, nor earlier',
    ([{ looks, maxAllowed }, raise], p) => {
      const higher = maxAllowed.map((m, i) => m + raise[i]!);
      const base = boundaryOperatingCharacteristics({ looks, maxAllowed, rates: p });
      const lax = boundaryOperatingCharacteristics({ looks, maxAllowed: higher, rates: p });
      for (let j = 0; j < p.length; j++) {
        expect(lax.crossProbability[j]!).toBeLessThanOrEqual(base.crossProbability[j]! + EPS);
        expect(lax.earlyStopProbability[j]!).toBeLessThanOrEqual(
          base.earlyStopProbability[j]! + EPS,
        );
        // the stopping look can only move later, so the expected sample size only grows
        expect(lax.expectedSampleSize[j]!).toBeGreaterThanOrEqual(
          base.expectedSampleSize[j]! - 1e-9,
        );
      }
    },
    TIMEOUT,
  );

  test.prop([boundary, rates], PARAMS)(
    'stopProbabilityByLook sums over the looks to crossProbability',
    ({ looks, maxAllowed }, p) => {
      const oc = boundaryOperatingCharacteristics({ looks, maxAllowed, rates: p });
      expect(oc.stopProbabilityByLook).toHaveLength(looks.length);
      for (let j = 0; j < p.length; j++) {
        let sum = 0;
        for (const row of oc.stopProbabilityByLook) {
          expect(row[j]!).toBeGreaterThanOrEqual(0);
          sum += row[j]!;
        }
        expectClose(sum, oc.crossProbability[j], { abs: EPS, label: `p = ${p[j]}` });
        expectClose(
          oc.earlyStopProbability[j],
          sum - oc.stopProbabilityByLook[looks.length - 1]![j]!,
          { abs: EPS, label: 'early stop' },
        );
      }
    },
    TIMEOUT,
  );
});

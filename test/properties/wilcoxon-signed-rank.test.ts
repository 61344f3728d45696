import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon-signed-rank.js';
import { expectClose } from '../_helpers/close.js';
import { PARAMS, TIMEOUT } from './_config.js';

// Swapping x and y negates every difference: the ranks of |d| stay, the positive and negative
// differences trade places, so V becomes n(n+1)/2 - V (n = non-zero differences) and the
// two-sided p-value is unchanged (the null distribution of V is symmetric about n(n+1)/4).

/** Paired samples: small integers (ties and zero differences: normal approximation) or doubles. */
const pairs = fc.oneof(
  fc.array(fc.tuple(fc.integer({ min: -8, max: 8 }), fc.integer({ min: -8, max: 8 })), {
    maxLength: 60,
  }),
  fc.array(
    fc.tuple(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
    ),
    { maxLength: 60 },
  ),
);

describe('wilcoxonSignedRank', () => {
  test.prop([pairs], PARAMS)(
    'swapping x and y gives statistic n(n+1)/2 - V and the same p-value, in [0, 1]',
    (xy) => {
      const x = xy.map(([a]) => a);
      const y = xy.map(([, b]) => b);
      const r = wilcoxonSignedRank(x, y);
      const s = wilcoxonSignedRank(y, x);
      if (r === null) {
        expect(s).toBeNull();
        expect(x).toHaveLength(0);
        return;
      }
      expect(s).not.toBeNull();
      const swapped = s!;
      if (r.pValue === null) {
        // Every difference is zero: statistic 0 and no p-value (R: V = 0, p = NaN).
        expect(x.every((v, i) => v - y[i]! === 0)).toBe(true);
        expect([r.statistic, swapped.statistic, swapped.pValue]).toEqual([0, 0, null]);
        return;
      }
      expect(swapped.n).toBe(r.n);
      expect(swapped.zeroes).toBe(r.zeroes);
      expect(swapped.method).toBe(r.method);
      // ranks are multiples of 1/2: the sums are exact
      expect(swapped.statistic).toBe((r.n * (r.n + 1)) / 2 - r.statistic);
      expectClose(swapped.pValue, r.pValue, { rel: 1e-12, abs: 1e-15, label: 'pValue' });
      for (const p of [r.pValue, swapped.pValue as number]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    },
    TIMEOUT,
  );
});

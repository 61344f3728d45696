import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { binomialQuantile } from '../../src/stats/binomial-quantile.js';
import { regularizedBeta } from '../../src/stats/regularized-beta.js';

describe('binomialQuantile', () => {
  it(`equals R's qbinom on ${fixtures.qbinom.length} cases, including p exactly at a jump`, () => {
    for (const { p, n, prob, q } of fixtures.qbinom) {
      // R can return -0 (its Cornish-Fisher start is floored); -0 + 0 is +0.
      expect(binomialQuantile(p, n, prob), `qbinom(${p}, ${n}, ${prob})`).toBe(q + 0);
    }
  });

  // The search starts from R's Cornish-Fisher guess (issue 11 item 11: a scan from 0 made
  // toxicityBoundary take 8 s); it must find what the scan found: the smallest y with
  // P(X <= y) >= p (1 - 8 eps), p exactly at a jump included.
  it('finds the same quantile as a scan from 0, p exactly at a jump included', () => {
    const scan = (p: number, n: number, prob: number): number => {
      const target = p * (1 - 8 * Number.EPSILON);
      for (let y = 0; y < n; y++) if (regularizedBeta(prob, y + 1, n - y, true) >= target) return y;
      return n;
    };
    const probs = [1e-9, 0.01, 0.1, 0.3, 0.5, 0.7, 0.95, 1 - 1e-9];
    const ps = [1e-300, 1e-9, 0.025, 0.1, 0.5, 0.9, 0.975, 1 - 1e-12];
    for (const n of [1, 2, 3, 7, 20, 61, 150, 1000]) {
      for (const prob of probs) {
        const jumps = [0, 1, Math.floor(n / 2)].map((y) =>
          y < n ? regularizedBeta(prob, y + 1, n - y, true) : 0.5,
        );
        for (const p of [...ps, ...jumps]) {
          if (!(p > 0 && p < 1)) continue;
          expect(binomialQuantile(p, n, prob), `(${p}, ${n}, ${prob})`).toBe(scan(p, n, prob));
        }
      }
    }
    // The scan from 0 is slow by design (the reference): room for a loaded 2-core CI machine.
  }, 30_000);

  it('returns 0 at p = 0 and n at p = 1, and 0 when prob = 0', () => {
    expect(binomialQuantile(0, 20, 0.1)).toBe(0);
    expect(binomialQuantile(1, 20, 0.1)).toBe(20);
    expect(binomialQuantile(0.5, 20, 0)).toBe(0);
  });
});

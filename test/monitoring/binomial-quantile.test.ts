import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { binomialQuantile } from '../../src/monitoring/binomial-quantile.js';

describe('binomialQuantile', () => {
  it(`equals R's qbinom on ${fixtures.qbinom.length} cases, including p exactly at a jump`, () => {
    for (const { p, n, prob, q } of fixtures.qbinom) {
      // R can return -0 (its Cornish-Fisher start is floored); -0 + 0 is +0.
      expect(binomialQuantile(p, n, prob), `qbinom(${p}, ${n}, ${prob})`).toBe(q + 0);
    }
  });

  it('returns 0 at p = 0 and n at p = 1, and 0 when prob = 0', () => {
    expect(binomialQuantile(0, 20, 0.1)).toBe(0);
    expect(binomialQuantile(1, 20, 0.1)).toBe(20);
    expect(binomialQuantile(0.5, 20, 0)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { binomialPmf } from '../../src/stats/binomial-pmf.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';

// The pmf is also checked against R's dbinom/pbinom through every recursion fixture; here its
// own properties, against the direct product formula where that is exact enough.
describe('binomialPmf', () => {
  it('agrees with the product formula C(n, k) p^k (1 - p)^(n - k)', () => {
    for (const [n, p] of [
      [1, 0.3],
      [10, 0.1],
      [25, 0.5],
      [40, 0.3],
    ] as const) {
      let choose = 1;
      const direct: number[] = [];
      for (let k = 0; k <= n; k++) {
        if (k > 0) choose = (choose * (n - k + 1)) / k;
        direct.push(choose * p ** k * (1 - p) ** (n - k));
      }
      expectAllClose(binomialPmf(n, p), direct, { rel: 1e-12, label: `n=${n} p=${p}` });
    }
  });

  it('sums to 1 and is symmetric at p = 0.5', () => {
    const pmf = binomialPmf(75, 0.5);
    expectClose(
      pmf.reduce((a, b) => a + b, 0),
      1,
      { rel: 1e-14 },
    );
    for (let k = 0; k <= 75; k++) expectClose(pmf[k], pmf[75 - k], { rel: 1e-13 });
  });

  it('puts all the mass on 0 or n at p = 0 or 1, and handles n = 0', () => {
    expect(binomialPmf(3, 0)).toEqual([1, 0, 0, 0]);
    expect(binomialPmf(3, 1)).toEqual([0, 0, 0, 1]);
    expect(binomialPmf(0, 0.4)).toEqual([1]);
  });

  it('keeps far tails positive and finite', () => {
    const pmf = binomialPmf(1000, 0.01);
    expect(pmf.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(pmf[1000]).toBe(0);
    expect(pmf[50]!).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/distributions.json';
import { regularizedBeta } from '../../src/stats/regularized-beta.js';
import { expectClose } from '../_helpers/close.js';

describe('regularizedBeta', () => {
  it(`equals R's pbeta, both tails, on ${fixture.pbeta.length} points`, () => {
    // Each tail relative to itself: a tail of 1e-250 is computed, not 1 minus a number near 1.
    for (const { x, a, b, lower, upper } of fixture.pbeta) {
      const label = `pbeta(${x}, ${a}, ${b})`;
      expectClose(regularizedBeta(x, a, b), lower, { rel: 1e-11, abs: 1e-300, label });
      expectClose(regularizedBeta(x, a, b, true), upper, { rel: 1e-11, abs: 1e-300, label });
    }
  });

  it('is 0 and 1 at the ends of [0, 1], and NaN for NaN', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(-1, 2, 3, true)).toBe(1);
    expect(regularizedBeta(2, 2, 3, true)).toBe(0);
    expect(regularizedBeta(Number.NaN, 2, 3)).toBeNaN();
  });

  // binomialQuantile compares P(X <= y) with p shrunk by 8 ulps (R's qbinom), so the binomial
  // tails must be right to a few ulps where they are exact binary fractions.
  it('gives binomial tails that are exact binary fractions to a few ulps', () => {
    for (const n of [1, 2, 7, 37, 61]) {
      // P(X <= floor((n - 1) / 2)) = 1/2 for odd n and prob 1/2.
      if (n % 2 === 1) {
        const y = (n - 1) / 2;
        expectClose(regularizedBeta(0.5, y + 1, n - y, true), 0.5, { rel: 4 * Number.EPSILON });
      }
      // P(X = 0) = (1 - prob)^n.
      expectClose(regularizedBeta(0.25, 1, n, true), 0.75 ** n, { rel: 8 * Number.EPSILON });
    }
  });
});

import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/distributions.json';
import { upperIncompleteGamma } from '../../src/stats/upper-incomplete-gamma.js';
import { expectClose } from '../_helpers/close.js';

describe('upperIncompleteGamma', () => {
  it(`equals R's pchisq(x, df, lower.tail = FALSE) on ${fixture.pchisq.length} points`, () => {
    // Q(df / 2, x / 2), relative down to tails of 1e-150.
    for (const { x, df, upper } of fixture.pchisq) {
      expectClose(upperIncompleteGamma(df / 2, x / 2), upper, {
        rel: 1e-12,
        abs: 1e-300,
        label: `pchisq(${x}, ${df})`,
      });
    }
  });

  it('is 1 at x <= 0 and NaN for NaN', () => {
    expect(upperIncompleteGamma(2, 0)).toBe(1);
    expect(upperIncompleteGamma(2, -1)).toBe(1);
    expect(upperIncompleteGamma(2, Number.NaN)).toBeNaN();
  });
});

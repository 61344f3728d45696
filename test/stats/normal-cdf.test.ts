import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/distributions.json';
import { normalCdf } from '../../src/stats/normal-cdf.js';
import { expectClose } from '../_helpers/close.js';

describe('normalCdf', () => {
  it(`equals R's pnorm on ${fixture.pnorm.length} points, far tails included`, () => {
    // Relative agreement, down to 1e-300: the lower tail is computed directly (Cody's algorithm,
    // as R), not as 1 minus the upper one. The far tail loses a few digits to exp() of a large
    // argument, in R as here.
    for (const { x, p } of fixture.pnorm) {
      expectClose(normalCdf(x), p, {
        rel: Math.abs(x) > 20 ? 1e-11 : 1e-13,
        abs: 0,
        label: `${x}`,
      });
    }
  });

  it('takes a mean and a standard deviation, and gives NaN for NaN', () => {
    expectClose(normalCdf(12, 10, 2), normalCdf(1), { rel: 1e-15 });
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

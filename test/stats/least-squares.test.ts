import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../src/stats/least-squares.js';
import { expectClose } from '../_helpers/close.js';

describe('leastSquares', () => {
  it('fits an exact line with R^2 = 1', () => {
    const fit = leastSquares([0, 1, 2], [1, 3, 5]);
    expectClose(fit!.slope, 2);
    expectClose(fit!.intercept, 1);
    expectClose(fit!.rSquared, 1);
  });

  it('keeps precision with large x offsets (centred sums)', () => {
    const fit = leastSquares([1e9, 1e9 + 1, 1e9 + 2], [0, 0.5, 1]);
    expectClose(fit!.slope, 0.5, { rel: 1e-12 });
  });

  it('returns null without spread in x, and a null R^2 for constant y', () => {
    expect(leastSquares([1], [1])).toBeNull();
    expect(leastSquares([2, 2], [1, 3])).toBeNull();
    expect(leastSquares([1, 2, 3], [4, 4, 4])).toEqual({ slope: 0, intercept: 4, rSquared: null });
  });

  it('gives slope 0 for a mirror-image series (true slope 0), whatever the rounding', () => {
    // issue 12 item 6: the centred sums leave +-1e-17 here, in R's lm too
    for (const v of [
      [0.2, 0.7, 0.7, 0.2],
      [1.3, 4.9, 0.25, 4.9, 1.3],
      [8.1, 0.4, 2.2, 2.2, 0.4, 8.1],
    ]) {
      const x = v.map((_, i) => (30 * i) / 30.4375);
      const fit = leastSquares(x, v.map(Math.log))!;
      expect(fit.slope).toBe(0);
      expect(fit.rSquared).toBe(0);
      expectClose(fit.intercept, v.map(Math.log).reduce((a, b) => a + b) / v.length, {
        rel: 1e-15,
      });
    }
  });

  it('keeps a small slope that is far above rounding', () => {
    const fit = leastSquares([0, 1, 2, 3], [5, 5 + 1e-9, 5 + 2e-9, 5 + 3e-9])!;
    expectClose(fit.slope, 1e-9, { rel: 1e-6 });
  });

  it('gives slope 0 for a constant y even when its mean rounds off the value', () => {
    // Found by test/properties/psa-doubling-time.test.ts: the mean of six ln(5.3) is not ln(5.3)
    // in floating point, and the slope came out 7.6e-33 with R^2 5.1e-33.
    const y = new Array<number>(6).fill(Math.log(5.3));
    expect(y.reduce((a, b) => a + b) / 6).not.toBe(y[0]);
    expect(leastSquares([0, 1, 2, 3, 4, 5], y)).toEqual({
      slope: 0,
      intercept: Math.log(5.3),
      rSquared: null,
    });
  });
});

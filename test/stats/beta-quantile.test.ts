import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/distributions.json';
import { betaQuantile } from '../../src/stats/beta-quantile.js';
import { expectClose } from '../_helpers/close.js';

describe('betaQuantile', () => {
  it(`equals R's qbeta on ${fixture.qbeta.length} probabilities and shapes`, () => {
    for (const { p, a, b, q } of fixture.qbeta) {
      expectClose(betaQuantile(p, a, b), q, {
        rel: 1e-11,
        abs: 1e-300,
        label: `qbeta(${p}, ${a}, ${b})`,
      });
    }
  });

  it('gives 0 and 1 at p = 0 and 1, and NaN outside [0, 1]', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(betaQuantile(-0.1, 2, 3)).toBeNaN();
    expect(betaQuantile(Number.NaN, 2, 3)).toBeNaN();
  });
});

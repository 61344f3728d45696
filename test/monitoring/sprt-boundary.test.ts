import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { sprtBoundary } from '../../src/monitoring/sprt-boundary.js';
import { expectClose } from '../_helpers/close.js';

describe('sprtBoundary', () => {
  for (const c of fixtures.sprt) {
    it(`matches the R formula for acceptableRate ${c.p0}, unacceptableRate ${c.p1}, alpha ${c.alpha}, beta ${c.beta}`, () => {
      const s = sprtBoundary({
        acceptableRate: c.p0,
        unacceptableRate: c.p1,
        alpha: c.alpha,
        beta: c.beta,
      });
      expectClose(s.slope, c.slope, { rel: 1e-12 });
      expectClose(s.upperIntercept, c.upperIntercept, { rel: 1e-12 });
      expectClose(s.lowerIntercept, c.lowerIntercept, { rel: 1e-12 });
    });
  }

  it('gives the known lines for (0.1, 0.3, 0.05, 0.2)', () => {
    const s = sprtBoundary({ acceptableRate: 0.1, unacceptableRate: 0.3, alpha: 0.05, beta: 0.2 });
    expectClose(s.slope, 0.186169, { abs: 5e-7 });
    expectClose(s.upperIntercept, 2.053881, { abs: 5e-7 });
    expectClose(s.lowerIntercept, -1.154244, { abs: 5e-7 });
  });

  it('rejects bad parameters naming them', () => {
    const ok = { acceptableRate: 0.1, unacceptableRate: 0.3, alpha: 0.05, beta: 0.2 };
    expect(() => sprtBoundary({ ...ok, acceptableRate: 0 })).toThrow(/acceptableRate.*Value: 0/);
    expect(() => sprtBoundary({ ...ok, unacceptableRate: 0.1 })).toThrow(
      /acceptableRate must be < options.unacceptableRate/,
    );
    expect(() => sprtBoundary({ ...ok, alpha: 1 })).toThrow(/alpha.*Value: 1/);
    expect(() => sprtBoundary({ ...ok, beta: Number.NaN })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { sprtBoundary } from '../../src/monitoring/sprt-boundary.js';
import { expectClose } from '../_helpers/close.js';

describe('sprtBoundary', () => {
  for (const c of fixtures.sprt) {
    it(`matches the R formula for p0 ${c.p0}, p1 ${c.p1}, alpha ${c.alpha}, beta ${c.beta}`, () => {
      const s = sprtBoundary({ p0: c.p0, p1: c.p1, alpha: c.alpha, beta: c.beta });
      expectClose(s.slope, c.slope, { rel: 1e-12 });
      expectClose(s.upperIntercept, c.upperIntercept, { rel: 1e-12 });
      expectClose(s.lowerIntercept, c.lowerIntercept, { rel: 1e-12 });
    });
  }

  it('gives the known lines for (0.1, 0.3, 0.05, 0.2)', () => {
    const s = sprtBoundary({ p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2 });
    expectClose(s.slope, 0.186169, { abs: 5e-7 });
    expectClose(s.upperIntercept, 2.053881, { abs: 5e-7 });
    expectClose(s.lowerIntercept, -1.154244, { abs: 5e-7 });
  });

  it('rejects bad parameters naming them', () => {
    const ok = { p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2 };
    expect(() => sprtBoundary({ ...ok, p0: 0 })).toThrow(/p0.*Value: 0/);
    expect(() => sprtBoundary({ ...ok, p1: 0.1 })).toThrow(/p0 must be < p1/);
    expect(() => sprtBoundary({ ...ok, alpha: 1 })).toThrow(/alpha.*Value: 1/);
    expect(() => sprtBoundary({ ...ok, beta: Number.NaN })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { kaplanMeier, restrictedMeanSurvival } from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { fixture, rowsOf, TOL } from './_fixture.js';

describe('restrictedMeanSurvival against R print(fit, rmean = tau)', () => {
  for (const [name, c] of Object.entries(fixture.km)) {
    it(`${name}: rmean at tau = ${c.taus.join(', ')}`, () => {
      const fit = kaplanMeier(rowsOf(c.data));
      for (const ref of c.fits.log.rmean) {
        const r = restrictedMeanSurvival(fit, ref.tau);
        expect(r.tau).toBe(ref.tau);
        expectClose(r.estimate, ref.estimate, { ...TOL, label: `rmean ${ref.tau}` });
        expectClose(r.stdErr, ref.stdErr, { ...TOL, label: `se ${ref.tau}` });
      }
    });
  }

  it('tau before the first time gives tau with standard error 0 (R stops instead)', () => {
    const fit = kaplanMeier({ time: [10, 20], event: [1, 1] });
    expect(restrictedMeanSurvival(fit, 4)).toEqual({ tau: 4, estimate: 4, stdErr: 0 });
  });

  // issue 11 item 13 (no result holds Infinity): areas near the largest doubles squared to
  // Infinity in the variance. The standard error scales with time, so it must be 1e300 times
  // that of the same data in units 1e300 times larger.
  it('keeps the standard error finite for times near the largest doubles', () => {
    const small = { time: [1e7, 1.5e8, 1.7e8, 2e6, 9e7], event: [1, 1, 0, 1, 1] };
    const big = { ...small, time: small.time.map((t) => t * 1e300) };
    const r = restrictedMeanSurvival(kaplanMeier(big), 1.7e308);
    const ref = restrictedMeanSurvival(kaplanMeier(small), 1.7e8);
    expect(Number.isFinite(r.stdErr)).toBe(true);
    expectClose(r.stdErr, ref.stdErr * 1e300, { rel: 1e-12 });
    expectClose(r.estimate, ref.estimate * 1e300, { rel: 1e-12 });
  });

  it('rejects a negative tau', () => {
    const fit = kaplanMeier({ time: [10], event: [1] });
    expect(() => restrictedMeanSurvival(fit, -1)).toThrow(/tau must be >= 0. Value: -1/);
  });
});

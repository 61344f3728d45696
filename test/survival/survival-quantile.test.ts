import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalQuantile } from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { CONF_TYPES, fixture, rowsOf, TOL } from './_fixture.js';

describe('survivalQuantile against R quantile.survfit()', () => {
  for (const [name, c] of Object.entries(fixture.km)) {
    for (const confType of CONF_TYPES) {
      it(`${name}, ${confType}: quantiles 0.25, 0.5, 0.75 with limits`, () => {
        const fit = kaplanMeier(rowsOf(c.data), { confType });
        const ref = c.fits[confType].quantiles;
        ref.p.forEach((p, k) => {
          const q = survivalQuantile(fit, p);
          expectClose(q.estimate, ref.estimate[k], { ...TOL, label: `estimate p=${p}` });
          expectClose(q.lower, ref.lower[k], { ...TOL, label: `lower p=${p}` });
          expectClose(q.upper, ref.upper[k], { ...TOL, label: `upper p=${p}` });
        });
      });
    }
  }

  it('lung, log CI: median 310 (285, 363)', () => {
    const q = survivalQuantile(kaplanMeier(rowsOf(fixture.km.lung!.data)), 0.5);
    expect(q).toEqual({ estimate: 310, lower: 285, upper: 363 });
  });

  it('Surv(1:10): median 5.5 by the midpoint rule', () => {
    const fit = kaplanMeier({
      time: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      event: new Uint8Array(10).fill(1),
    });
    expectClose(survivalQuantile(fit, 0.5).estimate, 5.5);
  });

  it('aml maintained, log-log CI: median 31 (13, NA)', () => {
    const fit = kaplanMeier(rowsOf(fixture.km.amlMaintained!.data), { confType: 'log-log' });
    expect(survivalQuantile(fit, 0.5)).toEqual({ estimate: 31, lower: 13, upper: null });
  });

  it('a median never reached is null', () => {
    const fit = kaplanMeier({ time: [1, 2, 3, 4], event: [1, 0, 0, 0] });
    expect(survivalQuantile(fit, 0.5).estimate).toBeNull();
  });

  it("confType 'none' gives null limits", () => {
    const fit = kaplanMeier({ time: [1, 2, 3, 4], event: [1, 1, 1, 1] }, { confType: 'none' });
    expect(survivalQuantile(fit, 0.5)).toEqual({ estimate: 2.5, lower: null, upper: null });
  });

  it('rejects p outside [0, 1]', () => {
    const fit = kaplanMeier({ time: [1], event: [1] });
    expect(() => survivalQuantile(fit, 1.5)).toThrow(/p must be in \[0, 1\]. Value: 1.5/);
    expect(() => survivalQuantile(fit, Number.NaN)).toThrow(RangeError);
  });
});

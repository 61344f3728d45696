import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt } from '../../src/survival/index.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';
import { CONF_TYPES, fixture, rowsOf, TOL } from './_fixture.js';

describe('survivalAt against R summary(fit, times, extend = TRUE)', () => {
  for (const [name, c] of Object.entries(fixture.km)) {
    for (const confType of CONF_TYPES) {
      it(`${name}, ${confType}: at ${c.times.join(', ')}`, () => {
        const rows = survivalAt(kaplanMeier(rowsOf(c.data), { confType }), c.times);
        const ref = c.fits[confType].summary;
        expect(rows.map((r) => r.time)).toEqual(ref.time);
        expect(rows.map((r) => r.nRisk)).toEqual(ref.nRisk);
        expect(rows.map((r) => r.nEvent)).toEqual(ref.nEvent);
        expect(rows.map((r) => r.nCensor)).toEqual(ref.nCensor);
        expectAllClose(
          rows.map((r) => r.survival),
          ref.survival,
          { ...TOL, label: 'survival' },
        );
        expectAllClose(
          rows.map((r) => r.stdErr),
          ref.stdErr,
          { ...TOL, label: 'stdErr' },
        );
        expectAllClose(
          rows.map((r) => r.lower),
          ref.lower,
          { ...TOL, label: 'lower' },
        );
        expectAllClose(
          rows.map((r) => r.upper),
          ref.upper,
          { ...TOL, label: 'upper' },
        );
      });
    }
  }

  it('lung at 365 days: 0.409241624460064 (0.344721581795827-0.485837603547281)', () => {
    const [row] = survivalAt(kaplanMeier(rowsOf(fixture.km.lung!.data)), 365);
    expectClose(row!.survival, 0.409241624460064, TOL);
    expectClose(row!.lower, 0.344721581795827, TOL);
    expectClose(row!.upper, 0.485837603547281, TOL);
  });

  it('counts events and censorings at exactly t in the number at risk at t', () => {
    const fit = kaplanMeier({ time: [1, 3, 3, 3, 5], event: [1, 1, 0, 0, 1] });
    expect(survivalAt(fit, [3]).map((r) => r.nRisk)).toEqual([4]);
  });

  it('sorts the requested times and rejects negative ones', () => {
    const fit = kaplanMeier({ time: [1, 2], event: [1, 1] });
    expect(survivalAt(fit, [2, 0]).map((r) => r.time)).toEqual([0, 2]);
    expect(() => survivalAt(fit, [1, -3])).toThrow(/times\[1\].*-3/);
  });
});

describe('survivalAt of an empty fit (docs/api-conventions.md: empty input gives nulls)', () => {
  it('has nulls where a fit with subjects has 1, and counts of 0', () => {
    const empty = survivalAt(kaplanMeier({ time: [], event: [] }), [0, 30]);
    expect(empty).toEqual(
      [0, 30].map((time) => ({
        time,
        survival: null,
        stdErr: null,
        lower: null,
        upper: null,
        nRisk: 0,
        nEvent: 0,
        nCensor: 0,
      })),
    );
    // One subject censored at 40: S is 1 before any event, with its limits.
    const one = survivalAt(kaplanMeier({ time: [40], event: [0] }), 30)[0]!;
    expect([one.survival, one.stdErr, one.lower, one.upper, one.nRisk]).toEqual([1, 0, 1, 1, 1]);
  });
});

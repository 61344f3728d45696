import { describe, expect, it } from 'vitest';
import { kaplanMeier, riskTable } from '../../src/survival/index.js';
import { fixture, rowsOf } from './_fixture.js';

describe('riskTable', () => {
  for (const [name, c] of Object.entries(fixture.km)) {
    it(`${name}: at risk as R's summary n.risk, cumulative counts as cumsum of n.event / n.censor`, () => {
      const table = riskTable(kaplanMeier(rowsOf(c.data)), c.times);
      const ref = c.fits.log.summary;
      expect(table.map((r) => r.nRisk)).toEqual(ref.nRisk);
      let e = 0;
      let s = 0;
      expect(table.map((r) => r.cumulativeEvents)).toEqual(ref.nEvent.map((x) => (e += x)));
      expect(table.map((r) => r.cumulativeCensored)).toEqual(ref.nCensor.map((x) => (s += x)));
    });
  }

  it('between event times, at risk + events + censored = n', () => {
    const fit = kaplanMeier({ time: [100, 200, 400, 500], event: [1, 0, 1, 0] });
    expect(riskTable(fit, [0, 365])).toEqual([
      { time: 0, nRisk: 4, cumulativeEvents: 0, cumulativeCensored: 0 },
      { time: 365, nRisk: 2, cumulativeEvents: 1, cumulativeCensored: 1 },
    ]);
  });

  it('rejects a non-finite time', () => {
    const fit = kaplanMeier({ time: [1], event: [1] });
    expect(() => riskTable(fit, [Number.POSITIVE_INFINITY])).toThrow(/times\[0\]/);
  });
});

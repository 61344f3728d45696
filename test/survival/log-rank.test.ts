import { describe, expect, it } from 'vitest';
import { logRank } from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { expectSurvdiffMatches, fixture, TOL } from './_fixture.js';

describe('logRank against R survdiff()', () => {
  for (const [name, c] of Object.entries(fixture.survdiff)) {
    for (const ref of c.results) {
      it(`${name}, rho = ${ref.rho}${ref.stratified ? ', strata()' : ''}`, () => {
        const data = {
          time: c.data.time,
          event: c.data.event,
          group: c.data.group,
          ...(ref.stratified ? { stratum: c.data.stratum! } : {}),
        };
        const r = logRank(data, { rho: ref.rho });
        expect(r.groups.map(String)).toEqual(ref.groups);
        expect(r.df).toBe(ref.df);
        expectClose(r.pValue, ref.pValue, { ...TOL, label: 'pValue' });
        expectSurvdiffMatches(r, ref);
      });
    }
  }

  it('lung by sex: chi-square 10.326741954885632', () => {
    const c = fixture.survdiff.lungSex!;
    const rows = c.data.time.map((time, i) => ({
      time,
      event: c.data.event[i] === 1,
      group: c.data.group[i]!,
    }));
    expectClose(logRank(rows).chiSquare, 10.326741954885632, TOL);
  });

  it('rows and typed columns agree', () => {
    const c = fixture.survdiff.synthetic!;
    const rows = c.data.time.map((time, i) => ({
      time,
      event: c.data.event[i] as 0 | 1,
      group: c.data.group[i]!,
      stratum: c.data.stratum![i]!,
    }));
    const cols = logRank({
      time: Float64Array.from(c.data.time),
      event: Uint8Array.from(c.data.event),
      group: c.data.group,
      stratum: c.data.stratum!,
    });
    expect(logRank(rows)).toEqual(cols);
  });

  it('rejects one group, and labels mixing numbers and strings', () => {
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: [1, 1] })).toThrow(
      /at least 2 groups/,
    );
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: [1, 'b'] })).toThrow(TypeError);
  });

  it('no events: statistic 0 on 0 df, p = 1', () => {
    const r = logRank({ time: [1, 2, 3], event: [0, 0, 0], group: ['a', 'b', 'a'] });
    expect(r).toMatchObject({ chiSquare: 0, df: 0, pValue: 1 });
  });
});

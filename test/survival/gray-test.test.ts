import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail } from '../../src/stats/chi-square-upper-tail.js';
import { grayTest } from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { fixture, TOL } from './_fixture.js';

describe("grayTest against cmprsk::cuminc()'s Tests", () => {
  for (const [name, c] of Object.entries(fixture.cuminc)) {
    it(`${name}${c.gray.stratified ? ' (stratified)' : ''}`, () => {
      const r = grayTest({
        time: c.data.time,
        status: c.data.status,
        group: c.data.group,
        ...(c.gray.stratified ? { stratum: c.data.stratum! } : {}),
      });
      expect(r.tests.map((t) => t.cause)).toEqual(c.gray.causes);
      r.tests.forEach((t, k) => {
        expect(t.df).toBe(c.gray.df[k]);
        expectClose(t.statistic, c.gray.statistic[k], { ...TOL, label: `stat ${t.cause}` });
        expectClose(t.pValue, c.gray.pValue[k], { ...TOL, label: `p ${t.cause}` });
      });
    });
  }

  it('a variance of rank 0 gives a null statistic and p-value (cmprsk: -1, singular)', () => {
    // issue 12: mathjs' lusolve returned x = 0 for this consistent singular system, so the
    // promised null was unreachable and the result was statistic 0 on 1 df, p 1
    const r = grayTest({ time: [1, 0], status: [2, 0], group: ['a', 'b'] });
    expect(r.tests).toEqual([{ cause: 2, statistic: null, df: 0, pValue: null }]);
  });

  it('a variance of rank 1 among 3 groups is tested on 1 df, not 2', () => {
    // issue 12: statistic 1 on df 2 where the variance has rank 1 (cmprsk reports -1)
    const r = grayTest({ time: [7, 8, 5], status: [1, 0, 0], group: ['a', 'b', 'c'] });
    expect(r.tests).toHaveLength(1);
    const t = r.tests[0]!;
    expect(t.df).toBe(1);
    expect(t.statistic).not.toBeNull();
    expectClose(t.pValue, chiSquareUpperTail(t.statistic!, 1), { rel: 1e-14 });
  });

  it('rejects a single group', () => {
    expect(() => grayTest({ time: [1, 2], status: [1, 2], group: ['a', 'a'] })).toThrow(
      /at least 2 groups/,
    );
  });
});

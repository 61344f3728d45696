import { describe, expect, it } from 'vitest';
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

  it('rejects a single group', () => {
    expect(() => grayTest({ time: [1, 2], status: [1, 2], group: ['a', 'a'] })).toThrow(
      /at least 2 groups/,
    );
  });
});

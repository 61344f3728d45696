import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/quantiles.json';
import { quantilesType2 } from '../../src/stats/quantile-type-2.js';

describe('quantilesType2 against R quantile(type = 2) (fixtures/r/quantiles.R)', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const x = ([] as number[]).concat(c.x);
      const got = quantilesType2(x, c.p);
      got.forEach((q, i) => {
        expect(Math.abs(q! - c.q[i]!), `p = ${c.p[i]}`).toBeLessThanOrEqual(
          1e-12 * Math.abs(c.q[i]!),
        );
      });
    });
  }

  it('gives nulls for no values and leaves the input alone', () => {
    expect(quantilesType2([], [0.25, 0.5])).toEqual([null, null]);
    const x = Object.freeze([4, 1, 3, 2]);
    expect(quantilesType2(x, [0.25, 0.5, 0.75])).toEqual([1.5, 2.5, 3.5]);
    expect(x).toEqual([4, 1, 3, 2]);
  });
});

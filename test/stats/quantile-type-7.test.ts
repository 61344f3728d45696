import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/complications.json';
import { quantileType7 } from '../../src/stats/quantile-type-7.js';
import { expectClose } from '../_helpers/close.js';

describe('quantileType7', () => {
  it('matches R quantile(type = 7) on every fixture vector', () => {
    for (const c of fixture.quantileType7) {
      c.probs.forEach((p, i) => {
        expectClose(quantileType7(c.values, p), c.quantiles[i], { label: `${c.values} p=${p}` });
      });
    }
  });

  it('is null for no values', () => {
    expect(quantileType7([], 0.5)).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = Object.freeze([3, 1, 2]);
    expectClose(quantileType7(values, 0.5), 2);
    expect(values).toEqual([3, 1, 2]);
  });
});

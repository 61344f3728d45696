import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/psa.json' with { type: 'json' };
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon-signed-rank.js';
import { expectClose } from '../_helpers/close.js';

describe('wilcoxonSignedRank', () => {
  it.each(fixture.wilcoxon.map((c) => [c.label, c] as const))('matches R: %s', (_, c) => {
    const x = Array.isArray(c.x) ? c.x : [c.x];
    const y = Array.isArray(c.y) ? c.y : [c.y];
    const result = wilcoxonSignedRank(x, y);
    expect(result).not.toBeNull();
    expectClose(result!.statistic, c.statistic, { rel: 1e-12 });
    expectClose(result!.pValue, c.pValue, { rel: 1e-9 });
    expect(result!.method).toBe(c.method);
  });

  it('counts the zero differences it drops', () => {
    expect(wilcoxonSignedRank([1, 2, 3], [1, 2, 4])).toMatchObject({ n: 1, zeroes: 2 });
  });

  it('every difference zero: V = 0 and a null p-value (R: V = 0, p = NaN); empty input: null', () => {
    // issue 12: R 4.2.2 does not stop here, it returns V = 0 and p = NaN with a warning
    expect(wilcoxonSignedRank([1, 2], [1, 2])).toEqual({
      statistic: 0,
      pValue: null,
      method: 'Wilcoxon signed rank test with continuity correction',
      n: 0,
      zeroes: 2,
      ties: false,
    });
    expect(wilcoxonSignedRank([], [])).toBeNull();
  });

  it('rejects unequal lengths and non-finite values, naming them', () => {
    expect(() => wilcoxonSignedRank([1, 2], [1])).toThrow(RangeError);
    expect(() => wilcoxonSignedRank([1, Number.NaN], [1, 2])).toThrow(/x\[1\].*NaN/);
    expect(() => wilcoxonSignedRank([1, 2], 'a' as unknown as number[])).toThrow(TypeError);
  });
});

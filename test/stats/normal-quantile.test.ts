import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/distributions.json';
import { normalQuantile } from '../../src/stats/normal-quantile.js';
import { expectClose } from '../_helpers/close.js';

describe('normalQuantile', () => {
  it(`equals R's qnorm on ${fixture.qnorm.length} probabilities, 1e-300 included`, () => {
    for (const { p, q } of fixture.qnorm) {
      expectClose(normalQuantile(p), q, { rel: 1e-13, label: `${p}` });
    }
  });

  it('gives -Infinity and Infinity at 0 and 1, NaN outside [0, 1], and scales', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(normalQuantile(0.5, 3, 2)).toBe(3);
    expectClose(normalQuantile(0.975, 10, 2), 10 + 2 * normalQuantile(0.975), { rel: 1e-15 });
  });
});

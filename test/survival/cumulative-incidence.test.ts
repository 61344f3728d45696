import { describe, expect, it } from 'vitest';
import { cumulativeIncidence } from '../../src/survival/index.js';
import { expectCumincMatches, fixture } from './_fixture.js';

describe('cumulativeIncidence against cmprsk::cuminc()', () => {
  for (const [name, c] of Object.entries(fixture.cuminc)) {
    it(`${name}: estimates and variances of every cause`, () => {
      const r = cumulativeIncidence({ time: c.data.time, status: c.data.status });
      expectCumincMatches(r, c);
    });
  }

  it('rows give the same answer as columns', () => {
    const c = fixture.cuminc.small!;
    const rows = c.data.time.map((time, i) => ({ time, status: c.data.status[i]! }));
    expect(cumulativeIncidence(rows)).toEqual(
      cumulativeIncidence({ time: c.data.time, status: Int32Array.from(c.data.status) }),
    );
  });

  it('with one cause and no censoring the estimate reaches 1', () => {
    const r = cumulativeIncidence({ time: [1, 2, 3], status: [1, 1, 1] });
    expect(r.estimate[1]).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('rejects a status that is not a non-negative integer', () => {
    expect(() => cumulativeIncidence({ time: [1, 2], status: [1, 1.5] })).toThrow(
      /input\.status\[1\].*1.5/,
    );
    expect(() => cumulativeIncidence([{ time: 1, status: -1 }])).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { cumulativeIncidence, cumulativeIncidenceAt } from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { fixture } from './_fixture.js';

describe('cumulativeIncidenceAt against cmprsk::timepoints() with the log(-log) interval', () => {
  for (const [name, c] of Object.entries(fixture.cuminc)) {
    it(`${name}: estimate, standard error and limits of every cause at every time`, () => {
      const fit = cumulativeIncidence({ time: c.data.time, status: c.data.status });
      const rows = cumulativeIncidenceAt(fit, c.timepoints.times);
      expect(rows).toHaveLength(fit.causes.length * c.timepoints.times.length);
      for (const row of rows) {
        const ref = c.timepoints.at[String(row.cause)]!;
        const i = c.timepoints.times.indexOf(row.time);
        const label = `${name} cause ${row.cause} at ${row.time}`;
        expectClose(row.estimate, ref.estimate[i] ?? null, { label });
        expectClose(row.stdErr, ref.stdErr[i] ?? null, { label });
        expectClose(row.lower, ref.lower[i] ?? null, { label });
        expectClose(row.upper, ref.upper[i] ?? null, { label });
      }
    });
  }

  it('is 0 with no interval before the first time, and null beyond the last (R: NA)', () => {
    const fit = cumulativeIncidence({ time: [2, 3, 5], status: [1, 0, 2] });
    const [before, last, after] = cumulativeIncidenceAt(fit, [1, 5, 100]).filter(
      (r) => r.cause === 1,
    );
    expect(before).toEqual({ time: 1, cause: 1, estimate: 0, stdErr: 0, lower: null, upper: null });
    expectClose(last?.estimate, 1 / 3);
    expect(after).toEqual({
      time: 100,
      cause: 1,
      estimate: null,
      stdErr: null,
      lower: null,
      upper: null,
    });
  });

  it('rejects a bad time or level, naming it', () => {
    const fit = cumulativeIncidence({ time: [2, 3], status: [1, 0] });
    expect(() => cumulativeIncidenceAt(fit, [-1])).toThrow(RangeError);
    expect(() => cumulativeIncidenceAt(fit, [1], { confLevel: 1 })).toThrow(/confLevel/);
    expect(() => cumulativeIncidenceAt({} as never, [1])).toThrow(TypeError);
  });
});

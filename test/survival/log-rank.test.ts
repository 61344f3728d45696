import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail } from '../../src/stats/chi-square-upper-tail.js';
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
    expectClose(logRank(rows).statistic, 10.326741954885632, TOL);
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

  // issue 11 item 4: strings, booleans, Dates and objects with valueOf passed for times.
  it('reads the time column strictly: a string, boolean, Date or valueOf object is a TypeError', () => {
    const numberLike = { valueOf: () => 4 };
    for (const bad of ['5', true, new Date(5), numberLike, null]) {
      const input = { time: [bad, 8, 12, 3], event: [1, 0, 1, 1], group: ['a', 'a', 'b', 'b'] };
      expect(() => logRank(input as never), String(bad)).toThrow(TypeError);
      expect(() => logRank(input as never)).toThrow(/^input\.time\[0\] must be a number/);
    }
    expect(() =>
      logRank({ time: [5, 8, 12, 3], event: [1, '1', 1, 1], group: [1, 1, 2, 2] } as never),
    ).toThrow(/input\.event\[1\]/);
  });

  // issue 11 item 13: rho = -1e308 made the weights S(t-)^rho infinite and O - E NaN.
  it('refuses a rho whose weights overflow, naming it; a huge positive rho stays finite', () => {
    const data = {
      time: [5, 8, 12, 3, 4, 9, 15, 20],
      event: [1, 0, 1, 1, 1, 1, 1, 0],
      group: ['a', 'a', 'a', 'b', 'b', 'b', 'a', 'b'],
    };
    expect(() => logRank(data, { rho: -1e308 })).toThrow(RangeError);
    expect(() => logRank(data, { rho: -1e308 })).toThrow(
      /^options\.rho gives weights S\(t-\)\^rho too large .*Value: -1e\+308\.$/,
    );
    expect(() => logRank(data, { rho: -1000 })).toThrow(/^options\.rho/);
    for (const rho of [1e308, -2, 0.5]) {
      const r = logRank(data, { rho });
      const numbers = [...r.observed, ...r.expected, ...r.variance.flat(), r.statistic, r.pValue];
      for (const value of numbers) {
        if (value !== null) expect(Number.isFinite(value), `rho ${rho}`).toBe(true);
      }
    }
  });

  it('rejects one group, and labels mixing numbers and strings', () => {
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: [1, 1] })).toThrow(
      /at least 2 groups/,
    );
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: [1, 'b'] })).toThrow(TypeError);
  });

  it('no events: nothing to test (variance of rank 0), statistic and pValue null on 0 df', () => {
    const r = logRank({ time: [1, 2, 3], event: [0, 0, 0], group: ['a', 'b', 'a'] });
    expect(r).toMatchObject({ statistic: null, df: 0, pValue: null });
  });

  it('a variance of rank 0 with events (both subjects die at one time): null, not 0 on 1 df', () => {
    // issue 12: the Moore-Penrose fallback reported chi^2 0 on df 1; R's solve() stops here
    const r = logRank({ time: [1, 1], event: [1, 1], group: [1, 2] });
    expect(r).toMatchObject({ statistic: null, df: 0, pValue: null });
    expect(r.expected).toEqual([1, 1]);
  });

  it('a singular variance of rank 1 among 3 groups: df = rank, the statistic of the kept direction', () => {
    // Group 3 is only in stratum x, where everyone dies at 7.5 (no variance): its row and column
    // of V are 0 although E_3 = 1 > 0. R's solve() stops; the generalised inverse drops that
    // direction, so the statistic is (O_2 - E_2)^2 / V_22 on 1 df (issue 12: it was on 2 df).
    const r = logRank({
      time: [1, 2, 3, 7.5, 7.5],
      event: [1, 1, 0, 1, 1],
      group: [1, 2, 1, 2, 3],
      stratum: ['y', 'y', 'y', 'x', 'x'],
    });
    expect(r.expected[2]).toBeGreaterThan(0);
    expect(r.variance[2]).toEqual([0, 0, 0]);
    expect(r.df).toBe(1);
    const d = r.observed[1]! - r.expected[1]!;
    expectClose(r.statistic, (d * d) / r.variance[1]![1]!, { rel: 1e-14 });
    expectClose(r.pValue, chiSquareUpperTail(r.statistic!, 1), { rel: 1e-14 });
  });
});

describe('logRank on large input (labelled radix-sort path)', () => {
  it('matches a direct count over the natively sorted times, with -0 read as 0', () => {
    // O, E and V of two groups by their definitions, from an O(n log n) sort of (time, row)
    // pairs: the reference for the path that sorts each time with its group and kind label.
    const n = 6000;
    const time = new Float64Array(n);
    const event = new Uint8Array(n);
    const group = new Int32Array(n);
    let seed = 777;
    const u = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < n; i++) {
      time[i] = Math.floor(u() * 400) / 8; // ties, no near-ties
      event[i] = u() < 0.6 ? 1 : 0;
      group[i] = u() < 0.4 ? 7 : 3;
    }
    time[11] = -0;
    const r = logRank({ time, event, group });
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
    const observed = [0, 0];
    const expected = [0, 0];
    let v11 = 0;
    const atRisk = [0, 0];
    for (let i = 0; i < n; i++) atRisk[group[i] === 3 ? 0 : 1]!++;
    for (let p = 0; p < n; ) {
      const t = time[order[p]!]! + 0;
      const deaths = [0, 0];
      const leaving = [0, 0];
      for (; p < n && time[order[p]!]! + 0 === t; p++) {
        const i = order[p]!;
        const g = group[i] === 3 ? 0 : 1;
        leaving[g]!++;
        if (event[i] === 1) deaths[g]!++;
      }
      const d = deaths[0]! + deaths[1]!;
      const total = atRisk[0]! + atRisk[1]!;
      for (let g = 0; g < 2; g++) {
        observed[g]! += deaths[g]!;
        expected[g]! += (d * atRisk[g]!) / total;
      }
      if (total > 1) {
        v11 += (d * (total - d) * atRisk[0]! * atRisk[1]!) / (total * total * (total - 1));
      }
      atRisk[0]! -= leaving[0]!;
      atRisk[1]! -= leaving[1]!;
    }
    expect(r.groups).toEqual([3, 7]);
    for (let g = 0; g < 2; g++) {
      expectClose(r.observed[g], observed[g], { rel: 1e-12 });
      expectClose(r.expected[g], expected[g], { rel: 1e-12 });
    }
    expectClose(r.variance[0]![0], v11, { rel: 1e-12 });
    const diff = observed[0]! - expected[0]!;
    expectClose(r.statistic, (diff * diff) / v11, { rel: 1e-10 });
  });
});

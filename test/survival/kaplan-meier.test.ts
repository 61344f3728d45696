import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { nonFinitePaths } from '../properties/_config.js';
import { CONF_TYPES, expectFitMatches, fixture, rowsOf, TOL } from './_fixture.js';

describe('kaplanMeier against R survfit()', () => {
  for (const [name, c] of Object.entries(fixture.km)) {
    for (const confType of CONF_TYPES) {
      it(`${name}, conf.type = ${confType}: every array`, () => {
        const fit = kaplanMeier(rowsOf(c.data), { confType });
        const ref = c.fits[confType];
        expectFitMatches(fit, ref);
        expect(fit.n).toBe(c.data.time.length);
        expect(fit.events).toBe(c.data.event.filter((e) => e === 1).length);
      });
    }
  }

  it('columns with typed arrays give the same fit as rows', () => {
    const c = fixture.km.synthetic!;
    const cols = kaplanMeier({
      time: Float64Array.from(c.data.time),
      event: Uint8Array.from(c.data.event),
    });
    const rows = kaplanMeier(rowsOf(c.data));
    expect(cols).toEqual(rows);
  });

  it('lung: survival at 365 days is 0.409241624460064 (0.344721581795827, 0.485837603547281)', () => {
    const fit = kaplanMeier(rowsOf(fixture.km.lung!.data));
    const k = fit.time.findLastIndex((t) => t <= 365);
    expectClose(fit.survival[k], 0.409241624460064, TOL);
    expectClose(fit.lower[k], 0.344721581795827, TOL);
    expectClose(fit.upper[k], 0.485837603547281, TOL);
  });

  it("confType 'none' leaves the limits null", () => {
    const fit = kaplanMeier({ time: [1, 2, 3], event: [1, 0, 1] }, { confType: 'none' });
    expect(fit.lower).toEqual([null, null, null]);
    expect(fit.upper).toEqual([null, null, null]);
    expect(fit.confType).toBe('none');
  });

  it('a curve reaching 0 has a null standard error and null log limits, never NaN', () => {
    const fit = kaplanMeier({ time: [1, 2, 3], event: [1, 1, 1] });
    expect(fit.survival[2]).toBe(0);
    expect(fit.stdErr[2]).toBeNull();
    expect(fit.lower[2]).toBeNull();
    expect(nonFinitePaths(fit)).toEqual([]);
  });

  it('deaths come before censorings at a tied time', () => {
    const fit = kaplanMeier({ time: [2, 2, 2, 5], event: [0, 1, 0, 1] });
    expect(fit.nRisk).toEqual([4, 1]);
    expectClose(fit.survival[0], 0.75);
  });

  it('the empty input gives an empty fit', () => {
    const fit = kaplanMeier([]);
    expect(fit.time).toEqual([]);
    expect(fit.n).toBe(0);
  });

  it('does not mutate its input', () => {
    const time = Float64Array.from([5, 1, 3]);
    kaplanMeier({ time, event: [1, 1, 0] });
    expect(Array.from(time)).toEqual([5, 1, 3]);
  });

  it('rejects bad times and events naming the index and value', () => {
    expect(() => kaplanMeier([{ time: -1, event: 1 }])).toThrow(RangeError);
    expect(() => kaplanMeier([{ time: -1, event: 1 }])).toThrow(/input\[0\]\.time.*-1/);
    expect(() => kaplanMeier({ time: [1, Number.NaN], event: [1, 1] })).toThrow(
      /input\.time\[1\].*NaN/,
    );
    expect(() => kaplanMeier({ time: [1, Number.POSITIVE_INFINITY], event: [1, 1] })).toThrow(
      RangeError,
    );
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 2] })).toThrow(/input\.event\[1\].*2/);
    expect(() => kaplanMeier({ time: [1, 2], event: [1] })).toThrow(RangeError);
    expect(() => kaplanMeier([{ time: '1', event: 1 } as never])).toThrow(TypeError);
    expect(() => kaplanMeier(42 as never)).toThrow(TypeError);
  });

  // issue 11 item 4: `t >= 0` coerced, so null, '8', '' and [12] became the times 0, 8, 0, 12.
  it('reads a time column as strictly as rows: no string, null, boolean or object is a time', () => {
    expect(() =>
      kaplanMeier({ time: [null, '8', '', [12]], event: [1, 0, 1, 1] } as never),
    ).toThrow(/^input\.time\[0\] must be a number\. Value: null\.$/);
    const numberLike = { valueOf: () => 3 };
    for (const bad of ['8', '', true, false, [12], new Date(0), numberLike, undefined, 5n]) {
      const time = [1, bad, 3];
      expect(() => kaplanMeier({ time, event: [1, 1, 1] } as never), String(bad)).toThrow(
        TypeError,
      );
      expect(() => kaplanMeier({ time, event: [1, 1, 1] } as never)).toThrow(/input\.time\[1\]/);
    }
    // A hole reads as undefined: named too.
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    expect(() => kaplanMeier({ time: [1, , 3], event: [1, 1, 1] } as never)).toThrow(
      /input\.time\[1\] must be a number\. Value: undefined/,
    );
    // Typed arrays stay as they are.
    expect(kaplanMeier({ time: Float64Array.of(1, 2, 3), event: Uint8Array.of(1, 0, 1) }).n).toBe(
      3,
    );
  });

  // Found with issue 11 item 13: the sum behind aeqSurv's mean overflowed to Infinity for times
  // near the largest double, every gap then counted as tied and all times merged into one.
  it('keeps distinct times near the largest double apart (the mean of times does not overflow)', () => {
    const small = { time: [1e7, 1.5e8, 1.7e8, 2e6, 9e7], event: [1, 1, 0, 1, 1] };
    const big = { ...small, time: small.time.map((t) => t * 1e300) };
    const a = kaplanMeier(small);
    const b = kaplanMeier(big);
    expect(b.time).toEqual(a.time.map((t) => t * 1e300));
    expect(b.survival).toEqual(a.survival);
    expect(b.nRisk).toEqual(a.nRisk);
  });

  it('rejects bad options naming them', () => {
    expect(() => kaplanMeier([], { confLevel: 1 })).toThrow(/options\.confLevel/);
    expect(() => kaplanMeier([], { confType: 'loglog' as never })).toThrow(/options\.confType/);
  });

  it('a 90% level narrows the interval', () => {
    const data = rowsOf(fixture.km.aml!.data);
    const f95 = kaplanMeier(data);
    const f90 = kaplanMeier(data, { confLevel: 0.9 });
    expect(f90.lower[3]!).toBeGreaterThan(f95.lower[3]!);
  });
});

describe('kaplanMeier on large input (radix-sort path)', () => {
  it('matches a direct count over the natively sorted times, with -0 read as 0', () => {
    const n = 40_000;
    const time = new Float64Array(n);
    const event = new Uint8Array(n);
    let seed = 12345;
    const u = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < n; i++) {
      time[i] = i % 7 === 0 ? Math.floor(u() * 500) : u() * 500;
      event[i] = u() < 0.6 ? 1 : 0;
    }
    time[5] = -0;
    const fit = kaplanMeier({ time, event });
    const sorted = Float64Array.from(time, (t) => t + 0).sort();
    const distinct = sorted.filter((t, k) => k === 0 || t !== sorted[k - 1]);
    expect(fit.time).toEqual(Array.from(distinct));
    expect(fit.time[0]).toBe(0);
    // n at risk is the count of times >= t; events and censorings add up to n
    expect(fit.nRisk[0]).toBe(n);
    expect(fit.nEvent.reduce((a, b) => a + b, 0) + fit.nCensor.reduce((a, b) => a + b, 0)).toBe(n);
    for (let k = 1; k < fit.time.length; k++) {
      expect(fit.nRisk[k]).toBe(fit.nRisk[k - 1]! - fit.nEvent[k - 1]! - fit.nCensor[k - 1]!);
    }
  });
});

describe('kaplanMeier on many rows: the fit stays plain JSON data', () => {
  // The columns are allocated once at the number of distinct times and trimmed when times merge
  // (issue 12: speed at 10^6 rows); this guards their shape: real arrays, no holes, null for NA.
  it('arrays without holes, null where the curve reaches 0, equal to its JSON round trip', () => {
    const n = 20_000;
    const time = new Float64Array(n);
    const event = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      time[i] = 1 + i / 7; // all distinct
      event[i] = i % 3 === 0 ? 0 : 1;
    }
    // 50 times within R's tolerance of their neighbour: aeqSurv merges them (fewer rows)
    for (let i = 100; i < 150; i++) time[i] = time[i - 1]! * (1 + 1e-10);
    event[n - 1] = 1; // the last time is an event: S reaches 0
    const fit = kaplanMeier({ time, event });
    const rows = fit.time.length;
    expect(rows).toBe(n - 50);
    const columns = [
      fit.time,
      fit.nRisk,
      fit.nEvent,
      fit.nCensor,
      fit.survival,
      fit.stdErr,
      fit.lower,
      fit.upper,
    ];
    for (const column of columns) {
      expect(Array.isArray(column)).toBe(true);
      expect(column.length).toBe(rows);
      expect(Object.keys(column).length).toBe(rows); // no holes
      expect(column.every((x) => x === null || Number.isFinite(x))).toBe(true);
    }
    expect(fit.survival[rows - 1]).toBe(0);
    expect(fit.stdErr[rows - 1]).toBeNull();
    expect(fit.lower[rows - 1]).toBeNull();
    expect(fit.stdErr[rows - 2]).toBeTypeOf('number');
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });
});

import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/psa.json' with { type: 'json' };
import type { PsaMeasurement } from '../../src/model/types.js';
import { psaDoublingTime } from '../../src/psa/psa-doubling-time.js';
import { expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';

const series = (dates: string[], values: number[]) =>
  dates.map((date, i) => ({ date, value: values[i] as number }));
const all = { minMeasurements: 2, minSpanDays: 0, minValue: 0 };

describe('psaDoublingTime', () => {
  it.each(fixture.regression.map((c, i) => [i, c] as const))(
    'matches lm(log(psa) ~ months) on seeded series %i',
    (_, c) => {
      const result = psaDoublingTime(series(c.dates, c.values), all);
      expectClose(result.slopePerMonth, c.logSlopePerMonth, { rel: 1e-9 });
      expectClose(result.rSquared, c.logRSquared, { rel: 1e-9, abs: 1e-12 });
      if (c.logSlopePerMonth > 0) {
        expect(result.status).toBe('ok');
        expectClose(result.doublingTimeMonths, Math.LN2 / c.logSlopePerMonth, { rel: 1e-9 });
      } else {
        expect(result.status).toBe('non-rising');
        expect(result.doublingTimeMonths).toBeNull();
      }
    },
  );

  it("gives the MSKCC calculator's 49.50 months for 4.0 then 5.0 sixteen months later", () => {
    const result = psaDoublingTime(
      [
        { date: '2009-01-01', value: 4.0 },
        { date: '2010-05-01', value: 5.0 },
      ],
      { minMeasurements: 2 },
    );
    expect(result.doublingTimeMonths!.toFixed(2)).toBe('49.50');
  });

  it('doubling every 60 days is exactly 60 / 30.4375 months', () => {
    const result = psaDoublingTime(
      series(['2024-01-01', '2024-03-01', '2024-04-30'], [0.2, 0.4, 0.8]),
    );
    expect(result.status).toBe('ok');
    expectClose(result.doublingTimeMonths, 60 / 30.4375, { rel: 1e-12 });
    expectClose(result.rSquared, 1, { rel: 1e-12 });
    expect(result.n).toBe(3);
  });

  it('a falling PSA is non-rising: slope kept, no doubling time', () => {
    const result = psaDoublingTime(
      series(['2024-01-01', '2024-03-01', '2024-04-30'], [0.5, 0.4, 0.3]),
    );
    expect(result.status).toBe('non-rising');
    expect(result.slopePerMonth).toBeLessThan(0);
    expect(result.doublingTimeMonths).toBeNull();
  });

  it('a constant PSA is non-rising with a null R^2 (never NaN)', () => {
    const result = psaDoublingTime(series(['2024-01-01', '2024-03-01', '2024-05-01'], [1, 1, 1]));
    expect(result).toMatchObject({ status: 'non-rising', slopePerMonth: 0, rSquared: null });
  });

  it('a constant PSA whose log-mean rounds is non-rising too, never a 1e31-month doubling time', () => {
    // Regression (found by test/properties/psa-doubling-time.test.ts): six values of 5.3 gave
    // status 'ok', slope 7.6e-33 per month, doubling time 9.1e31 months and R^2 5.1e-33.
    const dates = [
      '2024-01-01',
      '2024-02-07',
      '2024-03-15',
      '2024-04-21',
      '2024-05-28',
      '2024-07-04',
    ];
    const result = psaDoublingTime(series(dates, new Array<number>(6).fill(5.3)));
    expect(result).toMatchObject({
      status: 'non-rising',
      doublingTimeMonths: null,
      slopePerMonth: 0,
      rSquared: null,
    });
  });

  it('a series whose true slope is 0 is non-rising, not a 3e16-month doubling time', () => {
    // issue 12 item 6: 0.2, 0.7, 0.7, 0.2 at 30-day steps computed a slope of ~2e-17 per month,
    // status 'ok'; a slope within rounding of zero is zero (docs/psa-kinetics.md)
    const dates = ['2024-01-01', '2024-01-31', '2024-03-01', '2024-03-31'];
    const result = psaDoublingTime(series(dates, [0.2, 0.7, 0.7, 0.2]));
    expect(result).toMatchObject({
      status: 'non-rising',
      doublingTimeMonths: null,
      slopePerMonth: 0,
      rSquared: 0,
    });
  });

  it('leaves out undetectable values and values below minValue, and says why when short', () => {
    const result = psaDoublingTime([
      { date: '2024-01-01', value: 0.1 },
      { date: '2024-03-01', value: 0.05, undetectable: true },
      { date: '2024-05-01', value: 0.3 },
      { date: '2024-07-01', value: 0.6 },
    ]);
    expect(result.status).toBe('insufficient');
    expect(result.n).toBe(2);
    expect(result.reason).toMatch(/at least 3 .*>= 0.2 ng\/mL; found 2/);
    expect(result.doublingTimeMonths).toBeNull();
  });

  it('applies the span rule and the inclusive date window', () => {
    const values = series(['2024-01-01', '2024-02-01', '2024-03-01', '2024-06-01'], [1, 2, 4, 8]);
    const short = psaDoublingTime(values, { to: '2024-03-01' });
    expect(short.status).toBe('insufficient');
    expect(short.reason).toMatch(/span 60 days; at least 90/);
    const windowed = psaDoublingTime(values, { from: '2024-02-01', to: '2024-06-01' });
    expect(windowed.n).toBe(3);
    expect(windowed.used[0]!.date).toBe('2024-02-01');
  });

  it('sorts its input without mutating it', () => {
    const input = deepFreeze(series(['2024-04-30', '2024-01-01', '2024-03-01'], [0.8, 0.2, 0.4]));
    const result = psaDoublingTime(input);
    expect(result.used.map((m) => m.date)).toEqual(['2024-01-01', '2024-03-01', '2024-04-30']);
  });

  it('throws naming the argument and the value', () => {
    expect(() => psaDoublingTime([{ date: '2024-02-30', value: 1 }])).toThrow(
      /measurements\[0\]\.date .*"2024-02-30"/,
    );
    expect(() => psaDoublingTime([{ date: '2024-02-01', value: -1 }])).toThrow(RangeError);
    expect(() => psaDoublingTime([{ date: '2024-02-01', value: Number.NaN }])).toThrow(
      /measurements\[0\]\.value.*NaN/,
    );
    expect(() => psaDoublingTime('x' as never)).toThrow(TypeError);
    expect(() => psaDoublingTime([], { minMeasurements: 1 })).toThrow(/minMeasurements/);
    expect(() => psaDoublingTime([], { minValue: Number.NaN })).toThrow(/minValue.*NaN/);
  });

  // issue 11 item 14: forEach and filter skip holes, so a sparse series was read without its
  // missing entry and the doubling time came from fewer values than given.
  it('refuses a sparse series, naming the hole', () => {
    const values = series(
      ['2024-01-01', '2024-03-01', '2024-04-30', '2024-06-30'],
      [0.2, 0.4, 0.8, 1.6],
    );
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    const sparse = [values[0]!, , values[2]!, values[3]!] as PsaMeasurement[];
    expect(() => psaDoublingTime(sparse)).toThrow(TypeError);
    expect(() => psaDoublingTime(sparse)).toThrow(
      /^measurements\[1\] must be given: measurements is a sparse array with a hole there/,
    );
  });
});

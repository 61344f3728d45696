import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDaysIso } from '../../src/model/iso-date.js';
import { psaDoublingTime } from '../../src/psa/psa-doubling-time.js';
import { expectClose } from '../_helpers/close.js';
import { PARAMS, TIMEOUT } from './_config.js';

// PSADT = ln 2 / slope of ln(PSA) on months (docs/psa-kinetics.md). Multiplying every PSA by k
// adds ln k to every log value and leaves the slope alone; halving every time gap halves the
// months and doubles the slope. Selection is kept out of the way: minValue 0 (no value is
// dropped for being small) and minSpanDays 0 (halving cannot fall below a span rule).

const OPTIONS = { minValue: 0, minSpanDays: 0 } as const;

const psaValue = fc.oneof(
  fc.double({ min: 0.01, max: 500, noNaN: true }),
  fc.constantFrom(0.2, 0.5, 1, 2, 5.3),
);
const halfDays = fc.integer({ min: 0, max: 400 });
const start = fc.integer({ min: 0, max: 4000 });

/**
 * Even day offsets (so halves stay whole days) with positive PSA values, in any order; one run
 * in four a constant PSA (a plateau: slope exactly 0, whatever ln(value) rounds to).
 */
const series = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      start,
      points: fc.array(fc.record({ halfDays, value: psaValue }), { minLength: 1, maxLength: 15 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ start, value: psaValue, days: fc.array(halfDays, { minLength: 1, maxLength: 15 }) })
      .map(({ start, value, days }) => ({
        start,
        points: days.map((d) => ({ halfDays: d, value })),
      })),
  },
);

const measurements = (
  start: number,
  points: readonly { halfDays: number; value: number }[],
  { scale = 1, halve = false } = {},
) =>
  points.map((p) => ({
    date: addDaysIso(addDaysIso('2015-01-01', start), halve ? p.halfDays : 2 * p.halfDays),
    value: p.value * scale,
  }));

/**
 * A slope this small is zero up to rounding of the logs (e.g. values that are exactly flat in
 * theory): its sign, hence the status, is not a property of the data.
 */
const NEGLIGIBLE_SLOPE = 1e-9;

describe('psaDoublingTime', () => {
  test.prop(
    [
      series,
      fc.oneof(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: -8, max: 8 }).map((e) => 2 ** e),
      ),
    ],
    PARAMS,
  )(
    'is invariant when every PSA value is multiplied by k > 0',
    ({ start, points }, k) => {
      const a = psaDoublingTime(measurements(start, points), OPTIONS);
      const b = psaDoublingTime(measurements(start, points, { scale: k }), OPTIONS);
      expect(b.n).toBe(a.n);
      if (a.slopePerMonth === null) {
        expect(b.status).toBe('insufficient');
        return;
      }
      expectClose(b.slopePerMonth, a.slopePerMonth, { rel: 1e-9, abs: 1e-11, label: 'slope' });
      if (Math.abs(a.slopePerMonth) > NEGLIGIBLE_SLOPE) {
        expect(b.status).toBe(a.status);
        expectClose(b.doublingTimeMonths, a.doublingTimeMonths, { rel: 1e-6, label: 'PSADT' });
      }
      // a constant series stays constant: exactly flat, never a huge doubling time
      if (points.every((p) => p.value === points[0]!.value)) {
        expect(a).toMatchObject({ status: 'non-rising', slopePerMonth: 0, rSquared: null });
        expect(b).toMatchObject({ status: 'non-rising', slopePerMonth: 0, rSquared: null });
      }
    },
    TIMEOUT,
  );

  test.prop([series], PARAMS)(
    'halves when every time gap is halved',
    ({ start, points }) => {
      const a = psaDoublingTime(measurements(start, points), OPTIONS);
      const b = psaDoublingTime(measurements(start, points, { halve: true }), OPTIONS);
      // halving the days divides months, sums of squares and products by powers of 2: exact
      expect(b.status).toBe(a.status);
      expect(b.n).toBe(a.n);
      expectClose(b.slopePerMonth, a.slopePerMonth === null ? null : 2 * a.slopePerMonth, {
        rel: 1e-12,
        label: 'slope',
      });
      expectClose(
        b.doublingTimeMonths,
        a.doublingTimeMonths === null ? null : a.doublingTimeMonths / 2,
        { rel: 1e-12, label: 'PSADT' },
      );
      expect(b.rSquared).toBe(a.rSquared);
    },
    TIMEOUT,
  );
});

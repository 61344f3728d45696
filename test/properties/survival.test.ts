import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CONF_TYPES, type ConfType } from '../../src/survival/_internal/conf-limits.js';
import {
  cumulativeIncidence,
  kaplanMeier,
  logRank,
  restrictedMeanSurvival,
  survivalQuantile,
} from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { PARAMS, permutationOf, survivalRows, survivalTime, TIMEOUT } from './_config.js';

// Properties of the survival estimators (docs/survival.md), on random small data sets with ties,
// time 0, all-censored and all-event samples.

const confType = fc.constantFrom<ConfType>(...CONF_TYPES);
const confLevel = fc.oneof(
  fc.constantFrom(0.8, 0.9, 0.95, 0.99),
  fc.double({ min: 0.05, max: 0.999, noNaN: true }),
);

describe('kaplanMeier', () => {
  test.prop([survivalRows(), confType, confLevel], PARAMS)(
    'survival is non-increasing, in [0, 1], and every non-null interval holds the estimate',
    (rows, type, level) => {
      const fit = kaplanMeier(rows, { confType: type, confLevel: level });
      expect(fit.n).toBe(rows.length);
      for (let i = 0; i < fit.time.length; i++) {
        const s = fit.survival[i]!;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (i > 0) {
          expect(fit.time[i]).toBeGreaterThan(fit.time[i - 1]!);
          expect(s).toBeLessThanOrEqual(fit.survival[i - 1]!);
        }
        const lo = fit.lower[i];
        const up = fit.upper[i];
        if (type === 'none') {
          expect(lo).toBeNull();
          expect(up).toBeNull();
        }
        if (lo !== null && lo !== undefined) {
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(lo, `lower at ${fit.time[i]}`).toBeLessThanOrEqual(s);
        }
        if (up !== null && up !== undefined) {
          expect(up).toBeLessThanOrEqual(1);
          expect(up, `upper at ${fit.time[i]}`).toBeGreaterThanOrEqual(s);
        }
      }
    },
    TIMEOUT,
  );

  test.prop(
    [survivalRows().chain((rows) => fc.tuple(fc.constant(rows), permutationOf(rows))), confType],
    PARAMS,
  )(
    'does not depend on row order (nor do its quantiles and restricted mean)',
    ([rows, shuffled], type) => {
      const a = kaplanMeier(rows, { confType: type });
      const b = kaplanMeier(shuffled, { confType: type });
      expect(b).toEqual(a);
      if (a.n > 0) {
        expect(survivalQuantile(b, 0.5)).toEqual(survivalQuantile(a, 0.5));
        const tau = a.time[a.time.length - 1]!;
        expect(restrictedMeanSurvival(b, tau)).toEqual(restrictedMeanSurvival(a, tau));
      }
    },
    TIMEOUT,
  );

  // Scaling: c a power of two keeps every product exact; any other c > 0 keeps the order of the
  // times (rounding is monotone and cannot merge two distinct integers), so the curve is the same
  // and the time-valued summaries scale by c up to rounding.
  const scale = fc.oneof(
    fc.integer({ min: -6, max: 6 }).map((k) => 2 ** k),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
  );
  const integerTime = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3000 }));

  test.prop(
    [
      survivalRows(integerTime, { minLength: 1 }),
      scale,
      confType,
      fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true })),
      fc.integer({ min: 0, max: 3000 }),
    ],
    PARAMS,
  )(
    'scaling every time by c > 0 scales survivalQuantile and restrictedMeanSurvival(fit, tau c) by c',
    (rows, c, type, p, tau) => {
      const fit = kaplanMeier(rows, { confType: type });
      const scaled = kaplanMeier(
        rows.map((r) => ({ time: r.time * c, event: r.event })),
        { confType: type },
      );
      expect(scaled.survival).toEqual(fit.survival);
      expect(scaled.lower).toEqual(fit.lower);
      expect(scaled.upper).toEqual(fit.upper);
      const q = survivalQuantile(fit, p);
      const qc = survivalQuantile(scaled, p);
      const times = (v: number | null) => (v === null ? null : v * c);
      const tol = { rel: 1e-12, abs: 1e-12 };
      expectClose(qc.estimate, times(q.estimate), { ...tol, label: 'estimate' });
      expectClose(qc.lower, times(q.lower), { ...tol, label: 'lower' });
      expectClose(qc.upper, times(q.upper), { ...tol, label: 'upper' });
      const rm = restrictedMeanSurvival(fit, tau);
      const rmc = restrictedMeanSurvival(scaled, tau * c);
      expectClose(rmc.estimate, rm.estimate * c, { ...tol, label: 'rmean' });
      expectClose(rmc.stdErr, rm.stdErr * c, { ...tol, label: 'rmean stdErr' });
    },
    TIMEOUT,
  );
});

describe('logRank', () => {
  test.prop(
    [
      survivalRows(survivalTime, { minLength: 1 }),
      fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 3, noNaN: true })),
      fc.boolean(),
    ],
    PARAMS,
  )(
    'a group against an identical copy of itself gives chi-square 0 and p-value 1',
    (rows, rho, stratified) => {
      const stratum = (i: number) => (stratified ? { stratum: i % 2 } : {});
      const input = [
        ...rows.map((r, i) => ({ ...r, group: 'a', ...stratum(i) })),
        ...rows.map((r, i) => ({ ...r, group: 'b', ...stratum(i) })),
      ];
      const result = logRank(input, { rho });
      expect(result.groups).toEqual(['a', 'b']);
      if (result.df === 0) {
        // a variance of rank 0 (no events, or all at risk die together): no test, null
        expect([result.statistic, result.pValue]).toEqual([null, null]);
      } else {
        expectClose(result.statistic, 0, { abs: 1e-12, label: 'chiSquare' });
        expectClose(result.pValue, 1, { abs: 1e-12, label: 'pValue' });
      }
      expectClose(result.observed[0], result.observed[1], { label: 'observed' });
      expectClose(result.expected[0], result.expected[1], { label: 'expected' });
    },
    TIMEOUT,
  );
});

describe('cumulativeIncidence', () => {
  // Times on a 1/64 grid: kaplanMeier merges times within 1.49e-8 (relative) as R's survfit
  // does (aeqSurv), cmprsk's cuminc does not, so near-ties would give the two functions
  // different time grids, in R as here. The identity is about the estimators, not the time fix.
  const gridTime = fc.oneof(
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 64_000 }).map((k) => k / 64),
  );
  const competingRows = fc.array(
    fc.record({ time: gridTime, status: fc.integer({ min: 0, max: 2 }) }),
    { maxLength: 60 },
  );

  test.prop([competingRows], PARAMS)(
    'the incidences of all causes plus the all-cause Kaplan-Meier survival sum to 1',
    (rows) => {
      const ci = cumulativeIncidence(rows);
      const km = kaplanMeier(rows.map((r) => ({ time: r.time, event: r.status > 0 })));
      // Both have one entry per distinct time (events of any cause and censorings).
      expect(ci.time).toEqual(km.time);
      expect(ci.causes).toEqual([1, 2].filter((c) => rows.some((r) => r.status === c)));
      for (let i = 0; i < ci.time.length; i++) {
        let total = km.survival[i]!;
        for (const c of ci.causes) total += ci.estimate[c]![i]!;
        expectClose(total, 1, { abs: 1e-12, label: `sum at ${ci.time[i]}` });
      }
    },
    TIMEOUT,
  );
});

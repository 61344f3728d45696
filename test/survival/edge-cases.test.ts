import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cumulativeIncidence,
  kaplanMeier,
  logRank,
  restrictedMeanSurvival,
  survivalAt,
  survivalQuantile,
} from '../../src/survival/index.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';
import {
  CONF_TYPES,
  expectCumincMatches,
  expectFitMatches,
  expectSurvdiffMatches,
  type KmFixtureFit,
  rowsOf,
  TOL,
} from './_fixture.js';

// Numerical edge cases against fixtures/edge-cases.json, written by fixtures/r/edge-cases.R
// (never by hand): n = 1, all censored, all events at one time, times of 0, times near 1e9,
// times R's timefix (aeqSurv) merges, confidence levels 0.5 and 0.999, and cmprsk's cuminc,
// which merges nothing.

interface SurvdiffRef {
  rho: number;
  groups: string[];
  chiSquare: number;
  df: number;
  pValue: number | null;
  observed: number[];
  expected: number[];
  variance: number[][];
}

interface EdgeKmCase {
  data: { time: number[]; event: number[] };
  confLevel: number;
  times: number[];
  taus: number[];
  fits: Record<(typeof CONF_TYPES)[number], KmFixtureFit>;
  group?: string[];
  survdiff?: SurvdiffRef[];
}

interface EdgeSurvdiffStrataCase {
  data: { time: number[]; event: number[]; group: string[]; stratum: string[] };
  results: SurvdiffRef[];
}

interface EdgeCumincCase {
  data: { time: number[]; status: number[] };
  causes: number[];
  time: number[];
  estimate: Record<string, number[]>;
  variance: Record<string, number[]>;
}

interface EdgeFixture {
  meta: { r: string; survival: string; cmprsk: string; jsonlite: string; timefixTolerance: number };
  km: Record<string, EdgeKmCase>;
  survdiffStrata: Record<string, EdgeSurvdiffStrataCase>;
  cuminc: Record<string, EdgeCumincCase>;
}

const edge: EdgeFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/edge-cases.json', import.meta.url), 'utf8'),
);

describe('edge-case fixture', () => {
  it('records the R and package versions and covers every edge case of the issue', () => {
    expect(edge.meta.r).toMatch(/^R version 4\./);
    expect(edge.meta.survival).toMatch(/^3\.5/);
    expect(edge.meta.cmprsk).toMatch(/^2\.2/);
    expectClose(edge.meta.timefixTolerance, Math.sqrt(2 ** -52), TOL);
    const cases = Object.values(edge.km);
    expect(cases.some((c) => c.data.time.length === 1 && c.data.event[0] === 1)).toBe(true);
    expect(cases.some((c) => c.data.time.length === 1 && c.data.event[0] === 0)).toBe(true);
    expect(cases.some((c) => c.data.event.every((e) => e === 0))).toBe(true);
    expect(cases.some((c) => c.data.time.every((t) => t === c.data.time[0]))).toBe(true);
    expect(cases.some((c) => c.data.time.includes(0) && c.data.time.some((t) => t > 0))).toBe(true);
    expect(cases.some((c) => c.data.time.some((t) => t >= 1e9))).toBe(true);
    expect(new Set(cases.map((c) => c.confLevel))).toEqual(new Set([0.5, 0.95, 0.999]));
    // some case has distinct times that R merged (fewer curve times than distinct inputs)
    expect(
      cases.some((c) => c.fits.log.time.length < new Set(c.data.time).size && c.data.time.length),
    ).toBe(true);
  });
});

describe('kaplanMeier and its summaries against R survfit() on edge cases', () => {
  for (const [name, c] of Object.entries(edge.km)) {
    for (const confType of CONF_TYPES) {
      describe(`${name}, conf.type = ${confType}, conf.int = ${c.confLevel}`, () => {
        const fit = kaplanMeier(rowsOf(c.data), { confType, confLevel: c.confLevel });
        const ref = c.fits[confType];

        it('every survfit array', () => {
          expectFitMatches(fit, ref);
          expect(JSON.stringify(fit)).not.toMatch(/NaN|Infinity/);
        });

        it('quantile(fit, c(0.25, 0.5, 0.75)) with limits', () => {
          ref.quantiles.p.forEach((p, k) => {
            const q = survivalQuantile(fit, p);
            expectClose(q.estimate, ref.quantiles.estimate[k], { ...TOL, label: `q${p}` });
            expectClose(q.lower, ref.quantiles.lower[k], { ...TOL, label: `q${p} lower` });
            expectClose(q.upper, ref.quantiles.upper[k], { ...TOL, label: `q${p} upper` });
          });
        });

        it(`summary(fit, times = c(${c.times.join(', ')}), extend = TRUE)`, () => {
          const rows = survivalAt(fit, c.times);
          const s = ref.summary;
          expect(rows.map((r) => r.time)).toEqual(s.time);
          expect(rows.map((r) => r.nRisk)).toEqual(s.nRisk);
          expect(rows.map((r) => r.nEvent)).toEqual(s.nEvent);
          expect(rows.map((r) => r.nCensor)).toEqual(s.nCensor);
          const col = (k: 'survival' | 'stdErr' | 'lower' | 'upper') => rows.map((r) => r[k]);
          expectAllClose(col('survival'), s.survival, { ...TOL, label: 'survival' });
          expectAllClose(col('stdErr'), s.stdErr, { ...TOL, label: 'stdErr' });
          expectAllClose(col('lower'), s.lower, { ...TOL, label: 'lower' });
          expectAllClose(col('upper'), s.upper, { ...TOL, label: 'upper' });
        });

        it('print(fit, rmean = tau): rmean and se(rmean)', () => {
          expect(ref.rmean.length).toBe(c.taus.length);
          for (const r of ref.rmean) {
            const got = restrictedMeanSurvival(fit, r.tau);
            expectClose(got.estimate, r.estimate, { ...TOL, label: `rmean(${r.tau})` });
            expectClose(got.stdErr, r.stdErr, { ...TOL, label: `se(rmean(${r.tau}))` });
          }
        });
      });
    }

    if (c.survdiff !== undefined && c.group !== undefined) {
      const group = c.group;
      for (const ref of c.survdiff) {
        it(`${name}: logRank against survdiff(rho = ${ref.rho})`, () => {
          const r = logRank({ time: c.data.time, event: c.data.event, group }, { rho: ref.rho });
          expect(r.groups.map(String)).toEqual(ref.groups);
          if (ref.df < 0) {
            // no events: R reports chi^2 0 on df -1 with p NaN; here the variance has rank 0, so
            // chiSquare and pValue are null on df 0 (docs/survival.md, singular variances)
            expect(ref.pValue).toBeNull();
            expect(r).toMatchObject({ statistic: null, df: 0, pValue: null });
            expectSurvdiffMatches({ ...r, statistic: ref.chiSquare }, ref);
          } else {
            expect(r.df).toBe(ref.df);
            expectClose(r.pValue, ref.pValue, { ...TOL, label: 'pValue' });
            expectSurvdiffMatches(r, ref);
          }
        });
      }
    }
  }
});

describe('logRank with strata against survdiff(... + strata()) on times R merges', () => {
  // two groups x two strata = 8 buckets (walk over the heads); three groups = 12 (sorted copy)
  for (const [name, c] of Object.entries(edge.survdiffStrata)) {
    for (const ref of c.results) {
      it(`${name}, rho = ${ref.rho}`, () => {
        const r = logRank(c.data, { rho: ref.rho });
        expect(r.groups.map(String)).toEqual(ref.groups);
        expect(r.df).toBe(ref.df);
        expectClose(r.pValue, ref.pValue, { ...TOL, label: 'pValue' });
        expectSurvdiffMatches(r, ref);
      });
    }
  }
});

describe("R's timefix (aeqSurv) rule", () => {
  it('merges each chain of close distinct times into its smallest member', () => {
    const fit = kaplanMeier({ time: [1, 1 + 1e-12, 2, 2 + 3e-13, 5], event: [1, 1, 1, 0, 1] });
    expect(fit.time).toEqual([1, 2, 5]);
    expect(fit.nEvent).toEqual([2, 1, 1]);
    expect(fit.nCensor).toEqual([0, 1, 0]);
  });

  it('merges a chain whose span exceeds the tolerance (each gap within it)', () => {
    const fit = kaplanMeier({ time: [1, 1 + 1e-8, 1 + 2e-8, 1 + 3e-8], event: [1, 1, 1, 1] });
    expect(fit.time).toEqual([1]);
    expect(fit.nEvent).toEqual([4]);
  });

  it('leaves times apart by more than the tolerance (absolute and relative) alone', () => {
    // R: survfit(Surv(c(1, 1 + 5e-8, 2), c(1, 1, 1)) ~ 1)$time keeps all three
    const fit = kaplanMeier({ time: [1, 1 + 5e-8, 2], event: [1, 1, 1] });
    expect(fit.time).toEqual([1, 1 + 5e-8, 2]);
  });

  it('also ties gaps above the tolerance that are within it relative to the mean time', () => {
    // R: survfit(Surv(c(1, 1 + 2e-8, 3), c(1, 1, 1)) ~ 1)$time is c(1, 3): 2e-8 / (5 / 3) <= tol
    const fit = kaplanMeier({ time: [1, 1 + 2e-8, 3], event: [1, 1, 1] });
    expect(fit.time).toEqual([1, 3]);
    expect(fit.nEvent).toEqual([2, 1]);
  });

  it('applies to logRank across groups, before splitting by group', () => {
    const merged = logRank({
      time: [1, 1 + 1e-12, 2, 3],
      event: [1, 1, 1, 1],
      group: [1, 2, 1, 2],
    });
    const tied = logRank({ time: [1, 1, 2, 3], event: [1, 1, 1, 1], group: [1, 2, 1, 2] });
    expect(merged).toEqual(tied);
  });

  it('is not applied by cumulativeIncidence (cmprsk::cuminc compares times exactly)', () => {
    const ci = cumulativeIncidence({ time: [1, 1 + 1e-12, 2], status: [1, 2, 0] });
    expect(ci.time).toEqual([1, 1 + 1e-12, 2]);
  });

  it('does not mutate the input', () => {
    const time = Float64Array.from([1, 1 + 1e-12, 2]);
    kaplanMeier({ time, event: [1, 1, 0] });
    logRank({ time, event: [1, 1, 0], group: [1, 2, 1] });
    expect(Array.from(time)).toEqual([1, 1 + 1e-12, 2]);
  });
});

describe('cumulativeIncidence against cmprsk::cuminc() on edge cases', () => {
  for (const [name, c] of Object.entries(edge.cuminc)) {
    it(`${name}: estimates and variances of every cause at every distinct time`, () => {
      const r = cumulativeIncidence({ time: c.data.time, status: c.data.status });
      expectCumincMatches(r, c);
    });
  }
});

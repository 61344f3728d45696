import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { CumulativeIncidence } from '../../src/survival/cumulative-incidence.js';
import type { KaplanMeierFit } from '../../src/survival/kaplan-meier.js';
import type { LogRankResult } from '../../src/survival/log-rank.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';

// Reference values written by fixtures/r/survival.R (R's survival and cmprsk); never by hand.

type Num = number | null;

export interface KmFixtureFit {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  survival: number[];
  stdErr: Num[];
  lower: Num[];
  upper: Num[];
  quantiles: { p: number[]; estimate: Num[]; lower: Num[]; upper: Num[] };
  summary: {
    time: number[];
    survival: number[];
    stdErr: Num[];
    lower: Num[];
    upper: Num[];
    nRisk: number[];
    nEvent: number[];
    nCensor: number[];
  };
  rmean: { tau: number; estimate: number; stdErr: number }[];
}

export interface KmFixtureCase {
  data: { time: number[]; event: number[] };
  times: number[];
  taus: number[];
  fits: Record<'log' | 'log-log' | 'plain' | 'logit' | 'arcsin', KmFixtureFit>;
}

export interface SurvdiffFixture {
  data: { time: number[]; event: number[]; group: (string | number)[]; stratum?: string[] };
  results: {
    rho: number;
    stratified: boolean;
    groups: string[];
    chiSquare: number;
    df: number;
    pValue: number;
    observed: number[];
    expected: number[];
    variance: number[][];
  }[];
}

export interface CumincFixture {
  data: { time: number[]; status: number[]; group: (string | number)[]; stratum?: string[] };
  causes: number[];
  time: number[];
  estimate: Record<string, number[]>;
  variance: Record<string, number[]>;
  /** cmprsk::timepoints() with the log(-log) interval (tidycmprsk, Pintilie 2006). */
  timepoints: {
    times: number[];
    at: Record<
      string,
      {
        estimate: (number | null)[];
        stdErr: (number | null)[];
        lower: (number | null)[];
        upper: (number | null)[];
      }
    >;
  };
  gray: {
    stratified: boolean;
    causes: number[];
    statistic: number[];
    pValue: number[];
    df: number[];
  };
}

export interface SurvivalFixture {
  meta: { r: string; survival: string; cmprsk: string; jsonlite: string };
  km: Record<string, KmFixtureCase>;
  survdiff: Record<string, SurvdiffFixture>;
  reverseKm: Record<
    string,
    { data: { time: number[]; event: number[] }; estimate: Num; lower: Num; upper: Num }
  >;
  cuminc: Record<string, CumincFixture>;
}

export const fixture: SurvivalFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/survival.json', import.meta.url), 'utf8'),
);

/** Tolerances of every comparison with R: 1e-10 relative, 1e-12 absolute near 0. */
export const TOL = { rel: 1e-10, abs: 1e-12 } as const;

export const CONF_TYPES = ['log', 'log-log', 'plain', 'logit', 'arcsin'] as const;

/** The R column `event`/`status` integers as the library's rows. */
export function rowsOf(data: {
  time: number[];
  event: number[];
}): { time: number; event: 0 | 1 }[] {
  return data.time.map((time, i) => ({ time, event: data.event[i] === 1 ? 1 : 0 }));
}

/** Asserts every array of a fit equals R's survfit(): counts exactly, the rest within TOL. */
export function expectFitMatches(
  fit: KaplanMeierFit,
  ref: Pick<
    KmFixtureFit,
    'time' | 'nRisk' | 'nEvent' | 'nCensor' | 'survival' | 'stdErr' | 'lower' | 'upper'
  >,
): void {
  expect(fit.time).toEqual(ref.time);
  expect(fit.nRisk).toEqual(ref.nRisk);
  expect(fit.nEvent).toEqual(ref.nEvent);
  expect(fit.nCensor).toEqual(ref.nCensor);
  expectAllClose(fit.survival, ref.survival, { ...TOL, label: 'survival' });
  expectAllClose(fit.stdErr, ref.stdErr, { ...TOL, label: 'stdErr' });
  expectAllClose(fit.lower, ref.lower, { ...TOL, label: 'lower' });
  expectAllClose(fit.upper, ref.upper, { ...TOL, label: 'upper' });
}

/** Asserts causes, times, estimates and variances equal cmprsk's cuminc() within TOL. */
export function expectCumincMatches(
  result: CumulativeIncidence,
  ref: Pick<CumincFixture, 'causes' | 'time' | 'estimate' | 'variance'>,
): void {
  expect(result.causes).toEqual(ref.causes);
  expect(result.time).toEqual(ref.time);
  for (const cause of ref.causes) {
    expectAllClose(result.estimate[cause]!, ref.estimate[String(cause)]!, {
      ...TOL,
      label: `F${cause}`,
    });
    expectAllClose(result.variance[cause]!, ref.variance[String(cause)]!, {
      ...TOL,
      label: `V${cause}`,
    });
  }
}

/** Asserts the statistic and the observed, expected and variance of a log-rank test equal survdiff()'s. */
export function expectSurvdiffMatches(
  result: LogRankResult,
  ref: {
    chiSquare: number;
    observed: number[];
    expected: number[];
    variance: number[][];
  },
): void {
  expectClose(result.statistic, ref.chiSquare, { ...TOL, label: 'chiSquare' });
  expectAllClose(result.observed, ref.observed, { ...TOL, label: 'observed' });
  expectAllClose(result.expected, ref.expected, { ...TOL, label: 'expected' });
  expectAllClose(result.variance.flat(), ref.variance.flat(), { ...TOL, label: 'variance' });
}

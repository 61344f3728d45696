import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ChiSquareTest } from '../../src/regression/index.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';

// Reference values written by fixtures/r/regression.R (R's survival, glm with exact profile
// limits, logistf); never by hand.

export interface FixtureTest {
  statistic: number;
  df: number;
  pValue: number;
}

export interface ZphFixture {
  terms: ({ name: string } & FixtureTest)[];
  global: FixtureTest;
}

export interface CoxFixtureFit {
  ties: 'efron' | 'breslow';
  stratified: boolean;
  confLevel: number;
  n: number;
  events: number;
  iterations: number;
  coefficients: {
    name: string;
    estimate: number;
    hazardRatio: number;
    stdErr: number;
    z: number;
    pValue: number;
    lower: number;
    upper: number;
  }[];
  variance: number[][];
  logLikelihood: { null: number; fitted: number };
  tests: { likelihoodRatio: FixtureTest; wald: FixtureTest; score: FixtureTest };
  concordance: { estimate: number; stdErr: number };
  zph: Record<'km' | 'rank' | 'identity', ZphFixture>;
}

export interface CoxFixtureCase {
  data: {
    time: number[];
    event: number[];
    covariates: Record<string, number[]>;
    stratum?: string[];
  };
  fits: CoxFixtureFit[];
}

interface Limits {
  lower: number;
  upper: number;
}

export interface LogisticFixtureFit {
  method: 'ml' | 'firth';
  confLevel: number;
  n: number;
  events: number;
  iterations: number;
  coefficients: {
    name: string;
    estimate: number;
    stdErr: number;
    z: number;
    oddsRatio: number;
    /** ML only: summary.glm's Wald p. */
    pValue?: number;
    profile: Limits & { pValue?: number };
    wald: Limits & { pValue?: number };
    /** ML only: MASS's spline-read limits, written to document the gap. */
    massConfint?: Limits;
  }[];
  variance: number[][];
  logLikelihood: number;
  deviance?: number;
  nullDeviance?: number;
  nullLogLikelihood?: number;
  aic: number;
}

export interface LogisticFixtureCase {
  data: { outcome: number[]; covariates: Record<string, number[]> };
  separated: boolean;
  ml?: LogisticFixtureFit;
  firth?: LogisticFixtureFit;
}

export interface RegressionFixture {
  meta: Record<string, unknown> & { r: string; survival: string; logistf: string };
  cox: Record<string, CoxFixtureCase>;
  logistic: Record<string, LogisticFixtureCase>;
}

export const fixture: RegressionFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/regression.json', import.meta.url), 'utf8'),
);

/** The tolerance of every comparison with R: 1e-8 relative (1e-13 absolute near 0). */
export const TOL = { rel: 1e-8, abs: 1e-13 } as const;

/** The columns input of coxRegression for a fixture case. */
export function coxColumns(c: CoxFixtureCase, stratified: boolean) {
  return {
    time: c.data.time,
    event: c.data.event,
    covariates: c.data.covariates,
    ...(stratified ? { strata: c.data.stratum! } : {}),
  };
}

/** Asserts a chi-square test equals R's within TOL (df exactly). */
export function expectTestMatches(actual: ChiSquareTest, ref: FixtureTest, label: string): void {
  expect(actual.df, `${label} df`).toBe(ref.df);
  expectClose(actual.statistic, ref.statistic, { ...TOL, label: `${label} statistic` });
  expectClose(actual.pValue, ref.pValue, { ...TOL, label: `${label} pValue` });
}

/** Asserts a square matrix equals R's within TOL, entry by entry. */
export function expectMatrixMatches(
  actual: readonly (readonly number[])[],
  ref: number[][],
  label: string,
): void {
  expect(actual.length, `${label} rows`).toBe(ref.length);
  actual.forEach((row, i) => {
    expectAllClose(row, ref[i]!, { ...TOL, label: `${label}[${i}]` });
  });
}

/** Every number reachable from a value is finite (no NaN, no infinity) or null. */
export function expectFiniteOrNull(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      expectFiniteOrNull(v, `${path}[${i}]`);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) expectFiniteOrNull(v, `${path}.${k}`);
  }
}

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { expectClose } from '../_helpers/close.js';

// The random differential cases of fixtures/random.json, written by fixtures/r/random.R (R's
// survival, cmprsk, stats, binom, clinfun and MASS; never by hand). Inputs are stored with 17
// significant digits, so the library computes on exactly R's doubles.

type Num = number | null;

export interface KmCase {
  label: string;
  issue12?: number;
  data: { time: number[]; event: number[] };
  confType: 'log' | 'log-log' | 'plain' | 'logit' | 'arcsin';
  confLevel: number;
  fit: {
    time: number[];
    nRisk: number[];
    nEvent: number[];
    nCensor: number[];
    survival: number[];
    stdErr: Num[];
    lower: Num[];
    upper: Num[];
  };
  quantiles: { p: number[]; estimate: Num[]; lower: Num[]; upper: Num[] };
  summary: {
    times: number[];
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

export interface SurvdiffCase {
  label: string;
  issue12?: number;
  data: { time: number[]; event: number[]; group: number[]; stratum: number[] | null };
  rho: number;
  groups: number[];
  observed: number[];
  expected: number[];
  variance: number[][];
  /** False where R's survdiff stopped (solve() on a singular variance). */
  solved: boolean;
  chiSquare: Num;
  /** survdiff's df: groups with expected > 0, minus 1. */
  df: number;
  pValue: Num;
  /** Eigenvalues of the reduced variance, descending (empty with fewer than 2 groups kept). */
  eigenvalues: number[];
  /** The statistic with MASS::ginv, the reference where R's solve() stops. */
  ginvStatistic: Num;
}

export interface GrayScores {
  cause: number;
  scores: number[];
  variance: Num[][];
  eigenvalues: number[];
  ginvStatistic: Num;
}

export interface CumincCase {
  label: string;
  issue12?: number;
  data: { time: number[]; status: number[]; group: number[]; stratum: number[] | null };
  cuminc:
    | { error: true }
    | {
        error: false;
        causes: number[];
        time: number[];
        estimate: Record<string, number[]>;
        variance: Record<string, number[]>;
      };
  gray:
    | null
    | { error: true; scores: GrayScores[] }
    | {
        error: false;
        causes: number[];
        statistic: number[];
        pValue: number[];
        df: number[];
        scores: GrayScores[];
      };
}

export interface BinomialCase {
  x: number;
  n: number;
  confLevel: number;
  clopperPearson: [number, number];
  wilson: [number, number];
  wilsonCc: [number, number];
  jeffreys: [number, number];
  agrestiCoull: [number, number];
}

export interface LmCase {
  label: string;
  issue12?: number;
  days: number[];
  value: number[];
  symmetric: boolean;
  logSlopePerMonth: number;
  logIntercept: number;
  logRSquared: Num;
  velocityPerYear: number;
  linearIntercept: number;
  linearRSquared: Num;
}

export interface WilcoxonCase {
  label: string;
  issue12?: number;
  x: number[];
  y: number[];
  statistic: number;
  pValue: Num;
  method: string;
}

export interface RecursionCase {
  label: string;
  issue12?: number;
  looks: number[];
  maxAllowed: number[];
  p: number[];
  crossProbability: number[];
  earlyStopProbability: number[];
  expectedSampleSize: number[];
  stopProbabilityByLook: number[][];
}

export interface BayesianCase {
  label: string;
  issue12?: number;
  maxRate: number;
  threshold: number;
  prior: { a: number; b: number };
  looks: number[];
  stopAt: Num[];
  /** The count at each look whose posterior is Beta(c, c) with maxRate 0.5 (exactly 1/2). */
  symmetricTie: Num[];
  posteriorProbability: number[][];
}

export interface SimonDesignRef {
  r1: number;
  n1: number;
  r: number;
  n: number;
  expectedSizeNull: number;
  earlyStopNull: number;
}

export interface SimonCase {
  label: string;
  issue12?: number;
  p0: number;
  p1: number;
  alpha: number;
  beta: number;
  nMax: number;
  feasible: boolean;
  optimal: SimonDesignRef | null;
  minimax: SimonDesignRef | null;
}

export interface RandomFixture {
  meta: {
    generatedBy: string;
    r: string;
    survival: string;
    cmprsk: string;
    clinfun: string;
    binom: string;
    MASS: string;
    jsonlite: string;
    seed: number;
    rngKind: string[];
    timefixTolerance: number;
  };
  km: KmCase[];
  survdiff: SurvdiffCase[];
  cuminc: CumincCase[];
  binomial: BinomialCase[];
  lm: LmCase[];
  wilcoxon: WilcoxonCase[];
  recursion: RecursionCase[];
  bayesian: BayesianCase[];
  simon: SimonCase[];
}

export const random: RandomFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/random.json', import.meta.url), 'utf8'),
);

/** The agreement demanded of every random case: 1e-9 relative or 1e-12 absolute. */
export const TOL = { rel: 1e-9, abs: 1e-12 } as const;

/** A case's name in test titles: its index, its label and, for the issue's cases, the item. */
export function caseName(kind: string, i: number, c: { label?: string; issue12?: number }): string {
  return `${kind} #${i}${c.issue12 === undefined ? '' : ` [issue 12 item ${c.issue12}]`}: ${c.label ?? ''}`;
}

function near(a: Num | undefined, e: Num | undefined, rel: number, abs: number): boolean {
  if (e === null || e === undefined) return a === null || a === undefined;
  if (typeof a !== 'number') return false;
  return Math.abs(a - e) <= Math.max(rel * Math.abs(e), abs);
}

/**
 * expectAllClose for many values: checks numerically first and calls expect only for the first
 * failure (thousands of cases stay fast), with the same rule as expectClose.
 */
export function expectNear(
  actual: ArrayLike<Num>,
  expected: ArrayLike<Num>,
  label: string,
  tol: { rel: number; abs: number } = TOL,
): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!near(actual[i], expected[i], tol.rel, tol.abs)) {
      expectClose(actual[i], expected[i], { ...tol, label: `${label}[${i}]` });
    }
  }
}

/** One value, the same rule. */
export function expectNear1(actual: Num, expected: Num, label: string, tol = TOL): void {
  expectNear([actual], [expected], label, tol);
}

/**
 * How the eigenvalues of a variance matrix (descending) settle its rank: `clear` when each is
 * either above `big` times the largest or below 1e-14 times it (exact zeros up to rounding), the
 * rank then being the count of the former; otherwise the rank sits between rounding and the
 * pivot tolerance and depends on the rule used (cholesky2's 1.8e-12 here, qr's 1e-7 in cmprsk).
 */
export function rankOf(
  eigenvalues: readonly number[],
  big = 1e-9,
): { clear: boolean; rank: number } {
  const largest = eigenvalues.length > 0 ? Math.max(...eigenvalues) : 0;
  if (!(largest > 0)) return { clear: true, rank: 0 };
  let rank = 0;
  let clear = true;
  for (const e of eigenvalues) {
    if (e > big * largest) rank++;
    else if (e > 1e-14 * largest) clear = false;
  }
  return { clear, rank };
}

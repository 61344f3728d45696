import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BINOMIAL_INTERVAL_METHODS,
  type BinomialIntervalMethod,
  binomialConfidenceInterval,
} from '../../src/stats/binomial-confidence-interval.js';
import { expectClose } from '../_helpers/close.js';

// x = 0 and x = n for n in {1, 2, 5, 30, 200} at confidence 0.5, 0.95 and 0.999, against
// fixtures/edge-cases.json (written by fixtures/r/edge-cases.R, never by hand): binom.test,
// prop.test(correct = FALSE / TRUE), Jeffreys by qbeta and Agresti-Coull by binom's formula.

interface BinomialCase {
  x: number;
  n: number;
  confLevel: number;
  estimate: number;
  clopperPearson: number[];
  wilson: number[];
  wilsonCc: number[];
  jeffreys: number[];
  agrestiCoull: number[];
}

const cases: BinomialCase[] = JSON.parse(
  readFileSync(new URL('../../fixtures/edge-cases.json', import.meta.url), 'utf8'),
).binomial;

const TOL = { rel: 1e-10, abs: 1e-12 } as const;

const FIXTURE_KEY: Record<BinomialIntervalMethod, keyof BinomialCase> = {
  'clopper-pearson': 'clopperPearson',
  wilson: 'wilson',
  'wilson-cc': 'wilsonCc',
  jeffreys: 'jeffreys',
  'agresti-coull': 'agrestiCoull',
};

describe('binomialConfidenceInterval at x = 0 and x = n against R', () => {
  it('the fixture holds x = 0 and x = n for every n and confidence level of the issue', () => {
    for (const n of [1, 2, 5, 30, 200]) {
      for (const confLevel of [0.5, 0.95, 0.999]) {
        for (const x of [0, n]) {
          expect(
            cases.some((c) => c.n === n && c.x === x && c.confLevel === confLevel),
            `x=${x} n=${n} conf=${confLevel}`,
          ).toBe(true);
        }
      }
    }
    expect(cases.every((c) => c.x === 0 || c.x === c.n)).toBe(true);
  });

  for (const method of BINOMIAL_INTERVAL_METHODS) {
    describe(method, () => {
      for (const c of cases) {
        it(`x = ${c.x}, n = ${c.n}, conf = ${c.confLevel}`, () => {
          const got = binomialConfidenceInterval(c.x, c.n, { method, confLevel: c.confLevel });
          const [lower, upper] = c[FIXTURE_KEY[method]] as number[];
          expectClose(got.estimate, c.estimate, { ...TOL, label: 'estimate' });
          expectClose(got.lower, lower, { ...TOL, label: 'lower' });
          expectClose(got.upper, upper, { ...TOL, label: 'upper' });
          expect(got.method).toBe(method);
          expect(got.confLevel).toBe(c.confLevel);
        });
      }
    });
  }
});

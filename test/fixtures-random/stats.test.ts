import { describe, expect, it } from 'vitest';
import {
  BINOMIAL_INTERVAL_METHODS,
  type BinomialIntervalMethod,
  binomialConfidenceInterval,
} from '../../src/stats/binomial-confidence-interval.js';
import { leastSquares } from '../../src/stats/least-squares.js';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon-signed-rank.js';
import { type BinomialCase, caseName, expectNear, expectNear1, random } from './_random.js';

// Random differential cases for src/stats against R (fixtures/random.json, written by
// fixtures/r/random.R): the five binomial intervals (binom.test, binom::binom.confint,
// prop.test, binom::binom.bayes), lm slopes of PSA series, and wilcox.test(paired = TRUE).

const FIELD: Record<BinomialIntervalMethod, keyof BinomialCase> = {
  'clopper-pearson': 'clopperPearson',
  wilson: 'wilson',
  'wilson-cc': 'wilsonCc',
  jeffreys: 'jeffreys',
  'agresti-coull': 'agrestiCoull',
};

describe('binomialConfidenceInterval vs binom.test, binom, prop.test', () => {
  random.binomial.forEach((c, i) => {
    it(`binomial #${i}: x = ${c.x}, n = ${c.n}, level ${c.confLevel}`, () => {
      for (const method of BINOMIAL_INTERVAL_METHODS) {
        const ci = binomialConfidenceInterval(c.x, c.n, { method, confLevel: c.confLevel });
        expectNear([ci.lower, ci.upper], c[FIELD[method]] as number[], method);
      }
    });
  });
});

describe('leastSquares vs lm', () => {
  random.lm.forEach((c, i) => {
    it(caseName('lm', i, c), () => {
      const months = c.days.map((d) => d / 30.4375);
      const years = c.days.map((d) => d / 365.25);
      const log = leastSquares(months, c.value.map(Math.log))!;
      const lin = leastSquares(years, c.value)!;
      expectNear1(log.slope, c.logSlopePerMonth, 'log slope');
      expectNear1(log.intercept, c.logIntercept, 'log intercept');
      expectNear1(lin.slope, c.velocityPerYear, 'velocity');
      expectNear1(lin.intercept, c.linearIntercept, 'linear intercept');
      if (c.value.every((v) => v === c.value[0])) {
        // A constant series has no R^2 (null). R's summary.lm gives NaN, or, when lm's QR leaves
        // rounding noise in the fit, a ratio of noise (0.67 for 1.9, 1.9, 1.9).
        expect([log.rSquared, lin.rSquared]).toEqual([null, null]);
      } else {
        expectNear1(log.rSquared, c.logRSquared, 'log R^2');
        expectNear1(lin.rSquared, c.linearRSquared, 'linear R^2');
      }
      if (c.symmetric) {
        // the true slope is 0; R's is rounding noise of either sign: here exactly 0
        // (docs/psa-kinetics.md: a slope within rounding of zero is zero, non-rising)
        expect(log.slope).toBe(0);
        expect(lin.slope).toBe(0);
      }
    });
  });
});

describe('wilcoxonSignedRank vs wilcox.test(paired = TRUE)', () => {
  random.wilcoxon.forEach((c, i) => {
    it(caseName('wilcoxon', i, c), () => {
      const r = wilcoxonSignedRank(c.x, c.y);
      expect(r).not.toBeNull();
      expect(r!.statistic).toBe(c.statistic);
      expectNear1(r!.pValue, c.pValue, 'pValue');
      expect(r!.method).toBe(c.method);
    });
  });
});

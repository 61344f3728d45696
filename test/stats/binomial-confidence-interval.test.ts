import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/complications.json';
import {
  BINOMIAL_INTERVAL_METHODS,
  type BinomialIntervalMethod,
  binomialConfidenceInterval,
} from '../../src/stats/binomial-confidence-interval.js';
import { normalCdf } from '../../src/stats/normal-cdf.js';
import { regularizedBeta } from '../../src/stats/regularized-beta.js';
import { expectClose } from '../_helpers/close.js';
import { defined } from '../_helpers/defined-interval.js';

type Case = (typeof fixture.binomial)[number];

const FIXTURE_KEY: Record<BinomialIntervalMethod, keyof Case> = {
  'clopper-pearson': 'clopperPearson',
  wilson: 'wilson',
  'wilson-cc': 'wilsonCc',
  jeffreys: 'jeffreys',
  'agresti-coull': 'agrestiCoull',
};

describe('binomialConfidenceInterval', () => {
  it('has the known 3/30 values (binom.test and prop.test(correct = FALSE))', () => {
    const cp = defined(binomialConfidenceInterval(3, 30));
    expect(cp.method).toBe('clopper-pearson');
    expect(cp.confLevel).toBe(0.95);
    expectClose(cp.estimate, 0.1);
    expectClose(cp.lower, 0.0211171370297226);
    expectClose(cp.upper, 0.265288450474208);
    const w = defined(binomialConfidenceInterval(3, 30, { method: 'wilson' }));
    expectClose(w.lower, 0.0345998887473342);
    expectClose(w.upper, 0.256210825791841);
  });

  it('covers a grid of x = 0..n, n = 1..200 and three confidence levels', () => {
    const ns = new Set(fixture.binomial.map((c) => c.n));
    expect(Math.min(...ns)).toBe(1);
    expect(Math.max(...ns)).toBe(200);
    expect(fixture.binomial.some((c) => c.x === 0 && c.n === 200)).toBe(true);
    expect(fixture.binomial.some((c) => c.x === c.n && c.n === 200)).toBe(true);
    expect(new Set(fixture.binomial.map((c) => c.confLevel))).toEqual(new Set([0.9, 0.95, 0.99]));
    expect(fixture.binomial.length).toBeGreaterThan(300);
  });

  for (const method of BINOMIAL_INTERVAL_METHODS) {
    it(`matches R for ${method} on every fixture case (1e-9 relative)`, () => {
      for (const c of fixture.binomial) {
        const label = `${method} x=${c.x} n=${c.n} conf=${c.confLevel}`;
        const got = defined(
          binomialConfidenceInterval(c.x, c.n, { method, confLevel: c.confLevel }),
        );
        const [lower, upper] = c[FIXTURE_KEY[method]] as number[];
        expectClose(got.estimate, c.estimate, { label: `${label} estimate` });
        expectClose(got.lower, lower, { label: `${label} lower` });
        expectClose(got.upper, upper, { label: `${label} upper` });
        expect(got.method).toBe(method);
        expect(got.confLevel).toBe(c.confLevel);
      }
    });
  }

  it('gives exact bounds at x = 0 and x = n for the exact, score and Jeffreys intervals', () => {
    for (const method of ['clopper-pearson', 'wilson', 'wilson-cc', 'jeffreys'] as const) {
      expect(defined(binomialConfidenceInterval(0, 12, { method })).lower).toBe(0);
      expect(defined(binomialConfidenceInterval(12, 12, { method })).upper).toBe(1);
    }
  });

  it('leaves the Agresti-Coull interval untruncated, as the binom package', () => {
    const ac = defined(binomialConfidenceInterval(0, 10, { method: 'agresti-coull' }));
    expect(ac.lower).toBeLessThan(0);
    const top = defined(binomialConfidenceInterval(10, 10, { method: 'agresti-coull' }));
    expect(top.upper).toBeGreaterThan(1);
  });

  it('applies no continuity correction when x = n / 2 (R: YATES = min(0.5, |x - n/2|))', () => {
    const cc = defined(binomialConfidenceInterval(5, 10, { method: 'wilson-cc' }));
    const plain = defined(binomialConfidenceInterval(5, 10, { method: 'wilson' }));
    expectClose(cc.lower, plain.lower);
    expectClose(cc.upper, plain.upper);
  });

  it('widens with the confidence level', () => {
    for (const method of BINOMIAL_INTERVAL_METHODS) {
      const a = defined(binomialConfidenceInterval(7, 40, { method, confLevel: 0.9 }));
      const b = defined(binomialConfidenceInterval(7, 40, { method, confLevel: 0.99 }));
      expect(b.lower).toBeLessThan(a.lower);
      expect(b.upper).toBeGreaterThan(a.upper);
    }
  });

  it('never returns NaN', () => {
    for (const method of BINOMIAL_INTERVAL_METHODS) {
      for (const n of [1, 2, 200, 5000]) {
        for (const x of [0, 1, Math.floor(n / 2), n]) {
          for (const confLevel of [1e-6, 0.5, 0.95, 1 - 1e-9]) {
            const r = defined(binomialConfidenceInterval(x, n, { method, confLevel }));
            for (const v of [r.estimate, r.lower, r.upper]) expect(Number.isFinite(v)).toBe(true);
            expect(r.lower).toBeLessThanOrEqual(r.upper);
          }
        }
      }
    }
  });

  // issue 11 item 13: at a confidence level within an ulp of 1, 1 - (1 - confLevel) / 2 rounds to
  // 1, so z was infinite (NaN limits for wilson, wilson-cc, agresti-coull) and the exact upper
  // limit was qbeta(1) = 1. The limits must keep their tails: each solves its defining equation,
  // checked here with the incomplete beta and normal functions, not typed-in numbers.
  it('keeps the tails at a confidence level within an ulp of 1: finite limits that solve their equations', () => {
    const x = 3;
    const n = 30;
    for (const confLevel of [0.9999999999999999, 1 - 1e-10, 1 - 1e-7]) {
      const tail = (1 - confLevel) / 2;
      const close = (got: number, label: string) =>
        expectClose(got, tail, { rel: 1e-6, abs: 0, label: `${label} at ${confLevel}` });
      const cp = defined(binomialConfidenceInterval(x, n, { confLevel }));
      expect(cp.upper).toBeLessThan(1);
      // P(X >= x | lower) = tail and P(X <= x | upper) = tail.
      close(regularizedBeta(cp.lower, x, n - x + 1), 'exact lower');
      close(regularizedBeta(cp.upper, x + 1, n - x, true), 'exact upper');
      const jf = defined(binomialConfidenceInterval(x, n, { method: 'jeffreys', confLevel }));
      close(regularizedBeta(jf.lower, x + 0.5, n - x + 0.5), 'Jeffreys lower');
      close(regularizedBeta(jf.upper, x + 0.5, n - x + 0.5, true), 'Jeffreys upper');
      // The score limits are where the score statistic (p^ - p) / sqrt(p (1 - p) / n) is -/+ z.
      const w = defined(binomialConfidenceInterval(x, n, { method: 'wilson', confLevel }));
      for (const [p, side] of [
        [w.lower, -1],
        [w.upper, 1],
      ] as const) {
        const score = (p - x / n) / Math.sqrt((p * (1 - p)) / n);
        close(normalCdf(-side * score, 0, 1), `Wilson ${side < 0 ? 'lower' : 'upper'}`);
      }
      for (const method of BINOMIAL_INTERVAL_METHODS) {
        const r = defined(binomialConfidenceInterval(x, n, { method, confLevel }));
        expect(Number.isFinite(r.lower) && Number.isFinite(r.upper), method).toBe(true);
        expect(r.lower, method).toBeLessThan(0.1);
        expect(r.upper, method).toBeGreaterThan(0.1);
      }
    }
  });

  // issue 11 item 13: (5e299, 1e300) gave NaN for the exact and Jeffreys limits.
  it('refuses more than 10,000,000 trials, where the beta quantiles lose their accuracy', () => {
    expect(() => binomialConfidenceInterval(5e299, 1e300)).toThrow(
      'n must be <= 10000000. Value: 1e+300.',
    );
    expect(() => binomialConfidenceInterval(5, 10_000_001, { method: 'jeffreys' })).toThrow(
      RangeError,
    );
    for (const method of BINOMIAL_INTERVAL_METHODS) {
      for (const x of [0, 1, 5_000_000, 10_000_000]) {
        for (const confLevel of [0.95, 0.9999999999999999]) {
          const r = defined(binomialConfidenceInterval(x, 10_000_000, { method, confLevel }));
          expect(Number.isFinite(r.lower) && Number.isFinite(r.upper), method).toBe(true);
          expect(r.lower).toBeLessThanOrEqual(r.upper);
        }
      }
    }
  });

  it('gives nulls for no trials (empty input), after checking the options', () => {
    for (const method of BINOMIAL_INTERVAL_METHODS) {
      expect(binomialConfidenceInterval(0, 0, { method, confLevel: 0.9 })).toEqual({
        estimate: null,
        lower: null,
        upper: null,
        method,
        confLevel: 0.9,
      });
    }
    expect(() => binomialConfidenceInterval(0, 0, { confLevel: 2 })).toThrow(/options\.confLevel/);
    expect(() => binomialConfidenceInterval(1, 0)).toThrow(/x must be <= n \(0\)\. Value: 1/);
  });

  it('rejects x or n out of range with a RangeError naming the value', () => {
    expect(() => binomialConfidenceInterval(0, -1)).toThrow(RangeError);
    expect(() => binomialConfidenceInterval(0, -1)).toThrow(
      /n must be an integer >= 0\. Value: -1/,
    );
    expect(() => binomialConfidenceInterval(-1, 5)).toThrow(
      /x must be an integer >= 0\. Value: -1/,
    );
    expect(() => binomialConfidenceInterval(6, 5)).toThrow(/x must be <= n \(5\)\. Value: 6/);
    expect(() => binomialConfidenceInterval(1.5, 5)).toThrow(/x .*Value: 1\.5/);
    expect(() => binomialConfidenceInterval(1, 5.5)).toThrow(/n .*Value: 5\.5/);
    expect(() => binomialConfidenceInterval(Number.NaN, 5)).toThrow(RangeError);
    expect(() => binomialConfidenceInterval(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rejects non-numbers with a TypeError', () => {
    expect(() => binomialConfidenceInterval('3' as unknown as number, 30)).toThrow(TypeError);
    expect(() => binomialConfidenceInterval(3, null as unknown as number)).toThrow(TypeError);
    expect(() => binomialConfidenceInterval(3, 30, null as never)).toThrow(TypeError);
  });

  it('rejects a confidence level outside (0, 1) and an unknown method, naming them', () => {
    for (const confLevel of [0, 1, 95, -0.5]) {
      expect(() => binomialConfidenceInterval(3, 30, { confLevel })).toThrow(RangeError);
      expect(() => binomialConfidenceInterval(3, 30, { confLevel })).toThrow(
        new RegExp(`confLevel must be in \\(0, 1\\)\\. Value: ${confLevel}`),
      );
    }
    expect(() =>
      defined(binomialConfidenceInterval(3, 30, { method: 'wald' as BinomialIntervalMethod })),
    ).toThrow(/method must be one of .*Value: "wald"/);
  });

  it('returns plain JSON data', () => {
    const r = defined(binomialConfidenceInterval(3, 30, { method: 'jeffreys' }));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(Object.keys(r).sort()).toEqual(['confLevel', 'estimate', 'lower', 'method', 'upper']);
  });
});

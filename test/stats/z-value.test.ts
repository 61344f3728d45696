import { describe, expect, it } from 'vitest';
import { binomialConfidenceInterval } from '../../src/stats/binomial-confidence-interval.js';
import { zValue } from '../../src/stats/z-value.js';
import { kaplanMeier } from '../../src/survival/kaplan-meier.js';
import { expectClose } from '../_helpers/close.js';

// The shared z of the binomial intervals and the survival limits (issue 13: it was computed in
// survival/_internal and again inline in binomial-confidence-interval.ts). Reference values from
// R 4.2.2: sprintf("%.17g", qnorm(1 - (1 - cl) / 2)) and sprintf("%.17g", -qnorm((1 - cl) / 2)).
const R: readonly { confLevel: number; upper: number; tail: number }[] = [
  { confLevel: 0.5, upper: 0.67448975019608171, tail: 0.67448975019608171 },
  { confLevel: 0.8, upper: 1.2815515655446008, tail: 1.2815515655446008 },
  { confLevel: 0.9, upper: 1.6448536269514715, tail: 1.6448536269514726 },
  { confLevel: 0.95, upper: 1.9599639845400536, tail: 1.9599639845400536 },
  { confLevel: 0.99, upper: 2.5758293035488999, tail: 2.5758293035488999 },
  { confLevel: 0.999, upper: 3.2905267314919255, tail: 3.2905267314918945 },
  { confLevel: 0.999999, upper: 4.8916384756710842, tail: 4.8916384756929316 },
];

describe('zValue', () => {
  it("equals R's -qnorm((1 - confLevel) / 2) and its qnorm(1 - (1 - confLevel) / 2)", () => {
    for (const { confLevel, upper, tail } of R) {
      expectClose(zValue(confLevel), tail, { rel: 1e-15, label: `tail ${confLevel}` });
      // R's survfit_confint rounds 1 - tail first: the same z to 5e-12 even at 0.999999.
      expectClose(zValue(confLevel), upper, { rel: 1e-11, label: `1 - tail ${confLevel}` });
    }
  });

  it('stays finite for a level within an ulp of 1, where qnorm(1 - tail) is infinite', () => {
    // R: -qnorm((1 - 0.9999999999999999) / 2) is 8.2923610758135951; qnorm(1 - ...) is Inf.
    expectClose(zValue(0.9999999999999999), 8.2923610758135951, { rel: 1e-13 });
  });

  it("is the z of binomialConfidenceInterval's Wilson interval", () => {
    // prop.test's score interval at x = n / 2 is 1/2 -/+ z / (2 sqrt(n + z^2)).
    const n = 40;
    for (const confLevel of [0.8, 0.9, 0.95, 0.999]) {
      const z = zValue(confLevel);
      const r = binomialConfidenceInterval(20, n, { method: 'wilson', confLevel });
      const half = z / (2 * Math.sqrt(n + z * z));
      expect(r.lower).not.toBeNull();
      expectClose(r.lower, 0.5 - half, { rel: 1e-14, label: `lower ${confLevel}` });
      expectClose(r.upper, 0.5 + half, { rel: 1e-14, label: `upper ${confLevel}` });
    }
  });

  it("gives kaplanMeier finite limits within an ulp of 1, where R's survfit has z = Inf", () => {
    // issue 13: survival computed qnorm(1 - tail) (R's survfit_confint), infinite here, so the
    // log limits were [0, 1]; docs/limits.md promises finite limits at every level in (0, 1).
    const confLevel = 0.9999999999999999;
    const fit = kaplanMeier({ time: [1, 2, 3, 4, 5, 6], event: [1, 0, 1, 1, 0, 1] }, { confLevel });
    const z = 8.2923610758135951; // R: -qnorm((1 - 0.9999999999999999) / 2)
    for (let i = 0; i < 5; i++) {
      const s = fit.survival[i]!;
      const se = fit.stdErr[i]!;
      expect(fit.lower[i]).toBeGreaterThan(0);
      expectClose(fit.lower[i], Math.exp(Math.log(s) - z * se), { rel: 1e-12, label: `${i}` });
    }
  });
});

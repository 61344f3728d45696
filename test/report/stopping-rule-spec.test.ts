import { describe, expect, it } from 'vitest';
import { bayesianToxicityBoundary } from '../../src/monitoring/bayesian-toxicity-boundary.js';
import { toxicityBoundary } from '../../src/monitoring/toxicity-boundary.js';
import { stoppingRuleFromSpec } from '../../src/report/stopping-rule-spec.js';

const looks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('stoppingRuleFromSpec', () => {
  it('reads the Pocock, O-Brien-Fleming and Bayesian forms into the library rules', () => {
    const pocock = stoppingRuleFromSpec('pocock:0.1,0.3,40');
    expect(pocock.maxAllowed).toEqual(
      toxicityBoundary({ acceptableRate: 0.1, unacceptableRate: 0.3, looks: looks(40) }).lower
        .boundary,
    );
    expect(pocock.rates).toEqual([0.1, 0.3]);
    const obf = stoppingRuleFromSpec('obf:0.1,0.3,40');
    expect(obf.maxAllowed).toEqual(
      toxicityBoundary({ acceptableRate: 0.1, unacceptableRate: 0.3, looks: looks(40), delta: 0.5 })
        .lower.boundary,
    );
    const bayes = stoppingRuleFromSpec('bayes:0.3,0.95,30');
    expect(bayes.maxAllowed).toEqual(
      bayesianToxicityBoundary({
        maxAcceptableRate: 0.3,
        posteriorThreshold: 0.95,
        looks: looks(30),
      }).maxAllowed,
    );
    expect(bayes.description).toMatch(/Thall, Simon & Estey/);
  });

  it('rejects anything else, quoting it', () => {
    expect(() => stoppingRuleFromSpec('pocock:0.1,0.3')).toThrow(
      /pocock:P0,P1,N.*"pocock:0.1,0.3"/,
    );
    expect(() => stoppingRuleFromSpec('simon:1,2,3')).toThrow(RangeError);
    expect(() => stoppingRuleFromSpec('pocock:x,0.3,40')).toThrow(RangeError);
    expect(() => stoppingRuleFromSpec('pocock:0.3,0.1,40')).toThrow(RangeError);
  });

  // issue 11 item 11: N = 20,000 ran past 60 s, N = 1e11 failed with "Invalid array length".
  it('refuses N above 1,000 at once, naming the rule; N = 1,000 works', () => {
    for (const spec of [
      'pocock:0.1,0.3,20000',
      'bayes:0.3,0.95,20000',
      'obf:0.1,0.3,100000000000',
    ]) {
      const start = performance.now();
      expect(() => stoppingRuleFromSpec(spec)).toThrow(
        `rule N must be at most 1000 patients (a look after each; docs/limits.md). Value: "${spec}".`,
      );
      expect(performance.now() - start).toBeLessThan(100);
    }
    expect(() => stoppingRuleFromSpec('pocock:0.1,0.3,1001')).toThrow(RangeError);
    expect(stoppingRuleFromSpec('bayes:0.3,0.95,1000').looks).toHaveLength(1000);
  }, 30_000);

  // issue 11 item 15: a rule with surrounding white space was stored raw in report.json.
  it('stores the rule without surrounding white space', () => {
    const rule = stoppingRuleFromSpec('  pocock:0.1,0.3,40\t\n');
    expect(rule.spec).toBe('pocock:0.1,0.3,40');
    expect(stoppingRuleFromSpec(' bayes:0.3,0.95,30 ').spec).toBe('bayes:0.3,0.95,30');
    expect(rule.maxAllowed).toEqual(stoppingRuleFromSpec('pocock:0.1,0.3,40').maxAllowed);
  });
});

import { describe, expect, it } from 'vitest';
import { bayesianToxicityBoundary } from '../../src/monitoring/bayesian-toxicity-boundary.js';
import { toxicityBoundary } from '../../src/monitoring/toxicity-boundary.js';
import { stoppingRuleFromSpec } from '../../src/report/stopping-rule-spec.js';

const looks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('stoppingRuleFromSpec', () => {
  it('reads the Pocock, O-Brien-Fleming and Bayesian forms into the library rules', () => {
    const pocock = stoppingRuleFromSpec('pocock:0.1,0.3,40');
    expect(pocock.maxAllowed).toEqual(
      toxicityBoundary({ pLow: 0.1, pHigh: 0.3, looks: looks(40) }).lower.boundary,
    );
    expect(pocock.rates).toEqual([0.1, 0.3]);
    const obf = stoppingRuleFromSpec('obf:0.1,0.3,40');
    expect(obf.maxAllowed).toEqual(
      toxicityBoundary({ pLow: 0.1, pHigh: 0.3, looks: looks(40), delta: 0.5 }).lower.boundary,
    );
    const bayes = stoppingRuleFromSpec('bayes:0.3,0.95,30');
    expect(bayes.maxAllowed).toEqual(
      bayesianToxicityBoundary({ maxRate: 0.3, threshold: 0.95, looks: looks(30) }).maxAllowed,
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
});

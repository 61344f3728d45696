import { describe, expect, it } from 'vitest';
import { assertRatePair } from '../../src/monitoring/assert-rate-pair.js';

describe('assertRatePair', () => {
  it('passes two rates in (0, 1) in increasing order', () => {
    expect(() => assertRatePair('p0', 0.1, 'p1', 0.3)).not.toThrow();
  });

  it('names both rates when they are out of order or out of range', () => {
    expect(() => assertRatePair('pLow', 0.3, 'pHigh', 0.3)).toThrow(
      /pLow must be < pHigh\. Value: pLow = 0\.3, pHigh = 0\.3/,
    );
    expect(() => assertRatePair('p0', 0, 'p1', 0.3)).toThrow(/p0 must be in \(0, 1\)/);
    expect(() => assertRatePair('p0', 0.1, 'p1', '0.3')).toThrow(TypeError);
  });
});

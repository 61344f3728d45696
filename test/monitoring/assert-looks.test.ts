import { describe, expect, it } from 'vitest';
import { assertLooks } from '../../src/monitoring/assert-looks.js';

describe('assertLooks', () => {
  it('accepts strictly increasing positive integers', () => {
    expect(() => assertLooks('looks', [1, 2, 10])).not.toThrow();
  });

  it('rejects looks that do not increase, naming the argument and the values', () => {
    expect(() => assertLooks('looks', [10, 10, 20])).toThrow(RangeError);
    expect(() => assertLooks('looks', [10, 10, 20])).toThrow(/looks\[1\] = 10/);
    expect(() => assertLooks('looks', [20, 10])).toThrow(/strictly increasing/);
  });

  it('rejects zero, fractions, non-arrays and too-short arrays', () => {
    expect(() => assertLooks('looks', [0, 5])).toThrow(/looks\[0\].*Value: 0/);
    expect(() => assertLooks('looks', [2.5])).toThrow(RangeError);
    expect(() => assertLooks('looks', 5)).toThrow(TypeError);
    expect(() => assertLooks('looks', [5], 2)).toThrow(/at least 2 looks/);
    expect(() => assertLooks('looks', [])).toThrow(RangeError);
  });
});

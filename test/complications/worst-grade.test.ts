import { describe, expect, it } from 'vitest';
import { worstGrade } from '../../src/complications/worst-grade.js';
import { CLAVIEN_DINDO_GRADES, type Complication } from '../../src/model/types.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';

const at = (grade: Complication['grade']): Complication => ({ date: '2024-01-12', grade });

describe('worstGrade', () => {
  it('is null without complications', () => {
    expect(worstGrade([])).toBeNull();
  });

  it('is the highest grade in the Clavien-Dindo order, whatever the input order', () => {
    const input = deepFreeze([at('II'), at('IVa'), at('I'), at('IIIb')]);
    expect(worstGrade(input)).toBe('IVa');
    expect(worstGrade([at('IIIb'), at('IIIa')])).toBe('IIIb');
    // A grade III without its sub-grade is at least IIIa and possibly IIIb.
    expect(worstGrade([at('IIIa'), at('III')])).toBe('III');
    expect(worstGrade([at('III'), at('IIIb')])).toBe('IIIb');
  });

  it('is V when the patient died of a complication', () => {
    expect(worstGrade(deepFreeze([at('IVb'), at('V'), at('I')]))).toBe('V');
  });

  it('is the grade itself for a single complication of each grade', () => {
    for (const g of CLAVIEN_DINDO_GRADES) expect(worstGrade([at(g)])).toBe(g);
  });

  it('rejects bad input, naming the element', () => {
    expect(() => worstGrade(null as never)).toThrow(/^complications must be an array/);
    expect(() => worstGrade([at('I'), null as never])).toThrow(
      /^complications\[1\] must be an object/,
    );
    expect(() => worstGrade([at('I'), at('IVc' as never)])).toThrow(
      /^complications\[1\]\.grade must be one of.*"IVc"/,
    );
  });
});

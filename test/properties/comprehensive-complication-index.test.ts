import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { comprehensiveComplicationIndex } from '../../src/complications/comprehensive-complication-index.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade } from '../../src/model/types.js';
import { PARAMS, TIMEOUT } from './_config.js';

// Grades with a known sub-grade (the CCI of a grade III or IV without one is tested below).
const known = CLAVIEN_DINDO_GRADES.filter((g) => g !== 'III' && g !== 'IV');
const grade = fc.constantFrom<ClavienDindoGrade>(...known);
const nonFatal = fc.constantFrom<ClavienDindoGrade>(...known.filter((g) => g !== 'V'));
const cci = (grades: readonly ClavienDindoGrade[]): number => {
  const value = comprehensiveComplicationIndex(grades);
  if (value === null) throw new Error(`CCI of ${grades.join(', ')} is null`);
  return value;
};

describe('comprehensiveComplicationIndex', () => {
  test.prop([fc.array(grade, { maxLength: 12 }), grade, fc.nat()], PARAMS)(
    'adding a complication never lowers the CCI, and raises it strictly while below 100',
    (grades, added, at) => {
      const before = cci(grades);
      const withAdded = [...grades];
      withAdded.splice(at % (grades.length + 1), 0, added);
      const after = cci(withAdded);
      expect(before).toBeGreaterThanOrEqual(0);
      expect(after).toBeLessThanOrEqual(100);
      expect(after).toBeGreaterThanOrEqual(before);
      if (before < 100) expect(after).toBeGreaterThan(before);
    },
    TIMEOUT,
  );

  test.prop([fc.array(nonFatal, { maxLength: 12 }), fc.nat()], PARAMS)(
    'does not depend on the order of the complications, and is 100 with a grade V',
    (grades, k) => {
      const rotated = [
        ...grades.slice(k % (grades.length + 1)),
        ...grades.slice(0, k % (grades.length + 1)),
      ];
      expect(comprehensiveComplicationIndex(rotated)).toBe(comprehensiveComplicationIndex(grades));
      expect(comprehensiveComplicationIndex([...grades, 'V'])).toBe(100);
    },
    TIMEOUT,
  );

  test.prop([fc.array(nonFatal, { maxLength: 8 }), fc.constantFrom('III', 'IV' as const)], PARAMS)(
    'a grade without its sub-grade gives the CCI only when both sub-grades would give it',
    (grades, unknown) => {
      const withA = cci([...grades, `${unknown}a` as ClavienDindoGrade]);
      const withB = cci([...grades, `${unknown}b` as ClavienDindoGrade]);
      const value = comprehensiveComplicationIndex([...grades, unknown]);
      if (withA === withB) expect(value).toBe(withA);
      else expect(value).toBeNull();
      expect(comprehensiveComplicationIndex([...grades, unknown, 'V'])).toBe(100);
    },
    TIMEOUT,
  );
});

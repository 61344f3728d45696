import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { comprehensiveComplicationIndex } from '../../src/complications/comprehensive-complication-index.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade } from '../../src/model/types.js';
import { PARAMS, TIMEOUT } from './_config.js';

const grade = fc.constantFrom<ClavienDindoGrade>(...CLAVIEN_DINDO_GRADES);
const nonFatal = fc.constantFrom<ClavienDindoGrade>(
  ...CLAVIEN_DINDO_GRADES.filter((g) => g !== 'V'),
);

describe('comprehensiveComplicationIndex', () => {
  test.prop([fc.array(grade, { maxLength: 12 }), grade, fc.nat()], PARAMS)(
    'adding a complication never lowers the CCI, and raises it strictly while below 100',
    (grades, added, at) => {
      const before = comprehensiveComplicationIndex(grades);
      const withAdded = [...grades];
      withAdded.splice(at % (grades.length + 1), 0, added);
      const after = comprehensiveComplicationIndex(withAdded);
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
});

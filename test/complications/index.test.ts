import { describe, expect, it } from 'vitest';
import * as area from '../../src/complications/index.js';

describe('complications barrel', () => {
  it('exports the public API of the area', () => {
    expect(Object.keys(area).sort()).toEqual([
      'CCI_WEIGHTS',
      'compareGrades',
      'complicationSummary',
      'complicationsWithin',
      'comprehensiveComplicationIndex',
      'deathInWindow',
      'isMajorComplication',
      'parseClavienDindoGrade',
      'worstGrade',
    ]);
    for (const [name, value] of Object.entries(area)) {
      if (name !== 'CCI_WEIGHTS') expect(typeof value, name).toBe('function');
    }
  });
});

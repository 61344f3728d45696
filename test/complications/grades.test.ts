import { describe, expect, it } from 'vitest';
import {
  compareGrades,
  isMajorComplication,
  parseClavienDindoGrade,
} from '../../src/complications/grades.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade } from '../../src/model/types.js';

describe('compareGrades', () => {
  it('orders I < II < IIIa < IIIb < IVa < IVb < V', () => {
    for (let i = 0; i < CLAVIEN_DINDO_GRADES.length; i++) {
      for (let j = 0; j < CLAVIEN_DINDO_GRADES.length; j++) {
        const c = compareGrades(CLAVIEN_DINDO_GRADES[i]!, CLAVIEN_DINDO_GRADES[j]!);
        expect(Math.sign(c)).toBe(Math.sign(i - j));
      }
    }
  });

  it('sorts grades as a comparator, without touching a frozen input', () => {
    const input = Object.freeze([
      'V',
      'IIIb',
      'IV',
      'I',
      'IVa',
      'III',
      'II',
      'IVb',
      'IIIa',
    ] as const);
    expect([...input].sort(compareGrades)).toEqual([...CLAVIEN_DINDO_GRADES]);
  });

  it('rejects a non-grade, naming the argument', () => {
    expect(() => compareGrades('3a' as ClavienDindoGrade, 'I')).toThrow(/^a must be one of/);
    expect(() => compareGrades('I', 'IVc' as ClavienDindoGrade)).toThrow(
      /^b must be one of.*"IVc"/,
    );
  });
});

describe('isMajorComplication', () => {
  it('splits minor I-II from major IIIa-V by default', () => {
    const major = CLAVIEN_DINDO_GRADES.filter((g) => isMajorComplication(g));
    expect(major).toEqual(['IIIa', 'III', 'IIIb', 'IVa', 'IV', 'IVb', 'V']);
  });

  it('counts a grade without its sub-grade as major when its worse sub-grade would be', () => {
    expect(isMajorComplication('III', { majorThreshold: 'IIIb' })).toBe(true);
    expect(isMajorComplication('III', { majorThreshold: 'IVa' })).toBe(false);
    expect(isMajorComplication('IV', { majorThreshold: 'IVb' })).toBe(true);
    expect(isMajorComplication('IV', { majorThreshold: 'V' })).toBe(false);
  });

  it('honours another threshold', () => {
    expect(isMajorComplication('IIIa', { majorThreshold: 'IIIb' })).toBe(false);
    expect(isMajorComplication('IIIb', { majorThreshold: 'IIIb' })).toBe(true);
    expect(isMajorComplication('I', { majorThreshold: 'I' })).toBe(true);
    expect(isMajorComplication('IVb', { majorThreshold: 'V' })).toBe(false);
  });

  it('rejects a bad grade or threshold', () => {
    expect(() => isMajorComplication('3' as ClavienDindoGrade)).toThrow(/^grade must be one of/);
    expect(() => isMajorComplication('I', { majorThreshold: 'IIIc' as ClavienDindoGrade })).toThrow(
      /^options\.majorThreshold must be one of.*"IIIc"/,
    );
    expect(() => isMajorComplication('I', null as never)).toThrow(TypeError);
  });
});

describe('parseClavienDindoGrade', () => {
  const accepted: readonly [string, ClavienDindoGrade, boolean][] = [
    // Roman
    ['I', 'I', false],
    ['II', 'II', false],
    ['IIIa', 'IIIa', false],
    ['IIIb', 'IIIb', false],
    ['IVa', 'IVa', false],
    ['IVb', 'IVb', false],
    ['V', 'V', false],
    // Arabic
    ['1', 'I', false],
    ['2', 'II', false],
    ['3a', 'IIIa', false],
    ['3b', 'IIIb', false],
    ['4a', 'IVa', false],
    ['4b', 'IVb', false],
    ['5', 'V', false],
    // "Grade" prefix, any case, with or without a space
    ['Grade IIIb', 'IIIb', false],
    ['grade 3a', 'IIIa', false],
    ['GRADE V', 'V', false],
    ['GradeII', 'II', false],
    // sub-grade separators
    ['IV-a', 'IVa', false],
    ['IV-b', 'IVb', false],
    ['III-a', 'IIIa', false],
    ['III b', 'IIIb', false],
    ['4-b', 'IVb', false],
    ['3 a', 'IIIa', false],
    // letter case
    ['iiia', 'IIIa', false],
    ['IVA', 'IVa', false],
    ['ii', 'II', false],
    // the suffix d
    ['Id', 'I', true],
    ['IId', 'II', true],
    ['1d', 'I', true],
    ['2d', 'II', true],
    ['IIIad', 'IIIa', true],
    ['IIIb-d', 'IIIb', true],
    ['3b d', 'IIIb', true],
    ['IV-a-d', 'IVa', true],
    ['4bd', 'IVb', true],
    ['Grade Id', 'I', true],
    ['ID', 'I', true],
    // surrounding whitespace
    ['  IIIb  ', 'IIIb', false],
    ['\tGrade 2\n', 'II', false],
    // Sub-grade not recorded: a grade of its own, still major.
    ['III', 'III', false],
    ['3', 'III', false],
    ['Grade 3', 'III', false],
    ['IV', 'IV', false],
    ['4', 'IV', false],
    ['IIId', 'III', true],
    ['4d', 'IV', true],
  ];

  for (const [text, grade, persistsAtDischarge] of accepted) {
    it(`reads ${JSON.stringify(text)} as ${grade}${persistsAtDischarge ? ' with d' : ''}`, () => {
      expect(parseClavienDindoGrade(text)).toEqual({ grade, persistsAtDischarge });
    });
  }

  const rejected: readonly [string, RegExp][] = [
    ['', /Clavien-Dindo grade\. Accepted:/],
    ['   ', /Clavien-Dindo grade\. Accepted:/],
    ['Ia', /grade I has no sub-grade/],
    ['IIb', /grade II has no sub-grade/],
    ['2a', /grade II has no sub-grade/],
    ['Va', /grade V has no sub-grade/],
    ['Vd', /grade V, death, takes no suffix "d"/],
    ['5d', /grade V, death, takes no suffix "d"/],
    ['0', /Accepted:/],
    ['6', /Accepted:/],
    ['VI', /Accepted:/],
    ['IIII', /Accepted:/],
    ['IIIc', /Accepted:/],
    ['3c', /Accepted:/],
    ['IIIab', /Accepted:/],
    ['Grade', /Accepted:/],
    ['Clavien IIIa', /Accepted:/],
    ['IIIa (major)', /Accepted:/],
    ['III/a', /Accepted:/],
    ['3.a', /Accepted:/],
    ['IV--a', /Accepted:/],
    ['dd', /Accepted:/],
    ['Idd', /Accepted:/],
    ['none', /Accepted:/],
  ];

  for (const [text, message] of rejected) {
    it(`rejects ${JSON.stringify(text)} with a RangeError listing the accepted forms`, () => {
      expect(() => parseClavienDindoGrade(text)).toThrow(RangeError);
      expect(() => parseClavienDindoGrade(text)).toThrow(message);
      expect(() => parseClavienDindoGrade(text)).toThrow(`Value: ${JSON.stringify(text)}.`);
      expect(() => parseClavienDindoGrade(text)).toThrow(/IIIa, III-a, III a/);
    });
  }

  it('rejects a non-string with a TypeError naming text', () => {
    expect(() => parseClavienDindoGrade(3 as unknown as string)).toThrow(TypeError);
    expect(() => parseClavienDindoGrade(null as unknown as string)).toThrow(
      /^text must be a string.*Value: null/,
    );
  });

  it('round-trips every grade', () => {
    for (const g of CLAVIEN_DINDO_GRADES) expect(parseClavienDindoGrade(g).grade).toBe(g);
  });
});

import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/complications.json';
import {
  CCI_WEIGHTS,
  comprehensiveComplicationIndex,
} from '../../src/complications/comprehensive-complication-index.js';
import type { ClavienDindoGrade } from '../../src/model/types.js';
import { expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';

const oneDecimal = (x: number | null): number | null =>
  x === null ? null : Math.round(x * 10) / 10;

describe('CCI_WEIGHTS', () => {
  it('is the Slankamenac 2013 weights table', () => {
    expect(CCI_WEIGHTS).toEqual({
      I: 300,
      II: 1750,
      IIIa: 2750,
      IIIb: 4550,
      IVa: 7200,
      IVb: 8550,
    });
    expect(CCI_WEIGHTS).toEqual(fixture.cciWeights);
    expect(Object.isFrozen(CCI_WEIGHTS)).toBe(true);
  });
});

describe('comprehensiveComplicationIndex', () => {
  // Published values (Slankamenac 2013, www.assessurgery.com), one decimal.
  const known: readonly [ClavienDindoGrade[], number][] = [
    [['I'], 8.7],
    [['II'], 20.9],
    [['IIIa'], 26.2],
    [['IIIb'], 33.7],
    [['IVa'], 42.4],
    [['IVb'], 46.2],
    [['I', 'I', 'I'], 15.0],
    [['I', 'II'], 22.6],
    [['I', 'IIIa', 'IIIb'], 43.6],
    [['IVa', 'IVb'], 62.7],
    [['IVb', 'IVb', 'IVb', 'IVb', 'IVb'], 100],
  ];
  for (const [grades, value] of known) {
    it(`gives ${value} for ${grades.join(' + ')}`, () => {
      expectClose(oneDecimal(comprehensiveComplicationIndex(grades)), value);
    });
  }

  it('matches R on every fixture set, unrounded', () => {
    expect(fixture.cci.length).toBeGreaterThan(10);
    for (const c of fixture.cci) {
      expectClose(comprehensiveComplicationIndex(c.grades as ClavienDindoGrade[]), c.cci, {
        label: c.grades.join('+'),
      });
    }
  });

  it('is 0 without complications', () => {
    expect(comprehensiveComplicationIndex([])).toBe(0);
  });

  it('is 100 with any grade V, whatever else', () => {
    expect(comprehensiveComplicationIndex(['V'])).toBe(100);
    expect(comprehensiveComplicationIndex(['I', 'V', 'II'])).toBe(100);
  });

  it('caps the sum at 100 (five grade IVb exceed it, four do not)', () => {
    expect(Math.sqrt(5 * 8550) / 2).toBeGreaterThan(100);
    expect(comprehensiveComplicationIndex(['IVb', 'IVb', 'IVb', 'IVb', 'IVb'])).toBe(100);
    expect(comprehensiveComplicationIndex(['IVb', 'IVb', 'IVb', 'IVb'])).toBeLessThan(100);
  });

  it('is not rounded', () => {
    expectClose(comprehensiveComplicationIndex(['I']), Math.sqrt(300) / 2);
    expect(comprehensiveComplicationIndex(['I'])).not.toBe(8.7);
  });

  it('does not mutate a frozen input', () => {
    const grades = deepFreeze(['IIIb', 'I'] as ClavienDindoGrade[]);
    expectClose(comprehensiveComplicationIndex(grades), Math.sqrt(4850) / 2);
    expect(grades).toEqual(['IIIb', 'I']);
  });

  it('rejects bad input, naming the element', () => {
    expect(() => comprehensiveComplicationIndex('I' as never)).toThrow(TypeError);
    expect(() => comprehensiveComplicationIndex(['I', 'Id' as never])).toThrow(
      /^grades\[1\] must be one of.*"Id"/,
    );
    // issue 11 item 14: forEach skipped the hole, so the index was computed without it.
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    expect(() => comprehensiveComplicationIndex(['IIIb', , 'II'] as never)).toThrow(
      /^grades\[1\] must be given: grades is a sparse array/,
    );
  });
});

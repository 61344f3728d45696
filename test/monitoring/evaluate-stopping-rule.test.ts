import { describe, expect, it } from 'vitest';
import { bayesianToxicityBoundary } from '../../src/monitoring/bayesian-toxicity-boundary.js';
import { evaluateStoppingRule } from '../../src/monitoring/evaluate-stopping-rule.js';
import { sprtBoundary } from '../../src/monitoring/sprt-boundary.js';
import { toxicityBoundary } from '../../src/monitoring/toxicity-boundary.js';
import { expectClose } from '../_helpers/close.js';

/** `events` events (first) among `n` outcomes. */
const outcomes = (n: number, events: number, eventsFirst = true): boolean[] =>
  Array.from({ length: n }, (_, i) => (eventsFirst ? i < events : i >= n - events));

describe('evaluateStoppingRule', () => {
  const rule = { looks: [10, 20, 30, 40], maxAllowed: [3, 5, 7, 8] };

  it('stops at the first look whose events exceed maxAllowed, reporting the boundary', () => {
    const e = evaluateStoppingRule(rule, outcomes(25, 6, false));
    // 6 events in patients 20..25: none by 10, 1 by 20 (patient 20), 6 only at 25 (no look).
    expect(e.decision).toBe('continue');
    expect(e.nextLook).toBe(30);
    expect(e.patients).toBe(25);
    expect(e.events).toBe(6);

    const s = evaluateStoppingRule(rule, outcomes(25, 4));
    expect(s).toEqual({
      decision: 'stop',
      crossed: 'upper',
      look: 1,
      patients: 10,
      events: 4,
      boundary: 3,
      nextLook: null,
      completed: false,
      ignored: 15,
    });
  });

  it('does not stop when events equal the boundary, and completes after the last look', () => {
    const atBoundary = evaluateStoppingRule(rule, outcomes(10, 3));
    expect(atBoundary.decision).toBe('continue');
    expect(atBoundary.nextLook).toBe(20);
    const done = evaluateStoppingRule(rule, [...outcomes(40, 8, false), true, true]);
    expect(done).toMatchObject({ decision: 'continue', completed: true, patients: 40, events: 8 });
    expect(done.ignored).toBe(2);
  });

  it('uses the lower (clinfun lo.bdry) boundary of a toxicityBoundary result', () => {
    const tb = toxicityBoundary({
      acceptableRate: 0.2,
      unacceptableRate: 0.35,
      looks: [20, 40, 60, 75],
    });
    // 21 events in 75 exceed the lower final boundary 20 but not the upper 21.
    const o = [...outcomes(60, 17, false), ...outcomes(15, 4)];
    const e = evaluateStoppingRule(tb, o);
    expect(e).toMatchObject({ decision: 'stop', look: 4, events: 21, boundary: 20 });
    const upper = evaluateStoppingRule({ looks: tb.looks, maxAllowed: tb.upper.boundary }, o);
    expect(upper).toMatchObject({ decision: 'continue', completed: true });
  });

  it('applies a Bayesian boundary through its maxAllowed (stop at stopAt events)', () => {
    const looks = Array.from({ length: 28 }, (_, i) => i + 3);
    const b = bayesianToxicityBoundary({ maxAcceptableRate: 0.3, posteriorThreshold: 0.95, looks });
    // Events in the last patients: 1, 2, 3, 4 events at n = 5..8, where stopAt is 4, 4, 5, 5.
    const e = evaluateStoppingRule(b, outcomes(9, 4, false));
    expect(e).toMatchObject({ decision: 'continue', nextLook: 10, events: 4 });
    // 5 events at n = 9 reach stopAt = 5 (look 7: n = 3..9), i.e. exceed maxAllowed = 4.
    const s = evaluateStoppingRule(b, outcomes(9, 5, false));
    expect(s).toMatchObject({ decision: 'stop', look: 7, patients: 9, events: 5, boundary: 4 });
  });

  it('checks the SPRT after every patient, on both lines', () => {
    const sprt = sprtBoundary({
      acceptableRate: 0.1,
      unacceptableRate: 0.3,
      alpha: 0.05,
      beta: 0.2,
    });
    const up = evaluateStoppingRule(sprt, [true, true, true]);
    // 3 >= 2.053881 + 0.186169 * 3 = 2.61
    expect(up).toMatchObject({ decision: 'stop', crossed: 'upper', look: 3, events: 3 });
    expectClose(up.boundary, sprt.upperIntercept + 3 * sprt.slope, { rel: 1e-15 });
    // 0 events: 0 <= -1.154244 + 0.186169 n first at n = 7 (-1.154 + 1.303 = 0.149 >= 0).
    const down = evaluateStoppingRule(sprt, outcomes(10, 0));
    expect(down).toMatchObject({ decision: 'stop', crossed: 'lower', look: 7, events: 0 });
    const open = evaluateStoppingRule(sprt, [true, false, false]);
    expect(open).toMatchObject({ decision: 'continue', nextLook: 4, completed: false });
  });

  it('applies a Simon design as a futility rule on responses', () => {
    const design = { r1: 1, n1: 10, r: 5, n: 29 };
    expect(evaluateStoppingRule(design, outcomes(10, 1))).toMatchObject({
      decision: 'stop',
      crossed: 'lower',
      look: 1,
      boundary: 1,
    });
    expect(evaluateStoppingRule(design, outcomes(12, 2))).toMatchObject({
      decision: 'continue',
      nextLook: 29,
    });
    expect(evaluateStoppingRule(design, outcomes(29, 5))).toMatchObject({
      decision: 'stop',
      look: 2,
      boundary: 5,
    });
    expect(evaluateStoppingRule(design, outcomes(29, 6))).toMatchObject({
      decision: 'continue',
      completed: true,
    });
  });

  it('rejects unknown rules and non-boolean outcomes naming them', () => {
    expect(() => evaluateStoppingRule({ foo: 1 } as never, [])).toThrow(TypeError);
    expect(() => evaluateStoppingRule({ foo: 1 } as never, [])).toThrow(/rule must be/);
    expect(() => evaluateStoppingRule(rule, [true, 1 as never])).toThrow(/outcomes\[1\].*Value: 1/);
    expect(() => evaluateStoppingRule({ looks: [10, 5], maxAllowed: [1, 2] }, [])).toThrow(
      RangeError,
    );
    expect(() => evaluateStoppingRule({ looks: [5, 10], maxAllowed: [1] }, [])).toThrow(
      /rule.maxAllowed must have one entry per look/,
    );
  });
});

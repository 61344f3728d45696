import { describe, expect, it } from 'vitest';
import { medianFollowUp } from '../../src/survival/index.js';
import { expectClose } from '../_helpers/close.js';
import { fixture, rowsOf, TOL } from './_fixture.js';

describe('medianFollowUp against R quantile(survfit(Surv(time, 1 - event) ~ 1), 0.5)', () => {
  for (const [name, ref] of Object.entries(fixture.reverseKm)) {
    it(name, () => {
      const r = medianFollowUp(rowsOf(ref.data));
      expectClose(r.estimate, ref.estimate, TOL);
      expectClose(r.lower, ref.lower, TOL);
      expectClose(r.upper, ref.upper, TOL);
    });
  }

  it('all events: follow-up never completes, so the median is null', () => {
    expect(medianFollowUp({ time: [1, 2, 3], event: [1, 1, 1] }).estimate).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => medianFollowUp([{ time: -2, event: 0 }])).toThrow(RangeError);
  });
});

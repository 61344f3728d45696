import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/psa.json' with { type: 'json' };
import { psaVelocity } from '../../src/psa/psa-velocity.js';
import { expectClose } from '../_helpers/close.js';

describe('psaVelocity', () => {
  it.each(fixture.regression.map((c, i) => [i, c] as const))(
    'matches lm(psa ~ years) on seeded series %i',
    (_, c) => {
      const input = c.dates.map((date, i) => ({ date, value: c.values[i] as number }));
      const result = psaVelocity(input, { minSpanDays: 0, minValue: 0 });
      expect(result.status).toBe('ok');
      expectClose(result.velocityPerYear, c.velocityPerYear, { rel: 1e-9, abs: 1e-12 });
      expectClose(result.rSquared, c.linearRSquared, { rel: 1e-9, abs: 1e-12 });
    },
  );

  it('needs two values by default and reports insufficient otherwise', () => {
    const one = psaVelocity([{ date: '2024-01-01', value: 1 }]);
    expect(one).toMatchObject({ status: 'insufficient', velocityPerYear: null, n: 1 });
    const two = psaVelocity([
      { date: '2023-01-01', value: 1 },
      { date: '2024-01-01', value: 2 },
    ]);
    expectClose(two.velocityPerYear, 365.25 / 365, { rel: 1e-12 });
  });
});

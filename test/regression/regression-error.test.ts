import { describe, expect, it } from 'vitest';
import { SlndStatsError } from '../../src/errors.js';
import { logisticRegression, RegressionError } from '../../src/regression/index.js';

describe('RegressionError', () => {
  it('is a SlndStatsError with a stable code, its name and the covariates concerned', () => {
    let error: unknown;
    try {
      logisticRegression({
        outcome: [0, 1, 0, 1, 1, 0],
        covariates: { psa: [1, 2, 3, 4, 5, 6], grade: [2, 2, 2, 2, 2, 2] },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SlndStatsError);
    expect(error).toBeInstanceOf(RegressionError);
    const e = error as RegressionError;
    expect(e.name).toBe('RegressionError');
    expect(e.code).toBe('REGRESSION_CONSTANT_COVARIATE');
    expect(e.variables).toEqual(['grade']);
    expect(e.separation).toBe(false);
  });

  it('marks separation', () => {
    const e = new RegressionError('REGRESSION_SEPARATION', 'separated', ['rt']);
    expect(e.separation).toBe(true);
    expect(e.message).toBe('separated');
  });
});

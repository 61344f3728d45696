import { describe, it } from 'vitest';
import fixture from '../../fixtures/distributions.json';
import { logGamma } from '../../src/stats/log-gamma.js';
import { expectClose } from '../_helpers/close.js';

describe('logGamma', () => {
  it(`equals R's lgamma on ${fixture.lgamma.length} points from 1e-8 to 1e6`, () => {
    for (const { x, value } of fixture.lgamma) {
      // Absolute near the zeros at 1 and 2, relative elsewhere.
      expectClose(logGamma(x), value, { rel: 1e-14, abs: 1e-14, label: `${x}` });
    }
  });
});

import { describe, expect, it } from 'vitest';
import * as monitoring from '../../src/monitoring/index.js';

describe('src/monitoring barrel', () => {
  it('exports the public functions and nothing internal', () => {
    expect(Object.keys(monitoring).sort()).toEqual([
      'bayesianToxicityBoundary',
      'boundaryOperatingCharacteristics',
      'evaluateStoppingRule',
      'safetyMonitor',
      'simonTwoStage',
      'sprtBoundary',
      'toxicityBoundary',
    ]);
  });
});

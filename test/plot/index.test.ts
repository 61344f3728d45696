import { describe, expect, it } from 'vitest';
import * as plot from '../../src/plot/index.js';

describe('src/plot barrel (the slnd-stats/plot entry)', () => {
  it('exports the public functions and nothing internal', () => {
    expect(Object.keys(plot).sort()).toEqual([
      'boundaryPlot',
      'forestPlot',
      'kaplanMeierPlot',
      'patientFlowPlot',
      'psaTrajectoriesPlot',
      'swimmerPlot',
      'waterfallPlot',
    ]);
  });
});

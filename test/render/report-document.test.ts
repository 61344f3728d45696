import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../src/render/report-document.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { exampleCohort } from '../_helpers/example-cohort.js';

describe('reportDocument', () => {
  const blocks = reportDocument(buildTrialReport(exampleCohort()));
  const figures = blocks.filter((b) => b.kind === 'figure');

  it('has every figure, each with its own file and id prefix', () => {
    expect(figures.map((f) => f.file)).toEqual([
      'plots/patient-flow.svg',
      'plots/safety-boundary.svg',
      'plots/psa-waterfall.svg',
      'plots/km-castration-resistance.svg',
      'plots/km-distant-metastasis.svg',
      'plots/km-metastasis-free-survival.svg',
      'plots/km-biochemical-recurrence.svg',
      'plots/km-hormone-therapy.svg',
      'plots/km-castration-resistance-by-response.svg',
      'plots/km-distant-metastasis-by-response.svg',
      'plots/km-metastasis-free-survival-by-response.svg',
      'plots/psa-trajectories.svg',
      'plots/swimmer.svg',
      'plots/forest.svg',
    ]);
    expect(new Set(figures.map((f) => f.file)).size).toBe(figures.length);
    const ids = figures.flatMap((f) => [...f.svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    'plots/safety-boundary.svg',
    'plots/psa-waterfall.svg',
    'plots/km-distant-metastasis.svg',
  ])('matches the snapshot of %s on the example cohort', async (file) => {
    const figure = figures.find((f) => f.file === file)!;
    await expect(figure.svg).toMatchFileSnapshot(`./__snapshots__/example-${file.slice(6)}`);
  });
});

import { describe, expect, it } from 'vitest';
import { escapeMarkdown, reportToMarkdown } from '../../src/render/report-markdown.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { exampleCohort } from '../_helpers/example-cohort.js';
import { makePatient } from '../_helpers/patient.js';

describe('reportToMarkdown', () => {
  const report = buildTrialReport(exampleCohort());

  it('matches the snapshot on the example cohort', async () => {
    await expect(reportToMarkdown(report)).toMatchFileSnapshot('./__snapshots__/example-report.md');
  });

  it('has every section and links each plot', () => {
    const md = reportToMarkdown(report);
    for (const heading of [
      '## Cohort',
      '## Complications within 90 days (Clavien-Dindo)',
      '## Safety monitor',
      '## PSA 6 weeks after sLND',
      '## PSA doubling time before and after sLND',
      '## Time-to-event endpoints (2 years)',
      '## Methods',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md.match(/\]\(plots\/[a-z-]+\.svg\)/g)).toHaveLength(5);
  });

  it('escapes data so it cannot become markup', () => {
    expect(escapeMarkdown('<b>*x*</b> | [a](b)')).toBe('&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[a\\](b)');
    const evil = buildTrialReport([makePatient({ id: '<script>alert(1)</script>|x' })], {
      excluded: [{ patientId: '"><img src=x onerror=alert(1)>', reasons: ['bad'] }],
    });
    const md = reportToMarkdown(evil);
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<img');
  });
});

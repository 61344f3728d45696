import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
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
      '## Patient flow',
      '## Baseline characteristics',
      '## Complications within 90 days (Clavien-Dindo)',
      '## Safety monitor',
      '## PSA 6 weeks after sLND',
      '## PSA doubling time before and after sLND',
      '## Time-to-event endpoints (2 years)',
      '## Further endpoints of sLND series',
      '## Time-to-event endpoints by 6-week PSA response',
      '## Individual courses',
      '## Exploratory predictors',
      '## Methods',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md.match(/\]\(plots\/[a-z-]+\.svg\)/g)).toHaveLength(14);
  });

  /** Markdown as GitHub renders it (CommonMark + GFM), raw HTML let through to be caught. */
  const render = (md: string) =>
    micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

  it('escapes data with backslashes, so it reads and renders as itself, without entities', () => {
    const text = '<b>*x*</b> | [a](b) & ~~y~~ #1 `c` _d_';
    expect(escapeMarkdown(text)).toBe(
      '\\<b\\>\\*x\\*\\</b\\> \\| \\[a\\](b) \\& \\~\\~y\\~\\~ \\#1 \\`c\\` \\_d\\_',
    );
    expect(escapeMarkdown('a\r\nb\rc\nd')).toBe('a b c d');
    // Rendered, the paragraph is exactly the text, HTML-escaped by the renderer.
    expect(render(escapeMarkdown(text))).toBe(
      '<p>&lt;b&gt;*x*&lt;/b&gt; | [a](b) &amp; ~~y~~ #1 `c` _d_</p>',
    );
  });

  it('lets no data become markup in the rendered report', () => {
    const evil = buildTrialReport([makePatient({ id: '<script>alert(1)</script>|x' })], {
      excluded: [{ patientId: '"><img src=x onerror=alert(1)>', reasons: ['bad'] }],
    });
    const md = reportToMarkdown(evil);
    expect(md).not.toMatch(/&(amp|lt|gt);/);
    const html = render(md);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<img[^>]*onerror/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;|x');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/node/write-report.js';
import { reportToHtml } from '../../src/render/report-html.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { exampleCohort } from '../_helpers/example-cohort.js';

const dir = mkdtempSync(join(tmpdir(), 'slnd-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReport', () => {
  it('writes the chosen formats, plots beside the Markdown', () => {
    const report = buildTrialReport(exampleCohort());
    const written = writeReport(report, join(dir, 'a'));
    expect(written.filter((p) => p.endsWith('.svg'))).toHaveLength(5);
    expect(readFileSync(join(dir, 'a', 'report.html'), 'utf8')).toBe(reportToHtml(report));
    expect(JSON.parse(readFileSync(join(dir, 'a', 'report.json'), 'utf8'))).toEqual(report);
    writeReport(report, join(dir, 'b'), ['html']);
    expect(readdirSync(join(dir, 'b'))).toEqual(['report.html']);
  });
});

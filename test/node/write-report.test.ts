import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/node/write-report.js';
import { reportToHtml } from '../../src/render/report-html.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { exampleCohort } from '../_helpers/example-cohort.js';

const dir = mkdtempSync(join(tmpdir(), 'slnd-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = buildTrialReport(exampleCohort());

describe('writeReport', () => {
  it('writes the chosen formats, plots beside the Markdown', async () => {
    const written = await writeReport(report, join(dir, 'a'));
    expect(written.filter((p) => p.endsWith('.svg'))).toHaveLength(14);
    expect(readFileSync(join(dir, 'a', 'report.html'), 'utf8')).toBe(reportToHtml(report));
    expect(JSON.parse(readFileSync(join(dir, 'a', 'report.json'), 'utf8'))).toEqual(report);
    await writeReport(report, join(dir, 'b'), ['html']);
    expect(readdirSync(join(dir, 'b'))).toEqual(['report.html']);
  });

  it('replaces an earlier report whole: a JSON-only report leaves no older HTML or plots', async () => {
    // Issue 11, item 3: a new report.json beside an older report.html and plots would be two
    // reports that disagree, in one folder.
    const out = join(dir, 'c');
    await writeReport(report, out);
    await writeReport(report, out, ['json']);
    expect(readdirSync(out)).toEqual(['report.json']);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('never writes through a link planted in the folder (issue 11, item 2)', async () => {
    const out = join(dir, 'd');
    await writeReport(report, out, ['html']);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(out, 'report.json'));
    await expect(writeReport(report, out)).rejects.toMatchObject({ code: 'REPORT_OUT_LINK' });
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('checks its arguments', async () => {
    await expect(writeReport(report, '')).rejects.toThrow(
      new TypeError('outDir must be a non-empty string. Value: "".'),
    );
    await expect(writeReport(report, join(dir, 'e'), ['pdf' as never])).rejects.toThrow(
      /formats\[0\] must be one of 'html', 'md', 'json'. Value: "pdf"/,
    );
    await expect(writeReport(null as never, join(dir, 'e'))).rejects.toThrow(TypeError);
    expect(readdirSync(dir)).not.toContain('e');
  });
});

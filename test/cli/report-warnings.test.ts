import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

// The input's warnings reach the report itself (report.json `inputWarnings`, the top of
// report.md), not only the terminal: a column left out of a CSV export is never silent.

const root = mkdtempSync(join(tmpdir(), 'slnd-cli-warnings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('slnd-stats report: the input warnings in the report', () => {
  it('keeps an unknown column (default --unknown-columns warn) in report.json and report.md', async () => {
    const input = join(root, 'export');
    cpSync('examples/example-cohort-csv', input, { recursive: true });
    const patients = readFileSync(join(input, 'patients.csv'), 'utf8').split('\n');
    const withColour = patients.map((line, i) =>
      line === '' ? line : `${line},${i === 0 ? 'colour' : 'red'}`,
    );
    writeFileSync(join(input, 'patients.csv'), withColour.join('\n'));
    const out = join(root, 'out');
    const status = await runCli(['report', input, '--out', out, '--format', 'json,md', '--quiet'], {
      out: () => {},
      err: () => {},
    });
    expect(status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.inputWarnings.map((w: { code: string }) => w.code)).toEqual(['unknown_column']);
    expect(json.inputWarnings[0].message).toMatch(
      /patients\.csv line 1, column \d+: unknown column "colour"/,
    );
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('The input was read with 1 warning(s)');
    expect(md).toContain('unknown column "colour"');
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cohortJsonSchema } from '../../src/model/cohort-schema.js';
import { VERSION } from '../../src/version.js';
import { makePatient } from '../_helpers/patient.js';

const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'slnd-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function cohortFile(patients: unknown[]): string {
  const file = join(tmp(), 'cohort.json');
  writeFileSync(file, JSON.stringify({ patients }));
  return file;
}

describe('slnd-stats report', () => {
  it('writes the three files and the plots from the example cohort, and a summary', () => {
    const out = tmp();
    const r = run('report', '--out', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['plots', 'report.html', 'report.json', 'report.md']);
    expect(readdirSync(join(out, 'plots'))).toHaveLength(5);
    expect(r.out).toContain('(synthetic example cohort)');
    expect(r.out).toMatch(/Data cut \d{4}-\d{2}-\d{2}: 60 patients/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.libraryVersion).toBe(VERSION);
    expect(json.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('honours --format, --as-of, --rule and --quiet', () => {
    const out = tmp();
    const r = run(
      'report',
      '--out',
      out,
      '--format',
      'json',
      '--as-of',
      '2023-06-30',
      '--rule',
      'bayes:0.3,0.95,40',
      '--quiet',
    );
    expect(r).toMatchObject({ status: 0, out: '' });
    expect(readdirSync(out)).toEqual(['report.json']);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.asOf).toBe('2023-06-30');
    expect(json.safety.rule).toBe('bayes:0.3,0.95,40');
  });

  it('exits 2 on invalid data, listing every problem, and writes nothing', () => {
    const input = cohortFile([
      makePatient({ id: 'A', surgeryDate: '2024-02-30' }),
      makePatient({ id: 'B', psa: [{ date: '2024-03-01', value: -1 }] }),
    ]);
    const out = join(tmp(), 'report');
    const r = run('report', input, '--out', out);
    expect(r.status).toBe(2);
    expect(r.err).toContain('2 problem(s)');
    expect(r.err).toMatch(/patient A, surgeryDate/);
    expect(r.err).toMatch(/patient B, psa\[0\]\.value/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('--exclude-invalid analyses the valid patients and lists the excluded ones', () => {
    const input = cohortFile([
      makePatient({ id: 'A', surgeryDate: '2024-02-30' }),
      makePatient({ id: 'B' }),
      makePatient({ id: 'C', surgeryDate: '2024-03-01' }),
    ]);
    const out = tmp();
    const r = run('report', input, '--out', out, '--exclude-invalid', '--format', 'json,md');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.cohort.n).toBe(2);
    expect(json.excluded).toEqual([
      { patientId: 'A', reasons: [expect.stringMatching(/surgeryDate/)] },
    ]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/1 patient\(s\) were excluded/);
  });

  it('exits 2 with a message, not a stack trace, for bad arguments', () => {
    for (const args of [
      ['report', '--as-of', '2024-13-01', '--out', tmp()],
      ['report', '--rule', 'whatever', '--out', tmp()],
      ['report', '--format', 'pdf'],
      ['report', '--no-such-flag'],
      ['frobnicate'],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^slnd-stats: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('slnd-stats validate, schema, help, version', () => {
  it('validate lists problems (exit 2) or says valid (exit 0)', () => {
    const bad = run('validate', cohortFile([makePatient({ id: 'Z', surgeryDate: 'soon' })]));
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/patient Z, surgeryDate/);
    const good = run('validate', cohortFile([makePatient()]));
    expect(good).toMatchObject({ status: 0 });
    expect(good.out).toContain('valid, 1 patients');
  });

  it('schema prints the cohort JSON Schema', () => {
    const r = run('schema');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual(cohortJsonSchema());
  });

  it('--help for each command, --version', () => {
    expect(run('--help')).toMatchObject({ status: 0 });
    expect(run('--help').out).toContain('slnd-stats report [INPUT]');
    expect(run('report', '--help').out).toContain('--exclude-invalid');
    expect(run('validate', '--help').out).toContain('Usage: slnd-stats validate INPUT');
    expect(run('schema', '--help').out).toContain('Usage: slnd-stats schema');
    expect(run('--version')).toMatchObject({ status: 0, out: VERSION });
    expect(run().status).toBe(2);
  });
});

import {
  existsSync,
  mkdirSync,
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
import { MAX_PRINTED_ISSUES, runCli } from '../../src/cli/main.js';
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

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function cohortFile(patients: unknown[]): string {
  const file = join(tmp(), 'cohort.json');
  writeFileSync(file, JSON.stringify({ patients }));
  return file;
}

describe('slnd-stats report', () => {
  it('writes the three files and the plots from the example cohort, and a summary', async () => {
    const out = tmp();
    const r = await run('report', '--out', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['plots', 'report.html', 'report.json', 'report.md']);
    expect(readdirSync(join(out, 'plots'))).toHaveLength(14);
    expect(r.out).toContain('(synthetic example cohort)');
    expect(r.out).toMatch(/Data cut \d{4}-\d{2}-\d{2}: 60 patients/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.libraryVersion).toBe(VERSION);
    expect(json.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('honours --format, --as-of, --rule and --quiet', async () => {
    const out = tmp();
    const r = await run(
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

  it('exits 2 on invalid data, listing every problem, and writes nothing', async () => {
    const input = cohortFile([
      makePatient({ id: 'A', surgeryDate: '2024-02-30' }),
      makePatient({ id: 'B', psa: [{ date: '2024-03-01', value: -1 }] }),
    ]);
    const out = join(tmp(), 'report');
    const r = await run('report', input, '--out', out);
    expect(r.status).toBe(2);
    expect(r.err).toContain('2 problem(s)');
    expect(r.err).toMatch(/patient A, surgeryDate/);
    expect(r.err).toMatch(/patient B, psa\[0\]\.value/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('--exclude-invalid analyses the valid patients and lists the excluded ones', async () => {
    const input = cohortFile([
      makePatient({ id: 'A', surgeryDate: '2024-02-30' }),
      makePatient({ id: 'B' }),
      makePatient({ id: 'C', surgeryDate: '2024-03-01' }),
    ]);
    const out = tmp();
    const r = await run('report', input, '--out', out, '--exclude-invalid', '--format', 'json,md');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.cohort.n).toBe(2);
    expect(json.excluded).toEqual([
      { patientId: 'A', reasons: [expect.stringMatching(/surgeryDate/)] },
    ]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/1 patient\(s\) were excluded/);
  });

  it('names the year range when --as-of is a real date outside it', async () => {
    const r = await run('report', '--as-of', '1850-01-01', '--out', tmp());
    expect(r.err).toContain('--as-of must be a date in the years 1900-2199. Value: "1850-01-01".');
  });

  it('exits 2 with a message, not a stack trace, for bad arguments', async () => {
    for (const args of [
      ['report', '--as-of', '2024-13-01', '--out', tmp()],
      ['report', '--as-of', '1850-01-01', '--out', tmp()],
      ['report', '--crpc', 'guessed', '--out', tmp()],
      ['report', '--crpc-definition', 'who', '--out', tmp()],
      ['report', '--rule', 'whatever', '--out', tmp()],
      ['report', '--format', 'pdf'],
      ['report', '--no-such-flag'],
      ['frobnicate'],
    ]) {
      const r = await run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^slnd-stats: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('slnd-stats validate, schema, help, version', () => {
  it('validate lists problems (exit 2) or says valid (exit 0)', async () => {
    const bad = await run('validate', cohortFile([makePatient({ id: 'Z', surgeryDate: 'soon' })]));
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/patient Z, surgeryDate/);
    const good = await run('validate', cohortFile([makePatient()]));
    expect(good).toMatchObject({ status: 0 });
    expect(good.out).toContain('valid, 1 patients');
  });

  it('schema prints the cohort JSON Schema', async () => {
    const r = await run('schema');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual(cohortJsonSchema());
  });

  it('--help for each command, --version', async () => {
    expect(await run('--help')).toMatchObject({ status: 0 });
    expect((await run('--help')).out).toContain('slnd-stats report [INPUT]');
    expect((await run('report', '--help')).out).toContain('--exclude-invalid');
    expect((await run('validate', '--help')).out).toContain('Usage: slnd-stats validate INPUT');
    expect((await run('schema', '--help')).out).toContain('Usage: slnd-stats schema');
    expect(await run('--version')).toMatchObject({ status: 0, out: VERSION });
    expect((await run()).status).toBe(2);
  });
});

// Issue 11, item 7: ids, keys and values from the data reached the terminal raw. Every line
// the command prints is visible text: nothing a terminal would act on.
describe('slnd-stats prints only visible text', () => {
  /** Anything a terminal acts on or a reader cannot see, line feeds between lines excepted. */
  const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
  const hiddenIn = (text: string) => text.split('\n').filter((line) => HIDDEN.test(line));
  const ESCAPES = [
    '\u001b[2J', // ESC: clear the screen
    '\u001b]0;owned\u0007', // OSC: set the window title, ended by BEL
    '\u001b]8;;https://evil.example\u001b\\', // OSC 8: a hidden link
    '\u009b31m', // C1 CSI: red
    '\u202e', // RLO: the rest reads right to left
    '\r', // CR: overwrite the line
    '\u0000', // NUL
  ].join('');

  it('validate quotes escapes in ids and keys visibly', async () => {
    const bad = { ...makePatient({ id: `P${ESCAPES}`, surgeryDate: '2024-02-30' }) };
    const withKey = { ...makePatient({ id: 'Q' }), [`x${ESCAPES}`]: 1 };
    const r = await run('validate', cohortFile([bad, withKey]));
    expect(r.status).toBe(2);
    expect(hiddenIn(r.err)).toEqual([]);
    expect(r.err).toContain('patient P\\u001b[2J\\u001b]0;owned\\u0007\\u001b]8;;https://evil');
    expect(r.err).toContain('\\u009b31m\\u202e\\u000d\\u0000');
    expect(r.err).toMatch(/patient Q, x\\u001b\[2J/);
  });

  it('report quotes them in its problems, and in the input path', async () => {
    // A file name may hold anything but NUL and '/'.
    const dir = join(tmp(), 'in\u001b[2J\u009b31m\u202e\r');
    mkdirSync(dir);
    const input = join(dir, 'cohort.json');
    writeFileSync(
      input,
      JSON.stringify({
        patients: [makePatient({ id: `P${ESCAPES}`, psa: [{ date: '2024-03-01', value: -1 }] })],
      }),
    );
    const r = await run('report', input, '--out', join(tmp(), 'r'));
    expect(r.status).toBe(2);
    expect(hiddenIn(r.err)).toEqual([]);
    expect(r.err).toContain('in\\u001b[2J\\u009b31m\\u202e\\u000d/cohort.json');
    expect(r.err).toContain('patient P\\u001b[2J');
  });

  it('report quotes them in its warnings and summary', async () => {
    const id = `W${ESCAPES}`;
    const psa = [
      { date: '2024-03-01', value: 1 },
      { date: '2024-03-01', value: 1 },
    ];
    const out = tmp();
    const r = await run('report', cohortFile([makePatient({ id, psa })]), '--out', out);
    expect(r.status).toBe(0);
    expect(r.err).toMatch(/^warning: .*patient W\\u001b\[2J/);
    expect(hiddenIn(r.out)).toEqual([]);
    expect(hiddenIn(r.err)).toEqual([]);
  });
});

// Issue 11, item 8: a 256 KiB id in 200 issues gave 52 MB of output.
describe('slnd-stats output stays bounded', () => {
  it('cuts long ids and lists the first problems, counting the rest', async () => {
    const id = 'I'.repeat(256 * 1024);
    const patients = [
      makePatient({
        id,
        psa: Array.from({ length: 200 }, (_, i) => ({
          date: `2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
          value: -1 - i,
        })),
      }),
    ];
    const input = cohortFile(patients);
    const r = await run('validate', input);
    expect(r.status).toBe(2);
    const lines = r.err.split('\n');
    expect(lines[0]).toMatch(/: 200 problem\(s\):$/);
    expect(lines).toHaveLength(1 + MAX_PRINTED_ISSUES + 1);
    expect(lines.at(-1)).toBe(`  ... and ${200 - MAX_PRINTED_ISSUES} more problem(s), not shown`);
    expect(r.err.length).toBeLessThan(50_000);
    const report = await run('report', input, '--out', join(tmp(), 'r'));
    expect(report.err.length).toBeLessThan(50_000);
  });

  it('lists the first warnings, counting the rest', async () => {
    const psa = Array.from({ length: 1000 }, () => ({ date: '2024-03-01', value: 1 }));
    const r = await run('validate', cohortFile([makePatient({ psa })]));
    expect(r.status).toBe(0);
    const warnings = r.err.split('\n');
    expect(warnings).toHaveLength(MAX_PRINTED_ISSUES + 1);
    expect(warnings.at(-1)).toBe(
      `warning: ... and ${999 - MAX_PRINTED_ISSUES} more warning(s), not shown`,
    );
  });

  it('cuts any line longer than 1,000 characters in the middle', async () => {
    const r = await run('validate', join(tmp(), `${'n'.repeat(5000)}.json`));
    expect(r.status).toBe(2);
    for (const line of r.err.split('\n')) expect(line.length).toBeLessThanOrEqual(1000);
    expect(r.err).toMatch(/n \[\.\.\. \d+ characters cut \.\.\.\] n/);
  });
});

describe('slnd-stats report: the --out folder', () => {
  it('refuses an empty --out instead of writing into the current folder (item 15)', async () => {
    const cwd = process.cwd();
    const here = tmp();
    process.chdir(here);
    try {
      const r = await run('report', '--out', '');
      expect(r).toMatchObject({
        status: 2,
        err: 'slnd-stats: --out must name a folder. Value: "".',
      });
      expect(readdirSync(here)).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a link planted in --out and leaves its target alone (item 2)', async () => {
    const out = tmp();
    const victim = join(tmp(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(out, 'report.json'));
    const r = await run('report', '--out', out);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/report\.json is a symbolic link; .* \(REPORT_OUT_LINK\)$/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readdirSync(out)).toEqual(['report.json']);
  });

  it('never overwrites its input, even one named like an output (item 2)', async () => {
    const out = tmp();
    const input = join(out, 'report.json');
    const text = JSON.stringify({ patients: [makePatient()] });
    writeFileSync(input, text);
    const r = await run('report', input, '--out', out);
    expect(r.status).toBe(2);
    expect(r.err).toContain('(REPORT_OUT_HOLDS_INPUT)');
    expect(readFileSync(input, 'utf8')).toBe(text);
    expect(readdirSync(out)).toEqual(['report.json']);
  });

  it('refuses a folder holding other files, and replaces an earlier report whole (item 3)', async () => {
    const out = tmp();
    expect((await run('report', '--out', out, '--quiet')).status).toBe(0);
    expect((await run('report', '--out', out, '--quiet', '--format', 'html')).status).toBe(0);
    expect(readdirSync(out)).toEqual(['report.html']);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await run('report', '--out', out);
    expect(r.status).toBe(2);
    expect(r.err).toContain('(REPORT_OUT_NOT_A_REPORT)');
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'report.html']);
  });
});

// Issue 11, item 12: a data cut before every surgery gave "0 patients analysed", exit 0.
describe('slnd-stats report --as-of', () => {
  it('exits 2 and writes nothing when the cut is before every surgery', async () => {
    const input = cohortFile([
      makePatient({ id: 'A', surgeryDate: '2024-01-10' }),
      makePatient({ id: 'B', surgeryDate: '2023-05-02' }),
    ]);
    const out = join(tmp(), 'report');
    const r = await run('report', input, '--out', out, '--as-of', '2023-05-01');
    expect(r.status).toBe(2);
    expect(r.err).toBe(
      `${input}: no patient was operated on or before --as-of 2023-05-01 (the first sLND is on ` +
        '2023-05-02); no report written.',
    );
    expect(existsSync(out)).toBe(false);
    // The day of the first surgery is enough.
    expect(
      (await run('report', input, '--out', out, '--as-of', '2023-05-02', '--quiet')).status,
    ).toBe(0);
  });
});

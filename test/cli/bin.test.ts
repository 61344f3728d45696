// The `slnd-stats` executable as a user runs it: a real process, signals, special files, a
// deleted working folder and a file-size limit (issue 11, items 1, 3 and 15). The command is
// bundled once with esbuild (as tsup builds dist/cli.js) so that each run starts in a fraction
// of a second; every run has a timeout, so a regression that hangs (a FIFO) fails instead.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const example = join(repo, 'examples', 'example-cohort.json');
const root = mkdtempSync(join(tmpdir(), 'slnd-bin-'));
const cli = join(root, 'cli.mjs');
/** Longer than any run takes; a run that hangs is killed and fails. */
const TIMEOUT_MS = 20_000;
/** A test runs the command up to twice, on a loaded CI machine. */
const TEST_TIMEOUT = { timeout: 3 * TIMEOUT_MS };
/**
 * Runs that read what never ends get 4 GiB of address space (ulimit -v, in KiB): should the
 * reader regress, it fails there instead of filling the machine's memory before the timeout.
 */
const MEMORY_LIMIT = 'ulimit -v 4194304';

beforeAll(async () => {
  await build({
    entryPoints: [join(repo, 'src', 'cli', 'bin.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    logLevel: 'warning',
    // The CommonJS dependencies bundled into an ES module still call require().
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function folder(): string {
  const dir = join(root, `t${counter++}`);
  mkdirSync(dir);
  return dir;
}

/** Runs the command to its end (or the timeout). */
function run(args: string[], options: { cwd?: string; shell?: string } = {}) {
  const command = options.shell === undefined ? process.execPath : '/bin/sh';
  const argv =
    options.shell === undefined
      ? [cli, ...args]
      : ['-c', `${options.shell} && exec "$0" "$@"`, process.execPath, cli, ...args];
  const r = spawnSync(command, argv, {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env: { ...process.env, SLND_STATS_TEST_PAUSE_AFTER: '' },
  });
  return { status: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** Every file under `dir`, by relative path, with its bytes as text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
  }
  return out;
}

/**
 * Starts `report`, paused (by the SLND_STATS_TEST_PAUSE_AFTER hook) just after it has written
 * `pauseAfter` into its temporary folder; sends `signal` then, and resolves with how it ended.
 */
function interrupt(args: string[], pauseAfter: string, signal: NodeJS.Signals) {
  return new Promise<{ status: number | null; err: string }>((done, fail) => {
    const child: ChildProcess = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      env: { ...process.env, SLND_STATS_TEST_PAUSE_AFTER: pauseAfter },
    });
    let err = '';
    let sent = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no pause after ${pauseAfter} within ${TIMEOUT_MS} ms: ${err}`));
    }, TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (!sent && err.includes(`paused after writing ${pauseAfter}`)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('exit', (status) => {
      clearTimeout(timer);
      done({ status, err });
    });
  });
}

describe('an interrupted report (item 3)', TEST_TIMEOUT, () => {
  it('SIGINT after report.html: exit 130, no folder, no temporary folder left', async () => {
    const parent = folder();
    const out = join(parent, 'report');
    const r = await interrupt(['report', example, '--out', out], 'report.html', 'SIGINT');
    expect(r.status).toBe(130);
    expect(r.err).toContain('interrupted by SIGINT; no report written');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('SIGINT while replacing an earlier report: the earlier report is untouched', async () => {
    const parent = folder();
    const out = join(parent, 'report');
    expect(run(['report', example, '--out', out, '--as-of', '2024-06-30', '--quiet']).status).toBe(
      0,
    );
    const before = tree(out);
    expect(Object.keys(before)).toContain('plots/safety-boundary.svg');
    const r = await interrupt(['report', example, '--out', out], 'report.md', 'SIGINT');
    expect(r.status).toBe(130);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('SIGTERM after the last file, before the swap: exit 143, the earlier report untouched', async () => {
    const parent = folder();
    const out = join(parent, 'report');
    expect(run(['report', example, '--out', out, '--format', 'md', '--quiet']).status).toBe(0);
    const before = tree(out);
    const r = await interrupt(['report', example, '--out', out], 'report.json', 'SIGTERM');
    expect(r.status).toBe(143);
    expect(r.err).toContain('interrupted by SIGTERM');
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('a write that fails (a file-size limit, as a full disk) leaves the earlier report', () => {
    const parent = folder();
    const out = join(parent, 'report');
    expect(run(['report', example, '--out', out, '--format', 'json', '--quiet']).status).toBe(0);
    const before = tree(out);
    // 64 blocks (32 KiB for dash, 64 KiB for bash): report.html (about 90 KB) cannot be written.
    const r = run(['report', example, '--out', out], { shell: 'ulimit -f 64' });
    expect(r.status).toBe(2);
    expect(r.err).toMatch(
      /^slnd-stats: --out .*: cannot write the report: EFBIG.*nothing was written/,
    );
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });
});

describe('special files are refused at once (item 1)', TEST_TIMEOUT, () => {
  it('a FIFO as the cohort file: exit 2 instead of waiting for a writer', () => {
    const dir = folder();
    const fifo = join(dir, 'cohort.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const out = join(dir, 'out');
    for (const args of [
      ['validate', fifo],
      ['report', fifo, '--out', out],
    ]) {
      const r = run(args);
      expect(r.status, r.err).toBe(2);
      expect(r.err).toContain('cohort.json: is a FIFO (named pipe), not a regular file');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('a FIFO as psa.csv in a CSV folder', () => {
    const dir = folder();
    for (const name of ['patients.csv', 'complications.csv']) {
      symlinkSync(join(repo, 'examples', 'example-cohort-csv', name), join(dir, name));
    }
    expect(spawnSync('mkfifo', [join(dir, 'psa.csv')]).status).toBe(0);
    const r = run(['validate', dir]);
    expect(r.status).toBe(2);
    expect(r.err).toContain('psa.csv: is a FIFO (named pipe), not a regular file');
  });

  it('a link to /dev/zero: exit 2 instead of reading without end', () => {
    const dir = folder();
    symlinkSync('/dev/zero', join(dir, 'cohort.json'));
    const r = run(['validate', join(dir, 'cohort.json')], { shell: MEMORY_LIMIT });
    expect(r.status).toBe(2);
    expect(r.err).toContain(
      'cohort.json: is a symbolic link to /dev/zero, which is a character device, not a regular file',
    );
  });
});

describe('the size limit counts the bytes read (item 1)', TEST_TIMEOUT, () => {
  it('stops at 128 MiB in a file whose size says 0 (a link to /proc/self/pagemap)', () => {
    // pagemap is a regular file with a stat size of 0 and gigabytes of content.
    const dir = folder();
    symlinkSync('/proc/self/pagemap', join(dir, 'cohort.json'));
    const r = run(['validate', join(dir, 'cohort.json')], { shell: MEMORY_LIMIT });
    expect(r.status).toBe(2);
    expect(r.err).toContain(
      'cohort.json: the file is more than 128.0 MiB; the limit is 128.0 MiB per file',
    );
  });
});

describe('a deleted working folder (item 15)', TEST_TIMEOUT, () => {
  const deleted = 'rmdir "$PWD"';

  it('with absolute paths: the report is written and the command exits 0', () => {
    const gone = folder();
    const out = join(folder(), 'report');
    const r = run(['report', example, '--out', out], { cwd: gone, shell: deleted });
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain(`Wrote ${join(out, 'report.html')}`);
    expect(existsSync(join(out, 'report.json'))).toBe(true);
  });

  it('with a relative path: exit 2, naming the problem, and nothing written', () => {
    const gone = folder();
    const r = run(['report', example, '--out', 'report'], { cwd: gone, shell: deleted });
    expect(r.status).toBe(2);
    expect(r.err).toContain('the current folder no longer exists');
    const v = run(['validate', 'cohort.json'], { cwd: folder(), shell: deleted });
    expect(v.status).toBe(2);
    expect(v.err).toContain('the relative path "cohort.json" leads nowhere');
  });
});

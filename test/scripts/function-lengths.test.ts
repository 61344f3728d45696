// scripts/function-lengths.mjs lists the functions over ~80 lines (issue 13: "no function over
// ~80 lines without a reason"). Checked on files written here, then on the whole of src/: every
// function there must stay under the limit or say why in a `// Long because: ...` comment.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join('scripts', 'function-lengths.mjs');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A function whose body has `lines` statement lines: `lines + 2` lines in all. */
const fn = (name: string, lines: number, prefix = ''): string =>
  `${prefix}function ${name}(): number {\n${'  let x = 1;\n'.repeat(lines)}}\n`;

describe('scripts/function-lengths.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'function-lengths-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'sample.ts'),
    [
      fn('short', 10),
      fn('long', 90, 'export '),
      '// Long because: one table, read top to bottom.\n',
      fn('kept', 100),
      `export const arrow = (): number => {\n${'  let y = 2;\n'.repeat(85)}  return 1;\n};\n`,
      `export class Box {\n  method(): void {\n${'    let z = 3;\n'.repeat(81)}  }\n}\n`,
    ].join('\n'),
  );

  it('prints file:line name length for each function over the limit, longest first', () => {
    const { status, stdout } = run(dir);
    expect(status).toBe(0);
    const file = relative(process.cwd(), join(dir, 'sample.ts')).replaceAll('\\', '/');
    expect(stdout.trim().split('\n')).toEqual([
      `${file}:109 kept 102 (kept: one table, read top to bottom.)`,
      `${file}:14 long 92`,
      `${file}:212 arrow 88`,
      `${file}:302 Box.method 83`,
    ]);
  }, 60_000);

  it('honours --max, and with --fail exits 1 only for a long function with no reason', () => {
    expect(run('--max', '100', '--fail', dir).stdout.trim().split('\n')).toHaveLength(1);
    expect(run('--max', '100', '--fail', dir).status).toBe(0);
    expect(run('--fail', dir).status).toBe(1);
    expect(run('--max', '0', dir).status).toBe(2);
  }, 60_000);

  it('finds no function over 80 lines in src/ without a reason (issue 13)', () => {
    const { status, stdout } = run('--fail', 'src');
    const lines = stdout.split('\n').filter((l) => l !== '');
    // Every long function in src/ says why it is kept long, and says something.
    expect(lines.filter((l) => !l.includes('(kept:'))).toEqual([]);
    for (const line of lines) expect(line).toMatch(/\(kept: \S.{9,}\)$/);
    expect(status).toBe(0);
  }, 60_000);

  it('checks the nested folders of a folder too (src/plot/_internal, ...)', () => {
    const tree = mkdtempSync(join(tmpdir(), 'function-lengths-tree-'));
    try {
      const nested = join(tree, 'plot', '_internal');
      mkdirSync(nested, { recursive: true });
      writeFileSync(join(nested, 'markup.ts'), fn('markup', 85, 'export '));
      const { status, stdout } = run('--fail', tree);
      expect(stdout).toContain('plot/_internal/markup.ts:1 markup 87');
      expect(status).toBe(1);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  }, 60_000);
});

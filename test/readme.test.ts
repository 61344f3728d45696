import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Every ```ts block of the README runs here against the source, so the usage examples stay true.
const readme = readFileSync('README.md', 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const dir = resolve('node_modules/.cache/readme-blocks');
// The package's entries, as the README imports them, mapped to their sources.
const entries: Record<string, string> = {
  'slnd-stats': 'src/index.ts',
  'slnd-stats/csv': 'src/input/index.ts',
  'slnd-stats/plot': 'src/plot/index.ts',
  'slnd-stats/notebook': 'src/notebook/index.ts',
  'slnd-stats/node': 'src/node/index.ts',
};
const toSource = (code: string) =>
  code.replace(/from '(slnd-stats(?:\/[a-z]+)?)'/g, (whole, name: string) => {
    const source = entries[name];
    return source === undefined ? whole : `from '${resolve(source).replaceAll('\\', '/')}'`;
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `console.log(x); // => value` lines become checks: the logged value must equal `value` (a JS
 * literal; after it, ` // ` starts a remark). A number written with d decimals matches to
 * 0.5 * 10^-d (the README rounds), an integer exactly.
 */
const CHECKED = /console\.log\((.*)\);\s*\/\/ => (.*?)(?: \/\/ .*)?$/;
const withChecks = (code: string) =>
  code
    .split('\n')
    .map((line) =>
      line.replace(
        CHECKED,
        (_all, expr: string, expected: string) =>
          `(globalThis as any).__readmeCheck((${expr}), ${JSON.stringify(expected)});`,
      ),
    )
    .join('\n');

/** Equal as the README means it: numbers to the decimals written, the rest exactly. */
function expectMatches(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    if (Number.isInteger(expected)) {
      expect(actual, where).toBe(expected);
      return;
    }
    const decimals = String(expected).split('.')[1]?.length ?? 0;
    expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(
      0.5 * 10 ** -decimals + 1e-12,
    );
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, where).toBe(expected.length);
    expected.forEach((e, i) => {
      expectMatches((actual as unknown[])[i], e, `${where}[${i}]`);
    });
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) {
      expectMatches((actual as Record<string, unknown>)[k], e, `${where}.${k}`);
    }
  } else {
    expect(actual, where).toBe(expected);
  }
}

let checked: string[] = [];
(globalThis as unknown as Record<string, unknown>)['__readmeCheck'] = (
  actual: unknown,
  expected: string,
) => {
  expectMatches(actual, new Function(`return (${expected});`)(), expected);
  checked.push(expected);
};

describe('README examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((code, i) => [i, code] as const))(
    'block %i runs and prints what its `// =>` comments say',
    async (i, code) => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `block-${i}.ts`);
      writeFileSync(file, withChecks(toSource(code)));
      const expected = code.split('\n').filter((line) => CHECKED.test(line)).length;
      expect(expected, 'each block states at least one printed value').toBeGreaterThan(0);
      checked = [];
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        await import(/* @vite-ignore */ file);
      } finally {
        log.mockRestore();
      }
      // Every stated value was reached and checked (none skipped by a branch not taken).
      expect(checked).toHaveLength(expected);
    },
  );

  it('compares as the README means: decimals written, integers exactly', () => {
    expect(() => expectMatches(1.9712, 1.97, 'x')).not.toThrow();
    expect(() => expectMatches(1.976, 1.97, 'x')).toThrow();
    expect(() => expectMatches(61, 60, 'x')).toThrow();
    expect(() => expectMatches({ a: [0.1] }, { a: [0.1], b: 1 }, 'x')).toThrow();
  });
});

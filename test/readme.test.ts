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

describe('README examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((code, i) => [i, code] as const))('block %i runs', async (i, code) => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `block-${i}.ts`);
    writeFileSync(file, toSource(code));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(/* @vite-ignore */ file);
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});

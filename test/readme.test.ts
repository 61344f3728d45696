import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Every ```ts block of the README runs here against the source, so the usage examples stay true.
const readme = readFileSync('README.md', 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const dir = resolve('node_modules/.cache/readme-blocks');
const entry = resolve('src/index.ts').replaceAll('\\', '/');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((code, i) => [i, code] as const))('block %i runs', async (i, code) => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `block-${i}.ts`);
    writeFileSync(file, code.replaceAll("from 'slnd-stats'", `from '${entry}'`));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(/* @vite-ignore */ file);
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as regression from '../../src/regression/index.js';

// The regression area stands apart (issue 15): importing kaplanMeier must not pull it in, and it
// reaches into survival only through the private helpers it needs (never the survival barrel).
// Checked on the module graph esbuild resolves, as a bundler would.

const root = fileURLToPath(new URL('../../', import.meta.url));

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    format: 'esm',
    logLevel: 'silent',
    external: ['@stdlib/*', 'date-fns', 'zod', 'simple-statistics', 'csv-parse'],
  });
  return Object.keys(result.metafile.inputs);
}

describe('the regression barrel', () => {
  it('exports the three functions and the error class', () => {
    expect(Object.keys(regression).sort()).toEqual([
      'RegressionError',
      'coxRegression',
      'logisticRegression',
      'proportionalHazardsTest',
    ]);
  });

  it('importing kaplanMeier does not load src/regression', async () => {
    const inputs = await inputsOf("export { kaplanMeier } from './src/survival/index.ts';");
    expect(inputs.some((p) => p.includes('src/survival/kaplan-meier.ts'))).toBe(true);
    expect(inputs.filter((p) => p.includes('src/regression/'))).toEqual([]);
  });

  it('src/regression does not import the survival barrel or kaplanMeier', async () => {
    const inputs = await inputsOf("export * from './src/regression/index.ts';");
    expect(inputs.some((p) => p.includes('src/regression/cox-regression.ts'))).toBe(true);
    expect(inputs.filter((p) => /src\/survival\/(index|kaplan-meier)\.ts$/.test(p))).toEqual([]);
  });
});

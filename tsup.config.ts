import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __SLND_STATS_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    // The library: the browser-safe main entry, the plots, and the node-only file reader.
    entry: { index: 'src/index.ts', plot: 'src/plot/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    // d3's packages and csv-parse's browser build are ESM-only: bundling them keeps the
    // CommonJS build loadable with require() on every supported Node.
    noExternal: [/^d3-/, /^internmap$/, /^csv-parse/],
    define,
  },
  {
    // The `slnd-stats` command.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: [/^d3-/, /^internmap$/, /^csv-parse/],
    define,
  },
]);

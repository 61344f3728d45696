import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The CommonJS bundles and the command; the ESM modules and every declaration file are built by
// scripts/build.mjs (`npm run build`), which runs this after them.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __SLND_STATS_VERSION__: JSON.stringify(version) };
// d3's packages are ESM-only: bundling them keeps the CommonJS build loadable with require()
// on every supported Node.
const noExternal = [/^d3-/, /^internmap$/];

export default defineConfig([
  {
    // One bundle per entry for require(), sharing chunks so that the entries share one copy of
    // each module (an error class thrown by one is `instanceof` the other's).
    entry: {
      index: 'src/index.ts',
      csv: 'src/input/index.ts',
      plot: 'src/plot/index.ts',
      notebook: 'src/notebook/index.ts',
      node: 'src/node/index.ts',
    },
    outDir: 'dist/cjs',
    format: ['cjs'],
    // require() is Node's (and Bun's): `#csv-parse` resolves to csv-parse's Node build, not to
    // the browser build with its Buffer polyfill.
    esbuildOptions(options) {
      options.conditions = ['node'];
    },
    splitting: true,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    noExternal,
    define,
  },
  {
    // The `slnd-stats` command.
    entry: { cli: 'src/cli/bin.ts' },
    outDir: 'dist',
    format: ['esm'],
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    noExternal,
    define,
  },
]);

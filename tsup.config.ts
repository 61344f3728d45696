import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', plot: 'src/plot/index.ts', node: 'src/node/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // d3's packages and csv-parse's browser build are ESM-only: bundling them keeps the CommonJS
  // build loadable with require() on every supported Node.
  noExternal: [/^d3-/, /^internmap$/, /^csv-parse/],
});

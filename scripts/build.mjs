// Builds dist/ (`npm run build`; also run by `prepack`, so a published package is always built
// and a consumer's install never builds anything):
//
//   dist/**/*.js      ESM, one file per source module, as date-fns and d3 publish: a bundler
//                     with `"sideEffects": false` keeps only the modules a consumer imports
//                     (esbuild, transform only: every import stays as written)
//   dist/**/*.d.ts    declarations per module, from `tsc -p tsconfig.build.json` (seconds)
//   dist/**/*.d.cts   the same declarations for `require` (relative imports end in .cjs, so
//                     TypeScript reads them as CommonJS; see the exports map in package.json)
//   dist/cjs/*.cjs    CommonJS, one bundle per entry sharing chunks, with d3 inlined (it is
//                     ESM-only), for require() on every supported Node (tsup)
//   dist/cli.js       the `slnd-stats` command, one bundle (tsup)
//
// Prints how long each step took. Usage: node scripts/build.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Files under `dir` (recursively) whose names end with `suffix`. */
function filesUnder(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

async function step(name, fn) {
  const start = performance.now();
  await fn();
  console.log(`build: ${name} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

rmSync(dist, { recursive: true, force: true });

await step('ESM, one file per module (esbuild)', async () => {
  // The command is bundled on its own below; everything else is library code.
  const entryPoints = filesUnder(src, '.ts').filter(
    (f) => !relative(src, f).startsWith('cli') && !f.endsWith('.d.ts'),
  );
  await build({
    entryPoints,
    outbase: src,
    outdir: dist,
    bundle: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    define: { __SLND_STATS_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
});

await step('declarations per module (tsc)', () => {
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
});

await step('declarations for require (.d.cts)', () => {
  // `./x.js` -> `./x.cjs` in every relative import, so `./x.d.cts` is read, as CommonJS.
  const relativeJs = /(from\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]*?)\.js\2/g;
  for (const file of filesUnder(dist, '.d.ts')) {
    const text = readFileSync(file, 'utf8').replace(relativeJs, '$1$2$3.cjs$2');
    writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
  }
});

await step('CommonJS bundles and the command (tsup)', () => {
  execFileSync(bin('tsup'), ['--silent'], { cwd: root, stdio: 'inherit' });
});

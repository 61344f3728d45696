// Packs slnd-stats as npm would publish it, installs the tarball into a fresh project and uses
// it the ways other software will: ESM import, CommonJS require, Deno, and a browser bundle
// (esbuild, platform browser) that must pull in no Node built-in and stay under its size budget.
// Run after `npm run build`: node scripts/check-package.mjs
// Prints `package: N passed, M failed` and exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip size budget of the browser bundle of the main entry, in bytes (measured: docs/performance.md). */
const BROWSER_BUDGET_GZIP = 150 * 1024;

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'slnd-pack-'));
const results = [];
const check = (name, fn) => {
  try {
    const detail = fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error.stderr?.toString() || error.message}`);
  }
};
const run = (cmd, args, cwd = work) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

try {
  const [{ filename }] = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root),
  );
  const tarball = join(work, filename);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);

  const smoke = `const fit = s.kaplanMeier({ time: [5, 8, 12], event: [1, 0, 1] });
if (Math.abs(fit.survival[2] - 0) > 1e-12 || fit.survival[0] !== 2 / 3) throw new Error('wrong fit ' + JSON.stringify(fit));
if (typeof p.kaplanMeierPlot(fit) !== 'string') throw new Error('no plot');
if (typeof n.readCohort !== 'function') throw new Error('no node entry');
console.log(s.VERSION);`;

  writeFileSync(
    join(work, 'esm.mjs'),
    `import * as s from 'slnd-stats'; import * as p from 'slnd-stats/plot'; import * as n from 'slnd-stats/node';\n${smoke}`,
  );
  check('ESM import', () => run('node', ['esm.mjs']).trim());

  writeFileSync(
    join(work, 'cjs.cjs'),
    `const s = require('slnd-stats'); const p = require('slnd-stats/plot'); const n = require('slnd-stats/node');\n${smoke}`,
  );
  check('CommonJS require', () => run('node', ['cjs.cjs']).trim());

  check('Deno', () =>
    run(join(root, 'node_modules', '.bin', 'deno'), [
      'run',
      '--allow-read',
      '--allow-env',
      '--no-prompt',
      'esm.mjs',
    ]).trim(),
  );

  check('the command from the tarball', () => {
    const out = run(join(work, 'node_modules', '.bin', 'slnd-stats'), [
      'report',
      '--out',
      join(work, 'report'),
      '--quiet',
    ]);
    readFileSync(join(work, 'report', 'report.html'), 'utf8');
    return out.trim() || 'report written';
  });

  check('browser bundle of the main entry', () => {
    writeFileSync(
      join(work, 'browser.mjs'),
      `import { kaplanMeier, buildTrialReport, simulateCohort } from 'slnd-stats';\nconsole.log(kaplanMeier, buildTrialReport, simulateCohort);\n`,
    );
    run(join(root, 'node_modules', '.bin', 'esbuild'), [
      'browser.mjs',
      '--bundle',
      '--minify',
      '--format=esm',
      '--platform=browser',
      '--metafile=meta.json',
      '--outfile=bundle.js',
      '--log-level=error',
    ]);
    const meta = JSON.parse(readFileSync(join(work, 'meta.json'), 'utf8'));
    const nodeImports = Object.keys(meta.inputs).filter(
      (f) => f.startsWith('node:') || /^(fs|path|os|crypto|child_process)$/.test(f),
    );
    if (nodeImports.length > 0)
      throw new Error(`Node modules in the browser bundle: ${nodeImports.join(', ')}`);
    const bundle = readFileSync(join(work, 'bundle.js'));
    if (/\bnode:[a-z]/.test(bundle.toString()))
      throw new Error('a node: specifier is in the browser bundle');
    const gzip = gzipSync(bundle).length;
    if (gzip > BROWSER_BUDGET_GZIP)
      throw new Error(`${gzip} bytes gzip > budget ${BROWSER_BUDGET_GZIP}`);
    return `${bundle.length} bytes, ${gzip} gzip (budget ${BROWSER_BUDGET_GZIP})`;
  });
} catch (error) {
  results.push({ name: 'pack and install', ok: false });
  console.log(`FAIL pack and install: ${error.stderr?.toString() || error.message}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok).length;
console.log(`package: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

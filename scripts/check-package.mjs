// Packs slnd-stats as npm would publish it, installs the tarball into a fresh project and uses
// it the ways other software will (issue 13):
//   - the consumer's install: no install-script warning for slnd-stats, at most
//     MAX_CONSUMER_PACKAGES packages (count and size printed);
//   - ESM import and CommonJS require of every entry, each parsing the shipped CSV example;
//   - Deno: every entry imported with no permission flag (the CSV example parsed from text),
//     then `validateCohortFile` on the shipped CSV folder with --allow-read only;
//   - the `slnd-stats` command;
//   - browser bundles (esbuild, platform browser, minified) of each budgeted public function
//     alone and of the whole main entry, each within its gzip budget and free of Node
//     built-ins, and one that parses the CSV example, run in headless Chromium;
//   - every relative link of the packed README and docs/README.md names a shipped file.
// Run after `npm run build`: node scripts/check-package.mjs
// Prints `package: N passed, M failed` and exits non-zero on any failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip budget of one public function bundled alone, in bytes. */
const FUNCTION_BUDGET_GZIP = 15 * 1024;
/** gzip budget of the whole main entry (`import * as slnd from 'slnd-stats'`), in bytes. */
const MAIN_BUDGET_GZIP = 80 * 1024;
/** The public functions with a budget of their own (the two-group log-rank test among them). */
const BUDGETED = [
  'psaDoublingTime',
  'kaplanMeier',
  'logRank',
  'cumulativeIncidence',
  'complicationSummary',
  'binomialConfidenceInterval',
  'toxicityBoundary',
  'safetyMonitor',
  'parseCohort',
];
/** Most packages a consumer's install may bring, slnd-stats included. */
const MAX_CONSUMER_PACKAGES = 60;
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'slnd-pack-'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = [];
const check = async (name, fn) => {
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error.stderr?.toString() || error.message}`);
  }
};
const run = (cmd, args, cwd = work) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The shipped CSV example, read by Node, as the object validateCohortCsv takes. */
const installed = join(work, 'node_modules', 'slnd-stats');
const csvFolder = join(installed, 'examples', 'example-cohort-csv');
const CSV_FILES = {
  patients: 'patients.csv',
  psa: 'psa.csv',
  complications: 'complications.csv',
  testosterone: 'testosterone.csv',
  notOperated: 'not-operated.csv',
  screening: 'screening.csv',
};
const csvFiles = () =>
  Object.fromEntries(
    Object.entries(CSV_FILES)
      .filter(([, file]) => existsSync(join(csvFolder, file)))
      .map(([key, file]) => [key, readFileSync(join(csvFolder, file), 'utf8')]),
  );
/** Code that parses the CSV example (inlined as text) and throws unless all its patients come. */
const parseCsv = (slnd) => `{
  const result = ${slnd}.validateCohortCsv(${JSON.stringify(csvFiles())});
  if (!result.ok) throw new Error('CSV example: ' + JSON.stringify(result.issues.slice(0, 2)));
  if (result.patients.length !== 60) throw new Error('CSV example: ' + result.patients.length + ' patients');
  csvPatients = result.patients.length;
}`;
/** Uses every entry; prints the version and the number of patients read from the CSV example. */
const smoke = () => `let csvPatients = 0;
const fit = s.kaplanMeier({ time: [5, 8, 12], event: [1, 0, 1] });
if (Math.abs(fit.survival[2] - 0) > 1e-12 || fit.survival[0] !== 2 / 3) throw new Error('wrong fit ' + JSON.stringify(fit));
if (Symbol.for('Jupyter.display') in fit) throw new Error('the main entry attached display');
if (typeof p.kaplanMeierPlot(fit) !== 'string') throw new Error('no plot');
if (!nb.kaplanMeier({ time: [5, 8, 12], event: [1, 0, 1] })[Symbol.for('Jupyter.display')]()['image/svg+xml'].startsWith('<svg')) throw new Error('no notebook display');
if (typeof n.validateCohortFile !== 'function') throw new Error('no node entry');
${parseCsv('c')}
console.log(s.VERSION + ', CSV example: ' + csvPatients + ' patients');`;

try {
  const [{ filename }] = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root),
  );
  const tarball = join(work, filename);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));

  await check('consumer install', () => {
    const install = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball],
      { cwd: work, encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(install.stderr);
    const warnings = `${install.stdout}\n${install.stderr}`
      .split('\n')
      .filter((l) => /slnd-stats/.test(l) && /warn/i.test(l));
    if (warnings.length > 0) throw new Error(`install warnings:\n${warnings.join('\n')}`);
    const lock = JSON.parse(readFileSync(join(work, 'package-lock.json'), 'utf8'));
    const packages = Object.keys(lock.packages).filter((k) => k.startsWith('node_modules/'));
    const bytes = Number(run('du', ['-sb', 'node_modules']).split('\t')[0]);
    if (packages.length > MAX_CONSUMER_PACKAGES) {
      throw new Error(`${packages.length} packages > ${MAX_CONSUMER_PACKAGES}`);
    }
    return `${packages.length} packages (budget ${MAX_CONSUMER_PACKAGES}), ${(bytes / 1e6).toFixed(1)} MB`;
  });

  const imports = {
    esm: `import * as s from 'slnd-stats'; import * as c from 'slnd-stats/csv'; import * as p from 'slnd-stats/plot'; import * as nb from 'slnd-stats/notebook'; import * as n from 'slnd-stats/node';`,
    cjs: `const s = require('slnd-stats'); const c = require('slnd-stats/csv'); const p = require('slnd-stats/plot'); const nb = require('slnd-stats/notebook'); const n = require('slnd-stats/node');`,
  };
  writeFileSync(join(work, 'esm.mjs'), `${imports.esm}\n${smoke()}`);
  writeFileSync(join(work, 'cjs.cjs'), `${imports.cjs}\n${smoke()}`);
  await check('ESM import', () => run('node', ['esm.mjs']).trim());
  await check('CommonJS require', () => run('node', ['cjs.cjs']).trim());

  await check('Deno, no permission flag', () =>
    run(bin('deno'), ['run', '--no-prompt', 'esm.mjs']).trim(),
  );
  await check('Deno, validateCohortFile of the CSV example with --allow-read', () => {
    writeFileSync(
      join(work, 'deno-read.mjs'),
      `import { validateCohortFile } from 'slnd-stats/node';
const result = await validateCohortFile(${JSON.stringify(csvFolder)});
if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
console.log(result.patients.length + ' patients');`,
    );
    return run(bin('deno'), ['run', '--allow-read', '--no-prompt', 'deno-read.mjs']).trim();
  });

  await check('the command from the tarball', () => {
    const out = run(join(work, 'node_modules', '.bin', 'slnd-stats'), [
      'report',
      join(csvFolder),
      '--out',
      join(work, 'report'),
      '--quiet',
    ]);
    readFileSync(join(work, 'report', 'report.html'), 'utf8');
    return out.trim() || 'report of the CSV example written';
  });

  /** Bundles `code` for the browser; returns its bytes, gzip size and input files. */
  const bundle = (name, code) => {
    writeFileSync(join(work, `${name}.mjs`), code);
    run(bin('esbuild'), [
      `${name}.mjs`,
      '--bundle',
      '--minify',
      '--format=esm',
      '--platform=browser',
      `--metafile=${name}.meta.json`,
      `--outfile=${name}.bundle.js`,
      '--log-level=error',
    ]);
    // The modules that put code into the bundle (the metafile's inputs also list the modules
    // parsed and then dropped as unused).
    const [output] = Object.values(
      JSON.parse(readFileSync(join(work, `${name}.meta.json`), 'utf8')).outputs,
    );
    const inputs = Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([file]) => file);
    const nodeImports = inputs.filter(
      (f) => f.startsWith('node:') || /^(fs|path|os|crypto|child_process)$/.test(f),
    );
    if (nodeImports.length > 0) throw new Error(`Node modules bundled: ${nodeImports.join(', ')}`);
    const code_ = readFileSync(join(work, `${name}.bundle.js`));
    if (/\bnode:[a-z]/.test(code_.toString())) throw new Error('a node: specifier is bundled');
    return { bytes: code_.length, gzip: gzipSync(code_).length, inputs };
  };

  const sizes = [];
  for (const fn of BUDGETED) {
    await check(`browser bundle of ${fn} alone`, () => {
      const { bytes, gzip, inputs } = bundle(
        `fn-${fn}`,
        `import { ${fn} } from 'slnd-stats';\nglobalThis.used = ${fn};\n`,
      );
      sizes.push([fn, gzip]);
      const ours = inputs.filter((f) => f.includes('slnd-stats/dist/')).length;
      const theirs = inputs.filter(
        (f) => f.includes('node_modules/') && !f.includes('slnd-stats/dist/'),
      ).length;
      if (gzip > FUNCTION_BUDGET_GZIP) {
        throw new Error(`${kib(gzip)} gzip > budget ${kib(FUNCTION_BUDGET_GZIP)}`);
      }
      return `${kib(bytes)} minified, ${kib(gzip)} gzip (budget ${kib(FUNCTION_BUDGET_GZIP)}), ${ours} of our modules and ${theirs} of dependencies`;
    });
  }
  await check('browser bundle of the whole main entry', () => {
    const { bytes, gzip } = bundle(
      'main',
      `import * as s from 'slnd-stats';\nglobalThis.used = s;\n`,
    );
    if (gzip > MAIN_BUDGET_GZIP)
      throw new Error(`${kib(gzip)} gzip > budget ${kib(MAIN_BUDGET_GZIP)}`);
    return `${kib(bytes)} minified, ${kib(gzip)} gzip (budget ${kib(MAIN_BUDGET_GZIP)})`;
  });
  await check('browser bundle of the notebook entry (no budget)', () => {
    const { bytes, gzip } = bundle(
      'notebook',
      `import * as s from 'slnd-stats/notebook';\nglobalThis.used = s;\n`,
    );
    return `${kib(bytes)} minified, ${kib(gzip)} gzip`;
  });

  await check('browser: the CSV example parsed in Chromium', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: run \`bash e2e/setup.sh\` (or set E2E_CHROMIUM)`);
    }
    bundle(
      'browser-csv',
      `import * as c from 'slnd-stats/csv';\nlet csvPatients = 0;\n${parseCsv('c')}\nglobalThis.csvPatients = csvPatients;\n`,
    );
    const { chromium } = await import(join(root, 'node_modules', 'playwright-core', 'index.mjs'));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent('<!doctype html><title>csv</title>');
      await page.addScriptTag({
        content: readFileSync(join(work, 'browser-csv.bundle.js'), 'utf8'),
        type: 'module',
      });
      const patients = await page.evaluate(() => globalThis.csvPatients);
      if (errors.length > 0 || patients !== 60) {
        throw new Error(`${patients} patients; ${errors.join('; ')}`);
      }
      return `${patients} patients`;
    } finally {
      await browser.close();
    }
  });

  await check('the README and docs/README.md link only to shipped files', () => {
    const missing = [];
    for (const doc of ['README.md', 'docs/README.md']) {
      const text = readFileSync(join(installed, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(installed, dirname(doc), target))) missing.push(`${doc}: ${target}`);
      }
    }
    if (missing.length > 0) throw new Error(missing.join(', '));
    return `${readdirSync(join(installed, 'docs')).length} entries in docs/`;
  });

  console.log(`gzip sizes: ${sizes.map(([fn, gzip]) => `${fn} ${kib(gzip)}`).join(', ')}`);
} catch (error) {
  results.push({ name: 'pack and install', ok: false });
  console.log(`FAIL pack and install: ${error.stderr?.toString() || error.message}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok).length;
console.log(`package: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

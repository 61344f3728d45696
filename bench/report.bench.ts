// Times `slnd-stats report` on synthetic cohorts of 10^3, 10^4 and 10^5 patients (about 8 PSA
// values and a third of a complication each), from a JSON file and from the same patients as
// CSV exports, against JSON.parse of the same JSON text: the target is a report within 20x the
// time of JSON.parse at 10^5, growing linearly from 10^3 (issue 12; docs/performance.md).
// The command runs in this process (runCli), so Node's start-up is not counted; the time is
// reading, validating, every analysis, rendering and writing the three formats with the plots.
// Run: npx tsx bench/report.bench.ts [sizes...]

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cohortFiles } from '../scripts/write-example-cohort.js';
import { runCli } from '../src/cli/main.js';
import { simulateCohort } from '../src/simulate/simulate-cohort.js';

const sizes = process.argv.slice(2).map(Number);
const SIZES = sizes.length > 0 ? sizes : [1e3, 1e4, 1e5];
const quiet = { out: () => {}, err: (t: string) => process.stderr.write(`${t}\n`) };

/** The best of `runs` timings of `f`, in ms (the least disturbed by other processes). */
async function best(runs: number, f: () => unknown): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const work = mkdtempSync(join(tmpdir(), 'slnd-bench-report-'));
try {
  const rows: string[] = [];
  let previous: { n: number; json: number; csv: number } | null = null;
  for (const n of SIZES) {
    const { patients } = simulateCohort({ n, seed: 12, accrualMonths: 24, followUpMonths: 0 });
    for (const [path, content] of cohortFiles(patients, 'cohort.json', 'csv')) {
      const target = join(work, String(n), path);
      mkdirSync(dirname(target), { recursive: true });
      // Compact JSON, as an export writes it (the pretty-printed file is half white space).
      writeFileSync(target, path.endsWith('.json') ? JSON.stringify({ patients }) : content);
    }
    const jsonFile = join(work, String(n), 'cohort.json');
    const text = readFileSync(jsonFile, 'utf8');
    const runs = n >= 1e5 ? 2 : 3;
    const parse = await best(runs, () => JSON.parse(text));
    const report = (input: string) => async () => {
      const out = join(work, String(n), `out-${Math.random().toString(36).slice(2)}`);
      const status = await runCli(
        ['report', input, '--out', out, '--quiet', '--rule', 'pocock:0.1,0.3,60'],
        quiet,
      );
      if (status !== 0) throw new Error(`report exited ${status}`);
      rmSync(out, { recursive: true, force: true });
    };
    const json = await best(runs, report(jsonFile));
    const csv = await best(runs, report(join(work, String(n), 'csv')));
    const growth =
      previous === null
        ? ''
        : ` | x${(json / previous.json).toFixed(1)} / x${(csv / previous.csv).toFixed(1)} for x${n / previous.n}`;
    rows.push(
      `| ${n.toLocaleString('en')} | ${(text.length / 1e6).toFixed(1)} MB | ${parse.toFixed(0)} ms | ${(json / 1000).toFixed(2)} s (${(json / parse).toFixed(1)}x) | ${(csv / 1000).toFixed(2)} s (${(csv / parse).toFixed(1)}x)${growth} |`,
    );
    previous = { n, json, csv };
    console.log(rows[rows.length - 1]);
  }
  console.log(
    '\n| patients | JSON | JSON.parse | report from JSON (x parse) | report from CSV (x parse) | growth |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
} finally {
  rmSync(work, { recursive: true, force: true });
}

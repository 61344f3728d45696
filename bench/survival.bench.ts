// Times kaplanMeier and a two-group logRank on columnar input at n = 1e4, 1e5, 1e6 against
// Float64Array.prototype.sort of the same times and, when Rscript with survival is installed,
// against R's survfit() and survdiff() on the same data (timed inside R, file read excluded).
// Each figure is the best of several runs after warm-up (the median is printed beside ours, to
// show how noisy the machine was). "8 arrays" is what a fit of that many rows costs before any
// statistics: allocating its eight plain arrays and writing every entry. The first line gives
// the cost of fresh memory, which decides that floor on a virtual machine.
// Run: npx tsx bench/survival.bench.ts

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doubleArray, integerArray } from '../src/survival/_internal/plain-arrays.js';
import { kaplanMeier, logRank } from '../src/survival/index.js';

const SIZES = [1e4, 1e5, 1e6];

/** Deterministic uniform(0, 1) generator (mulberry32), so every run sees the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Data {
  time: Float64Array;
  event: Uint8Array;
  group: Int32Array;
}

/** Continuous follow-up times (every time distinct: the costliest case), 2 groups. */
function makeData(n: number, kind: 'continuous' | 'days'): Data {
  const u = rng(n + (kind === 'days' ? 1 : 0));
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = u() < 0.5 ? 1 : 2;
    const tEvent = -Math.log(u()) * (g === 1 ? 800 : 650);
    const tCens = u() * 1500;
    const t = Math.min(tEvent, tCens);
    time[i] = kind === 'days' ? Math.floor(t) : t;
    event[i] = tEvent <= tCens ? 1 : 0;
    group[i] = g;
  }
  return { time, event, group };
}

interface Timing {
  /** Best (smallest) wall time in ms. */
  best: number;
  median: number;
}

/**
 * Wall times in ms over `reps` runs, after warm-up runs (at least 3 and 200 ms) so that the
 * optimising compiler has seen the code (one call left the 10^4 figures at a first tier).
 */
function timeIt(reps: number, f: () => unknown): Timing {
  const warmUntil = performance.now() + 200;
  for (let w = 0; w < 3 || performance.now() < warmUntil; w++) f();
  const runs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { best: runs[0]!, median: runs[Math.floor(runs.length / 2)]! };
}

/**
 * The fit's eight plain arrays of `rows` numbers, allocated as kaplanMeier allocates them and
 * written in full: the floor under kaplanMeier's time.
 */
function eightArrays(rows: number): number[][] {
  const out: number[][] = [];
  for (let c = 0; c < 8; c++) {
    const integers = c >= 1 && c <= 3; // nRisk, nEvent, nCensor
    const a = integers ? integerArray(rows) : doubleArray(rows);
    for (let i = 0; i < rows; i++) a[i] = integers ? i : i + 0.5;
    out.push(a);
  }
  return out;
}

/**
 * Microseconds per 4 KiB page of fresh memory: 64 MB (above glibc's largest mmap threshold, so
 * always newly mapped) written once per page. About 0.1-0.5 on bare metal; far more on a
 * virtual machine whose host is short of memory, and then every large fresh array is slow.
 */
function pageFaultMicroseconds(): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const a = new Float64Array(8 << 20);
    for (let i = 0; i < a.length; i += 512) a[i] = 1;
    best = Math.min(best, ((performance.now() - t0) * 1000) / (a.length / 512));
  }
  return best;
}

function hasR(): boolean {
  try {
    execFileSync('Rscript', ['-e', 'library(survival)'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const R_SCRIPT = `
suppressPackageStartupMessages(library(survival))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
reps <- as.integer(args[2])
tm <- function(expr) {
  expr <- substitute(expr)
  eval(expr)
  x <- replicate(reps, system.time(eval(expr))[["elapsed"]])
  min(x) * 1000
}
km <- tm(survfit(Surv(time, event) ~ 1, data = d))
lr <- tm(survdiff(Surv(time, event) ~ group, data = d))
cat(km, lr, "\\n")
`;

/** R's best times in ms (system.time resolves to 1 ms). */
function timeR(d: Data, reps: number, dir: string): { km: number; lr: number } {
  const csv = join(dir, 'data.csv');
  const lines = ['time,event,group'];
  for (let i = 0; i < d.time.length; i++) {
    lines.push(`${d.time[i]!.toPrecision(17)},${d.event[i]},${d.group[i]}`);
  }
  writeFileSync(csv, lines.join('\n'));
  const script = join(dir, 'bench.R');
  writeFileSync(script, R_SCRIPT);
  const out = execFileSync('Rscript', [script, csv, String(reps)], { encoding: 'utf8' });
  const [km, lr] = out.trim().split(/\s+/).map(Number);
  return { km: km!, lr: lr! };
}

const withR = hasR();
const dir = mkdtempSync(join(tmpdir(), 'slnd-bench-'));
const col = (x: number, width = 8) => x.toFixed(1).padStart(width);
const pair = (t: Timing) => `${col(t.best)} (${t.median.toFixed(0).padStart(4)})`;
console.log(
  `node ${process.version}; R timing ${withR ? 'on' : 'off (Rscript with survival not found)'}; ` +
    `fresh memory ${pageFaultMicroseconds().toFixed(2)} us per 4 KiB page`,
);
console.log('ms: best of the runs (median in brackets); ratios of best times');
console.log(
  'data             n  sort ms (med)    KM ms (med)  KM/sort  8 arrays ms  R survfit  R/KM   LR ms (med)  R survdiff  R/LR',
);
try {
  for (const kind of ['continuous', 'days'] as const) {
    for (const n of SIZES) {
      const d = makeData(n, kind);
      const reps = n >= 1e6 ? 7 : 15;
      const sort = timeIt(reps, () => Float64Array.from(d.time).sort());
      const km = timeIt(reps, () => kaplanMeier({ time: d.time, event: d.event }));
      const rows = kaplanMeier({ time: d.time, event: d.event }).time.length;
      const arrays = timeIt(reps, () => eightArrays(rows));
      const lr = timeIt(reps, () => logRank({ time: d.time, event: d.event, group: d.group }));
      const r = withR ? timeR(d, n >= 1e6 ? 3 : 5, dir) : null;
      console.log(
        [
          kind.padEnd(10),
          String(n).padStart(8),
          pair(sort),
          pair(km),
          col(km.best / sort.best, 7),
          col(arrays.best, 12),
          r ? col(r.km, 10) : '         -',
          r ? col(r.km / km.best, 6) : '     -',
          pair(lr),
          r ? col(r.lr, 11) : '          -',
          r ? col(r.lr / lr.best, 5) : '    -',
        ].join(' '),
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

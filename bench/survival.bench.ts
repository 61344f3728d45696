// Times kaplanMeier and a two-group logRank on columnar input at n = 1e4, 1e5, 1e6 against
// Float64Array.prototype.sort of the same times and, when Rscript with survival is installed,
// against R's survfit() and survdiff() on the same data (timed inside R, file read excluded).
// Run: npx tsx bench/survival.bench.ts

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Median wall time in ms over `reps` runs after one warm-up. */
function timeIt(reps: number, f: () => unknown): number {
  f();
  const runs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
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
  median(x) * 1000
}
km <- tm(survfit(Surv(time, event) ~ 1, data = d))
lr <- tm(survdiff(Surv(time, event) ~ group, data = d))
cat(km, lr, "\\n")
`;

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
const fmt = (x: number) => x.toFixed(1).padStart(8);
console.log(
  `node ${process.version}; R timing ${withR ? 'on' : 'off (Rscript with survival not found)'}`,
);
console.log(
  'data        n        sort ms   KM ms  KM/sort  R survfit ms  R/KM   logRank ms  R survdiff ms  R/LR',
);
try {
  for (const kind of ['continuous', 'days'] as const) {
    for (const n of SIZES) {
      const d = makeData(n, kind);
      const reps = n >= 1e6 ? 5 : 11;
      const sortMs = timeIt(reps, () => Float64Array.from(d.time).sort());
      const kmMs = timeIt(reps, () => kaplanMeier({ time: d.time, event: d.event }));
      const lrMs = timeIt(reps, () => logRank({ time: d.time, event: d.event, group: d.group }));
      const r = withR ? timeR(d, n >= 1e6 ? 3 : 5, dir) : null;
      console.log(
        `${kind.padEnd(10)} ${String(n).padStart(8)} ${fmt(sortMs)} ${fmt(kmMs)} ${fmt(kmMs / sortMs)} ${
          r ? `${fmt(r.km)}     ${fmt(r.km / kmMs)}` : '       -            -'
        } ${fmt(lrMs)} ${r ? `${fmt(r.lr)}      ${fmt(r.lr / lrMs)}` : '       -        -'}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { fixTimes } from '../../survival/_internal/time-fix.js';

// The Cox data as survival's coxph hands them to its C fitter (coxph.fit -> coxfit6.c):
//  - times passed through aeqSurv first (coxph.control(timefix = TRUE)): distinct times closer
//    than sqrt(machine epsilon), absolutely or relative to their mean, are made equal;
//  - rows sorted by stratum, then time (R's order(strata, time), a stable sort);
//  - each covariate centred at its mean and scaled by n / sum |x - mean| ("this makes the
//    regression much more stable"), except a covariate whose values all lie in {-1, 0, 1}
//    (coxph's nocenter = c(-1, 0, 1)), which is left alone. Coefficients and their variance
//    are mapped back to the original scale at the end.

/** One Cox fitting problem, in coxfit6's sorted order. */
export interface CoxProblem {
  readonly n: number;
  readonly p: number;
  /** Times after aeqSurv, in data order. */
  readonly fixedTime: Float64Array;
  /** Row of the data at each sorted position. */
  readonly order: Int32Array;
  /** Sorted times and events. */
  readonly time: Float64Array;
  readonly event: Uint8Array;
  /** 1 at the last sorted row of each stratum (coxfit6's `strata` flag). */
  readonly stratumEnd: Uint8Array;
  /** Covariates, centred and scaled, one sorted column per covariate. */
  readonly x: readonly Float64Array[];
  /** The centre of each covariate (0 when left alone): coxph's `means`. */
  readonly means: Float64Array;
  /** The scale of each covariate (1 when left alone). */
  readonly scale: Float64Array;
}

/** aeqSurv on a copy of the times: returns the merged times in data order. */
export function fixedTimes(time: Float64Array): Float64Array {
  const n = time.length;
  const idx = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const sorted = Float64Array.from(idx, (i) => time[i]!);
  fixTimes([sorted]);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[idx[k]!] = sorted[k]!;
  return out;
}

/** Sorts, merges close times and standardises the covariates as coxph does. */
export function coxProblem(
  time: Float64Array,
  event: Uint8Array,
  columns: readonly Float64Array[],
  stratum: Int32Array | null,
): CoxProblem {
  const n = time.length;
  const p = columns.length;
  const fixedTime = fixedTimes(time);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const s = stratum === null ? 0 : stratum[a]! - stratum[b]!;
    return s !== 0 ? s : fixedTime[a]! - fixedTime[b]! || a - b;
  });
  const sortedTime = Float64Array.from(order, (i) => fixedTime[i]!);
  const sortedEvent = Uint8Array.from(order, (i) => event[i]!);
  const stratumEnd = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    stratumEnd[k] =
      k === n - 1 || (stratum !== null && stratum[order[k]!] !== stratum[order[k + 1]!]) ? 1 : 0;
  }
  const means = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  const x = columns.map((col, j) => {
    const out = Float64Array.from(order, (i) => col[i]!);
    if (out.every((v) => v === -1 || v === 0 || v === 1)) return out;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += out[k]!;
    const mean = sum / n;
    let abs = 0;
    for (let k = 0; k < n; k++) {
      out[k] = out[k]! - mean;
      abs += Math.abs(out[k]!);
    }
    // coxfit6: scale n / sum|x - mean|; a constant column (rejected earlier) would keep 1
    const s = abs > 0 ? n / abs : 1;
    for (let k = 0; k < n; k++) out[k] = out[k]! * s;
    means[j] = mean;
    scale[j] = s;
    return out;
  });
  return {
    n,
    p,
    fixedTime,
    order,
    time: sortedTime,
    event: sortedEvent,
    stratumEnd,
    x,
    means,
    scale,
  };
}

import { describeValue } from '../../_lib/describe-value.js';

/** Reads requested time points (a number or an array of them): finite and >= 0, sorted. */
export function readTimes(name: string, times: unknown): number[] {
  const list = typeof times === 'number' ? [times] : times;
  if (!Array.isArray(list) && !ArrayBuffer.isView(list)) {
    throw new TypeError(
      `${name} must be a number or an array of numbers. Value: ${describeValue(times)}.`,
    );
  }
  const arr = list as ArrayLike<unknown>;
  const out: number[] = [];
  for (let i = 0; i < arr.length; i++) {
    const t = arr[i];
    if (typeof t !== 'number') {
      throw new TypeError(`${name}[${i}] must be a number. Value: ${describeValue(t)}.`);
    }
    if (!Number.isFinite(t) || t < 0) {
      throw new RangeError(
        `${name}[${i}] must be a finite number >= 0. Value: ${describeValue(t)}.`,
      );
    }
    out.push(t);
  }
  // R's summary.survfit sorts the requested times
  return out.sort((a, b) => a - b);
}

/** Number of entries of the ascending `sorted` that are <= t (upper bound). */
export function countAtOrBelow(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of the ascending `sorted` that are < t (lower bound). */
export function countBelow(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

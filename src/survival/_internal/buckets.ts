import { sortNonNegative } from './split-sort.js';

// Counting sort into buckets, then a sort of each bucket (sortNonNegative) that carries every
// time's label along. Used by the grouped tests: bucket b holds the times of one stratum,
// contiguous in one Float64Array and ascending, each with its label (group and kind) beside it,
// so a stratum is walked in time order by one linear scan, without per-row objects and without
// merging one sorted run per group (whose branches, taken at random, cost more than the sort).

export interface Buckets {
  /** All times, bucket by bucket; times ascending within a bucket. */
  readonly times: Float64Array;
  /** labels[i] is the label of times[i]. */
  readonly labels: Int32Array;
  /** Bucket b occupies [start[b], start[b + 1]). */
  readonly start: Int32Array;
}

/**
 * Sorts times with their labels by bucket, then by time. `time` and `label` must be copies the
 * caller owns: with a single bucket (`bucket` null) they are sorted in place and returned.
 */
export function bucketSort(
  time: Float64Array,
  label: Int32Array,
  bucket: Int32Array | null,
  nBuckets: number,
): Buckets {
  const n = time.length;
  if (bucket === null) {
    sortNonNegative(time, label);
    return { times: time, labels: label, start: Int32Array.of(0, n) };
  }
  const start = new Int32Array(nBuckets + 1);
  for (let i = 0; i < n; i++) start[bucket[i]! + 1]!++;
  for (let b = 0; b < nBuckets; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, nBuckets);
  const times = new Float64Array(n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = fill[bucket[i]!]!++;
    times[at] = time[i]!;
    labels[at] = label[i]!;
  }
  let largest = 0;
  for (let b = 0; b < nBuckets; b++) largest = Math.max(largest, start[b + 1]! - start[b]!);
  const scratch = new Float64Array(largest);
  for (let b = 0; b < nBuckets; b++) {
    const from = start[b]!;
    const to = start[b + 1]!;
    sortNonNegative(times.subarray(from, to), labels.subarray(from, to), scratch);
  }
  return { times, labels, start };
}

import { sortNonNegative } from './split-sort.js';

// Counting sort into buckets, then a sort of each bucket (sortNonNegative). Used by the grouped
// tests: bucket b holds the times of one (stratum, group, kind) cell, contiguous in one
// Float64Array, so each cell can be walked in time order without per-row objects.

export interface Buckets {
  /** All times, bucket by bucket; times ascending within a bucket. */
  readonly times: Float64Array;
  /** Bucket b occupies [start[b], start[b + 1]). */
  readonly start: Int32Array;
}

export function bucketSort(time: Float64Array, bucket: Int32Array, nBuckets: number): Buckets {
  const n = time.length;
  const start = new Int32Array(nBuckets + 1);
  for (let i = 0; i < n; i++) start[bucket[i]! + 1]!++;
  for (let b = 0; b < nBuckets; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, nBuckets);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[fill[bucket[i]!]!++] = time[i]! + 0; // -0 -> 0 for the radix sort
  for (let b = 0; b < nBuckets; b++) sortNonNegative(times.subarray(start[b]!, start[b + 1]!));
  return { times, start };
}

// The sort at the heart of every estimator here. kaplanMeier splits the event times from the
// censoring times and sorts each (splitSort), then walks the two together, visiting each
// distinct time once with its deaths and its censorings counted separately, so "deaths before
// censorings at a tied time" holds by construction. The grouped tests sort all times of a
// stratum at once, each carrying a label (its group and kind), and walk them in one scan
// (buckets.ts).

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
// Below these sizes the native sort (of the values, or of an index when labels come along) is
// faster than the radix sort's fixed cost of 1 MB of digit counts (measured at 10^3-10^4 values).
const RADIX_MIN = 1 << 13;
const RADIX_MIN_LABELLED = 1 << 11;

/**
 * Sorts non-negative, non-NaN doubles ascending in place; -0 comes out as 0. When `labels` is
 * given (one per value), it is permuted with the values, so that labels[i] stays the label of
 * a[i]. Such doubles order exactly as their IEEE-754 bit patterns read as unsigned 64-bit
 * integers, so a least-significant-digit radix sort on four 16-bit digits sorts them in O(n);
 * a pass whose digit is the same for every value (e.g. the low 32 bits of whole-day times) is
 * skipped. Small arrays (and big-endian engines) use the native sort. `scratch`, at least as
 * long as `a`, is the radix sort's second buffer: callers sorting several arrays share one.
 */
export function sortNonNegative(
  a: Float64Array,
  labels?: Int32Array,
  scratch?: Float64Array,
): void {
  const n = a.length;
  if (n < (labels === undefined ? RADIX_MIN : RADIX_MIN_LABELLED) || !LITTLE_ENDIAN) {
    if (labels === undefined) a.sort();
    else sortWithIndex(a, labels);
    // -0 sorts with 0 and compares equal to it; a result must not show it (Object.is)
    for (let i = 0; i < n && a[i] === 0; i++) a[i] = 0;
    return;
  }
  let from = radixBuffer(a, labels ?? null);
  const hist = digitCounts(a, from.words);
  let to = radixBuffer(
    scratch === undefined ? new Float64Array(n) : scratch.subarray(0, n),
    labels === undefined ? null : new Int32Array(n),
  );
  for (let pass = 0; pass < 4; pass++) {
    const off = pass << 16;
    const word = pass >>> 1;
    const shift = (pass & 1) << 4;
    const first = (from.words[word]! >>> shift) & 0xffff;
    if (hist[off + first] === n) continue; // one digit value throughout: nothing to do
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = hist[off + d]!;
      hist[off + d] = sum;
      sum += c;
    }
    scatter(from, to, hist.subarray(off, off + 65536), word, shift);
    [from, to] = [to, from];
  }
  if (from.values !== a) {
    a.set(from.values);
    if (labels !== undefined) labels.set(from.labels!);
  }
}

/** A radix sort's buffer: the values, their 32-bit words (little-endian) and their labels. */
interface RadixBuffer {
  readonly values: Float64Array;
  readonly words: Uint32Array;
  readonly labels: Int32Array | null;
}

function radixBuffer(values: Float64Array, labels: Int32Array | null): RadixBuffer {
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
  return { values, words, labels };
}

/**
 * The counts of each value of each 16-bit digit (digit p at [p * 65536, (p + 1) * 65536)), in
 * one pass that also turns -0 (the sign bit alone, which would sort last) into 0.
 */
function digitCounts(a: Float64Array, words: Uint32Array): Uint32Array {
  const hist = new Uint32Array(4 << 16);
  for (let i = 0; i < a.length; i++) {
    const lo = words[2 * i]!;
    let hi = words[2 * i + 1]!;
    if (hi === 0x80000000 && lo === 0) {
      a[i] = 0;
      hi = 0;
    }
    hist[lo & 0xffff]!++;
    hist[65536 + (lo >>> 16)]!++;
    hist[131072 + (hi & 0xffff)]!++;
    hist[196608 + (hi >>> 16)]!++;
  }
  return hist;
}

/** One radix pass: each value (and its label) to the next free place of its digit. */
function scatter(
  from: RadixBuffer,
  to: RadixBuffer,
  next: Uint32Array,
  word: number,
  shift: number,
): void {
  const { values: src, words, labels: srcLabels } = from;
  const { values: dst, labels: dstLabels } = to;
  const n = src.length;
  if (srcLabels === null || dstLabels === null) {
    for (let i = 0; i < n; i++) dst[next[(words[2 * i + word]! >>> shift) & 0xffff]!++] = src[i]!;
    return;
  }
  for (let i = 0; i < n; i++) {
    const at = next[(words[2 * i + word]! >>> shift) & 0xffff]!++;
    dst[at] = src[i]!;
    dstLabels[at] = srcLabels[i]!;
  }
}

/** The native sort's order for values with labels: sort the indices, then permute both. */
function sortWithIndex(a: Float64Array, labels: Int32Array): void {
  const n = a.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => a[x]! - a[y]!);
  const values = a.slice();
  const copy = labels.slice();
  for (let i = 0; i < n; i++) {
    a[i] = values[order[i]!]!;
    labels[i] = copy[order[i]!]!;
  }
}

/**
 * Event times and censoring times, each ascending. `time` must be a copy the caller owns (as
 * readTimeEvent's): it is partitioned in place, event times first, and the two parts are
 * sorted where they lie, so no second copy of the times is made (at 10^6 times a fresh 8 MB
 * buffer costs more in page faults than the partition).
 */
export function splitSort(
  time: Float64Array,
  event: Uint8Array,
  eventCount: number,
): { readonly events: Float64Array; readonly censored: Float64Array } {
  // Hoare-style partition: i stops at a censoring time in the event part, j at an event time
  // in the censoring part; swapping them fixes both. event[] is only read.
  let i = 0;
  let j = time.length - 1;
  for (;;) {
    while (i < eventCount && event[i] === 1) i++;
    while (j >= eventCount && event[j] === 0) j--;
    if (i >= eventCount || j < eventCount) break;
    const t = time[i]!;
    time[i++] = time[j]!;
    time[j--] = t;
  }
  const events = time.subarray(0, eventCount);
  const censored = time.subarray(eventCount);
  const scratch = new Float64Array(Math.max(eventCount, time.length - eventCount));
  sortNonNegative(events, undefined, scratch);
  sortNonNegative(censored, undefined, scratch);
  return { events, censored };
}

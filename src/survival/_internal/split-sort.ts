// The sort at the heart of every estimator here: event times and censoring times are copied
// into two Float64Arrays and sorted, then walked together, visiting each distinct time once
// with its deaths and its censorings counted separately, so "deaths before censorings at a
// tied time" holds by construction.

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const RADIX_MIN = 1 << 14;

/**
 * Sorts non-negative, non-NaN doubles ascending in place. Such doubles order exactly as their
 * IEEE-754 bit patterns read as unsigned 64-bit integers, so a least-significant-digit radix
 * sort on four 16-bit digits sorts them in O(n); a pass whose digit is the same for every value
 * (e.g. the low 32 bits of whole-day times) is skipped. Small arrays (and big-endian engines)
 * use the native Float64Array sort.
 */
export function sortNonNegative(a: Float64Array): void {
  const n = a.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) {
    a.sort();
    return;
  }
  const words = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  const hist = new Uint32Array(4 << 16);
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i]!;
    const hi = words[2 * i + 1]!;
    hist[lo & 0xffff]!++;
    hist[65536 + (lo >>> 16)]!++;
    hist[131072 + (hi & 0xffff)]!++;
    hist[196608 + (hi >>> 16)]!++;
  }
  let src: Float64Array = a;
  let srcWords: Uint32Array = words;
  let dst: Float64Array = new Float64Array(n);
  let dstWords: Uint32Array = new Uint32Array(dst.buffer);
  for (let pass = 0; pass < 4; pass++) {
    const off = pass << 16;
    const word = pass >>> 1;
    const shift = (pass & 1) << 4;
    const first = (srcWords[word]! >>> shift) & 0xffff;
    if (hist[off + first] === n) continue; // one digit value throughout: nothing to do
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = hist[off + d]!;
      hist[off + d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const d = (srcWords[2 * i + word]! >>> shift) & 0xffff;
      dst[hist[off + d]!++] = src[i]!;
    }
    const t = src;
    src = dst;
    dst = t;
    const tw = srcWords;
    srcWords = dstWords;
    dstWords = tw;
  }
  if (src !== a) a.set(src);
}

export function splitSort(
  time: Float64Array,
  event: Uint8Array,
  eventCount: number,
): { readonly events: Float64Array; readonly censored: Float64Array } {
  const n = time.length;
  const events = new Float64Array(eventCount);
  const censored = new Float64Array(n - eventCount);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    // + 0 turns -0 into 0, which the radix sort needs (the sign bit would sort it last)
    if (event[k] === 1) events[i++] = time[k]! + 0;
    else censored[j++] = time[k]! + 0;
  }
  sortNonNegative(events);
  sortNonNegative(censored);
  return { events, censored };
}

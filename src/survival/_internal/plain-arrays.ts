// Plain arrays allocated once at their final size, in the representation their values need,
// for results of many rows (a Kaplan-Meier fit of 10^6 distinct times has eight columns of
// 10^6 numbers). Growing an array with push() reallocates and copies it about 30 times on the
// way to 10^6 entries, and converting one from small integers to doubles copies it once more;
// every fresh block of memory costs page faults, which dominate on a virtual machine (see
// docs/performance.md).

/** m zeros, stored as small integers (V8's SMI elements): for counts. */
export function integerArray(m: number): number[] {
  return new Array<number>(m).fill(0);
}

/**
 * m zeros, stored as unboxed doubles: for estimates. The array starts as a one-element array of
 * doubles whose length is then set to m, so the fill allocates its storage as doubles, once.
 * Either alternative allocates a store of small integers first: `new Array(m).fill(0)` is copied
 * into a new double store at the first double written, and `new Array(m)` with a double written
 * before the fill discards its (hole-filled) integer store. Measured at 10^6 entries amid the
 * other allocations of a fit: 1,955 page faults for each array this way, 3,910 either other way.
 */
export function doubleArray(m: number): number[] {
  const a = [0.5];
  a.length = m;
  return a.fill(0);
}

/** m nulls: for a column known to hold no number (the limits of confType 'none'). */
export function nullArray(m: number): null[] {
  return new Array<null>(m).fill(null);
}

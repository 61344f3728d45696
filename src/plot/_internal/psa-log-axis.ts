// Internal: the log-scale PSA axis of psaTrajectoriesPlot. It spans whole decades, so its ends
// are ticks; a PSA of 0, which has no logarithm, is drawn at the floor, a decade below every
// positive value.

/** The axis: its ends (powers of ten) and its ticks, in ng/mL. */
export interface PsaLogAxis {
  readonly floor: number;
  readonly ceiling: number;
  readonly ticks: readonly number[];
}

/**
 * The axis from the power of ten at or below `minPositive` to the power of ten at or above
 * `maxValue` (at least one decade). With `zeros`, the floor is a power of ten strictly below
 * `minPositive`, so a 0 drawn at the floor never sits on a measured value. Ticks at each power
 * of ten, and over two decades or less at 2 and 5 times each as well.
 */
export function psaLogAxis(minPositive: number, maxValue: number, zeros: boolean): PsaLogAxis {
  let low = decadeAtOrBelow(minPositive);
  if (zeros && pow10(low) >= minPositive) low -= 1;
  let high = decadeAtOrAbove(maxValue);
  if (high <= low) high = low + 1;
  const ticks: number[] = [];
  for (let k = low; k <= high; k++) {
    ticks.push(pow10(k));
    if (high - low <= 2 && k < high) ticks.push(2 * pow10(k), 5 * pow10(k));
  }
  return { floor: pow10(low), ceiling: pow10(high), ticks };
}

/** 10^k exactly as written in decimal (Math.pow(10, -3) is 0.0010000000000000002). */
function pow10(k: number): number {
  return Number(`1e${k}`);
}

function decadeAtOrBelow(v: number): number {
  let k = Math.floor(Math.log10(v));
  while (pow10(k) > v) k -= 1;
  while (pow10(k + 1) <= v) k += 1;
  return k;
}

function decadeAtOrAbove(v: number): number {
  let k = Math.ceil(Math.log10(v));
  while (pow10(k) < v) k += 1;
  while (pow10(k - 1) >= v) k -= 1;
  return k;
}

/** A PSA as text: up to 6 significant digits, shortest form ("0.2", "0.0001", "1234.5"). */
export function formatPsa(value: number): string {
  return String(Number(value.toPrecision(6)));
}

// The quantile rule of R's survival:::findq (called by quantile.survfit's doquant), restated.
// `x` holds the times with the origin 0 in front; `y` holds 1 - curve with 0 in front (NaN for
// an undefined point of a confidence band). The p-quantile is the first time the curve falls
// to 1 - p or below, except that where the curve is flat at exactly 1 - p (within `tol`) over
// an interval the midpoint of that interval is taken, and where it ends flat at 1 - p the
// midpoint between the start of that last step and the last time.

/** sqrt(.Machine$double.eps), R's default tolerance in quantile.survfit. */
export const QUANTILE_TOLERANCE = Math.sqrt(2 ** -52);

/**
 * R's approx(values, 1:n, p, method = "constant", f = 1)$y with NA pairs dropped: the position
 * (0-based) of the smallest value >= p, or -1 when p lies outside [min, max] of the values.
 */
function firstAtOrAbove(
  values: readonly number[],
  positions: readonly number[],
  p: number,
): number {
  let best = -1;
  let bestValue = Number.POSITIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v < min) min = v;
    if (v >= p && v < bestValue) {
      bestValue = v;
      best = positions[k]!;
    }
  }
  if (best === -1 || p < min) return -1;
  return best;
}

export function findQuantile(
  x: readonly number[],
  y: readonly number[],
  p: number,
  tol: number,
): number | null {
  let maxY = Number.NEGATIVE_INFINITY;
  for (const v of y) if (!Number.isNaN(v) && v > maxY) maxY = v;
  if (maxY < p) return null;
  const xmax = x[x.length - 1]!;
  // drop repeated y values (R's duplicated(): the first occurrence stays, NA equals NA)
  const ux: number[] = [];
  const uy: number[] = [];
  const seen = new Set<number>();
  let seenNaN = false;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!;
    if (Number.isNaN(v)) {
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    ux.push(x[k]!);
    uy.push(v);
  }
  const up: number[] = [];
  const down: number[] = [];
  const pos: number[] = [];
  for (let k = 0; k < uy.length; k++) {
    const v = uy[k]!;
    if (Number.isNaN(v)) continue;
    up.push(v + tol);
    down.push(v - tol);
    pos.push(k);
  }
  const i1 = firstAtOrAbove(up, pos, p);
  const i2 = firstAtOrAbove(down, pos, p);
  let q: number | null = i1 >= 0 && i2 >= 0 ? (ux[i1]! + ux[i2]!) / 2 : null;
  if (p === 0) q = ux[0]!;
  const last = uy[uy.length - 1]!;
  if (!Number.isNaN(last) && Math.abs(p - last) < tol) q = i1 >= 0 ? (ux[i1]! + xmax) / 2 : null;
  return q;
}

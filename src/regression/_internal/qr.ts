// Householder QR of an n x p matrix (n >= p), the factorisation R's glm.fit solves its weighted
// least squares with (dqrls / LINPACK dqrdc2). Solving through QR keeps the condition number
// of X, where the normal equations X'WX b = X'Wz would square it: a covariate in days next to
// the intercept loses half its digits in X'WX.
//
// Column j is reduced by the reflector H_j = I - 2 v v' / v'v that maps the trailing part of
// the column to (alpha, 0, ..., 0), alpha = -sign(a_jj) |a_j|; R holds the alphas on its
// diagonal. A column whose remaining norm |alpha| is below 1e-7 times its original norm is
// linearly dependent on the columns before it (dqrdc2's rank rule, tol = 1e-7).

/** A QR factorisation: the reflectors and R. */
export interface Qr {
  readonly n: number;
  readonly p: number;
  /** Reflector j's vector v, entries j..n-1 (stored full length; entries < j unused). */
  readonly v: readonly Float64Array[];
  /** v'v of each reflector (0 when the column was already reduced). */
  readonly vv: Float64Array;
  /** R, row-major p x p upper triangle. */
  readonly r: Float64Array;
  /** Numerical rank: the columns that passed dqrdc2's 1e-7 rule. */
  readonly rank: number;
}

/** Factors the matrix whose columns are `columns` (not modified). */
export function qrFactor(columns: readonly ArrayLike<number>[]): Qr {
  const p = columns.length;
  const n = p === 0 ? 0 : columns[0]!.length;
  const a = columns.map((c) => Float64Array.from(c));
  const v: Float64Array[] = [];
  const vv = new Float64Array(p);
  const r = new Float64Array(p * p);
  let rank = 0;
  for (let j = 0; j < p; j++) {
    const col = a[j]!;
    let original = 0;
    for (let i = 0; i < n; i++) original += columns[j]![i]! * columns[j]![i]!;
    let norm = 0;
    for (let i = j; i < n; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm);
    if (norm > 1e-7 * Math.sqrt(original)) rank++;
    const alpha = col[j]! > 0 ? -norm : norm;
    const vec = new Float64Array(n);
    for (let i = j; i < n; i++) vec[i] = col[i]!;
    vec[j] = vec[j]! - alpha;
    let s = 0;
    for (let i = j; i < n; i++) s += vec[i]! * vec[i]!;
    v.push(vec);
    vv[j] = s;
    r[j * p + j] = alpha;
    for (let k = j + 1; k < p; k++) {
      reflect(vec, s, j, a[k]!);
      r[j * p + k] = a[k]![j]!;
    }
  }
  return { n, p, v, vv, r, rank };
}

/** Applies H = I - 2 v v' / vv (acting on entries from..n-1) to `b` in place. */
function reflect(v: Float64Array, vv: number, from: number, b: Float64Array): void {
  if (vv === 0) return;
  let dot = 0;
  for (let i = from; i < b.length; i++) dot += v[i]! * b[i]!;
  const f = (2 * dot) / vv;
  for (let i = from; i < b.length; i++) b[i] = b[i]! - f * v[i]!;
}

/** The least-squares solution of X b = y (X full rank). */
export function qrSolve(qr: Qr, y: ArrayLike<number>): Float64Array {
  const { p, v, vv, r } = qr;
  const qty = Float64Array.from(y);
  for (let j = 0; j < p; j++) reflect(v[j]!, vv[j]!, j, qty);
  const b = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    let s = qty[j]!;
    for (let k = j + 1; k < p; k++) s -= r[j * p + k]! * b[k]!;
    b[j] = s / r[j * p + j]!;
  }
  return b;
}

/** R^-1 (upper triangular, row-major p x p). */
function rInverse(qr: Qr): Float64Array {
  const { p, r } = qr;
  const inv = new Float64Array(p * p);
  for (let j = p - 1; j >= 0; j--) {
    inv[j * p + j] = 1 / r[j * p + j]!;
    for (let k = j + 1; k < p; k++) {
      let s = 0;
      for (let m = j + 1; m <= k; m++) s += r[j * p + m]! * inv[m * p + k]!;
      inv[j * p + k] = -s / r[j * p + j]!;
    }
  }
  return inv;
}

/** (X'X)^-1 = R^-1 R^-T, as R's chol2inv(qr$qr) in summary.glm. */
export function qrInverseCrossProduct(qr: Qr): number[][] {
  const { p } = qr;
  const inv = rInverse(qr);
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, k) => {
      let s = 0;
      for (let m = Math.max(i, k); m < p; m++) s += inv[i * p + m]! * inv[k * p + m]!;
      return s;
    }),
  );
}

/** The diagonal of the hat matrix X (X'X)^-1 X': squared row norms of X R^-1. */
export function qrHatDiagonal(qr: Qr, columns: readonly ArrayLike<number>[]): Float64Array {
  const { n, p } = qr;
  const inv = rInverse(qr);
  const h = new Float64Array(n);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    for (let j = 0; j < p; j++) {
      const x = columns[j]![i]!;
      for (let k = j; k < p; k++) row[k]! += x * inv[j * p + k]!;
    }
    let s = 0;
    for (let k = 0; k < p; k++) s += row[k]! * row[k]!;
    h[i] = s;
  }
  return h;
}

/** log det(X'X) = 2 sum log |R_jj|. */
export function qrLogDet(qr: Qr): number {
  let s = 0;
  for (let j = 0; j < qr.p; j++) s += Math.log(Math.abs(qr.r[j * qr.p + j]!));
  return 2 * s;
}

// A rank-revealing LDL' (square-root-free Cholesky) factorisation of a symmetric positive
// semi-definite matrix, with the pivot rule of R's survival package (`cholesky2` in
// survival/src/cholesky2.c, used by coxph, survdiff's relatives and concordance): a pivot
// below `tolerance` times the largest diagonal element is taken as zero and its column
// dropped, so a singular variance matrix gives its rank instead of a wrong inverse. The solve
// and the inverse are then generalised (dropped directions get 0), as survival's `chsolve2` and
// `chinv2` do. Written from the algorithm's definition; the numbers match survival's to
// rounding.

/** The default pivot tolerance: survival's `coxph.control(toler.chol = .Machine$double.eps^0.75)`. */
export const CHOLESKY_TOLERANCE = 2 ** (-52 * 0.75);

/** A symmetric matrix A = L D L' with unit lower-triangular L and diagonal D. */
export interface LdlFactor {
  /** The order n of the matrix. */
  readonly size: number;
  /** L, row-major n x n (the strict lower triangle; the diagonal is 1 and not stored). */
  readonly lower: Float64Array;
  /** D; 0 where a pivot was dropped. */
  readonly diagonal: Float64Array;
  /** Pivots kept: the numerical rank of A. */
  readonly rank: number;
  /** False when a dropped pivot was clearly negative (below -8 x the threshold): A is not PSD. */
  readonly positiveSemiDefinite: boolean;
}

/**
 * Factors a symmetric positive semi-definite matrix as L D L' (only the lower triangle and the
 * diagonal of `matrix` are read). Pivot i is dropped (D[i] = 0 and column i of L set to 0)
 * when it is not finite or below `tolerance x max(diag(A))` (`tolerance` itself when no diagonal
 * element is positive), the rule of survival's `cholesky2`.
 *
 * Internal to the statistics that solve a variance matrix; callers check their input.
 *
 * @param matrix - n x n symmetric matrix (rows of equal length n).
 * @param tolerance - relative pivot tolerance (default {@link CHOLESKY_TOLERANCE}).
 * @returns the factor with its rank.
 * @example ldlFactor([[4, 2], [2, 1]]).rank; // => 1 (the second row is half the first)
 */
export function ldlFactor(
  matrix: readonly (readonly number[])[],
  tolerance = CHOLESKY_TOLERANCE,
): LdlFactor {
  const n = matrix.length;
  const a = new Float64Array(n * n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const row = matrix[i]!;
    for (let j = 0; j <= i; j++) a[i * n + j] = row[j]!;
    if (row[i]! > largest) largest = row[i]!;
  }
  const threshold = largest === 0 ? tolerance : largest * tolerance;
  const diagonal = new Float64Array(n);
  let rank = 0;
  let positiveSemiDefinite = true;
  for (let i = 0; i < n; i++) {
    const pivot = a[i * n + i]!;
    if (!Number.isFinite(pivot) || pivot < threshold) {
      if (pivot < -8 * threshold) positiveSemiDefinite = false;
      for (let j = i + 1; j < n; j++) a[j * n + i] = 0;
      continue;
    }
    rank += 1;
    diagonal[i] = pivot;
    // Eliminate column i from the trailing lower triangle: A[j][k] -= L[j][i] D[i] L[k][i].
    for (let j = i + 1; j < n; j++) {
      const lji = a[j * n + i]! / pivot;
      a[j * n + i] = lji;
      for (let k = i + 1; k <= j; k++) a[j * n + k]! -= lji * pivot * a[k * n + i]!;
    }
  }
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) lower[i * n + j] = a[i * n + j]!;
  return { size: n, lower, diagonal, rank, positiveSemiDefinite };
}

/**
 * Solves A x = b with a factor from {@link ldlFactor}: forward through L, divide by D (a
 * dropped pivot gives x = 0 in its direction), back through L'. For a full-rank A this is
 * A^-1 b; for a singular one it is a generalised inverse's solution, as survival's `chsolve2`.
 *
 * @example ldlSolve(ldlFactor([[2, 0], [0, 4]]), [2, 2]); // => Float64Array [1, 0.5]
 */
export function ldlSolve(factor: LdlFactor, b: ArrayLike<number>): Float64Array {
  const { size: n, lower, diagonal } = factor;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= lower[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = 0; i < n; i++) x[i] = diagonal[i]! > 0 ? x[i]! / diagonal[i]! : 0;
  for (let i = n - 1; i >= 0; i--) {
    if (diagonal[i] === 0) {
      x[i] = 0;
      continue;
    }
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= lower[j * n + i]! * x[j]!;
    x[i] = s;
  }
  return x;
}

/**
 * The (generalised) inverse of A from its factor: A^-1 when A has full rank; otherwise the
 * rows and columns of dropped pivots are 0, as survival's `chinv2` returns them (coxph's
 * variance of an aliased coefficient).
 *
 * @example ldlInverse(ldlFactor([[4, 0], [0, 0]])); // => [[0.25, 0], [0, 0]]
 */
export function ldlInverse(factor: LdlFactor): number[][] {
  const n = factor.size;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (factor.diagonal[j] === 0) continue;
    unit.fill(0);
    unit[j] = 1;
    const column = ldlSolve(factor, unit);
    for (let i = 0; i < n; i++) out[i]![j] = column[i]!;
  }
  // Symmetrise: the two triangles differ only by rounding.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = (out[i]![j]! + out[j]![i]!) / 2;
      out[i]![j] = v;
      out[j]![i] = v;
    }
  }
  return out;
}

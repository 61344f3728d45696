import { CHOLESKY_TOLERANCE, ldlFactor, ldlSolve } from '../../stats/cholesky.js';

// The one rule by which logRank and grayTest turn a score vector b and its variance G into a
// chi-square statistic. G is factored as L D L' with survival's cholesky2 pivot rule
// (src/stats/cholesky.ts): a pivot below CHOLESKY_TOLERANCE (.Machine$double.eps^0.75, about
// 1.8e-12) times the largest diagonal element of G is dropped. The statistic is b' G^- b with
// the generalised inverse of that factor (chsolve2), on df = the rank found. A variance of
// rank 0 leaves nothing to test: the statistic is then null (cmprsk reports -1, "singular",
// and survdiff's solve() stops). See docs/survival.md, "The singular-variance policy".

/** A chi-square score statistic and its degrees of freedom. */
export interface ScoreStatistic {
  /** b' G^- b; null when G has rank 0. */
  readonly statistic: number | null;
  /** The numerical rank of G: the degrees of freedom. */
  readonly df: number;
}

/**
 * b' G^- b on rank(G) degrees of freedom (see the file comment).
 *
 * @param variance - G, symmetric positive semi-definite, m x m (only the lower triangle is read).
 * @param score - b, length m.
 */
export function scoreStatistic(
  variance: readonly (readonly number[])[],
  score: ArrayLike<number>,
): ScoreStatistic {
  const factor = ldlFactor(variance, CHOLESKY_TOLERANCE);
  if (factor.rank === 0) return { statistic: null, df: 0 };
  const solved = ldlSolve(factor, score);
  let statistic = 0;
  for (let i = 0; i < score.length; i++) statistic += solved[i]! * score[i]!;
  // Rounding can leave a tiny negative where the exact form is 0 (b = 0 in the kept directions).
  if (!Number.isFinite(statistic)) return { statistic: null, df: factor.rank };
  return { statistic: Math.max(statistic, 0), df: factor.rank };
}

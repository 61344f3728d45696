import { chiSquareUpperTail } from '../../stats/chi-square-upper-tail.js';
import { normalCdf as cdf } from '../../stats/normal-cdf.js';
import { normalQuantile as quantile } from '../../stats/normal-quantile.js';

// The reference distributions of the regression tests, as R computes them: a two-sided normal
// p-value 2 pnorm(-|z|), a chi-square upper tail pchisq(x, df, lower.tail = FALSE), and the
// two-sided critical value qnorm(1 - (1 - level) / 2).

/** A chi-square test: statistic, degrees of freedom, upper-tail p-value. */
export interface ChiSquareTest {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/** 2 P(Z > |z|), as R's 2 * pnorm(-abs(z)) (summary.coxph, summary.glm). */
export function twoSidedNormalP(z: number): number {
  return 2 * cdf(-Math.abs(z), 0, 1);
}

/** The test with its p-value P(chi^2_df > statistic). */
export function chiSquareTest(statistic: number, df: number): ChiSquareTest {
  return { statistic, df, pValue: chiSquareUpperTail(statistic, df) };
}

/** qnorm(1 - (1 - level) / 2): the critical value of a two-sided interval. */
export function criticalValue(confLevel: number): number {
  return quantile(1 - (1 - confLevel) / 2, 0, 1);
}

/** A number, or null in place of NaN or an infinity (a result holds JSON data only). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

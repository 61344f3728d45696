import { normalQuantile as quantile } from '../../stats/normal-quantile.js';

/** The two-sided normal critical value qnorm(1 - (1 - level) / 2), as R's survfit_confint. */
export function zValue(confLevel: number): number {
  return quantile(1 - (1 - confLevel) / 2, 0, 1);
}

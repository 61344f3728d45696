// Pointwise confidence limits of a survival curve, as R's survival:::survfit_confint with
// logse = TRUE (the standard error given is that of -log S) and ulimit = TRUE. The formulas are
// written as R writes them so that the same floating-point edge cases give the same answers:
// an undefined limit is NaN here (R's NA/NaN) and becomes null in a result.

/** The interval types of R's `survfit(conf.type = )`. */
export type ConfType = 'log' | 'log-log' | 'plain' | 'logit' | 'arcsin' | 'none';

export const CONF_TYPES: readonly ConfType[] = Object.freeze([
  'log',
  'log-log',
  'plain',
  'logit',
  'arcsin',
  'none',
]);

/**
 * Writes the lower and upper limit for survival `p` with standard error `se` of -log p into
 * `out[0]`, `out[1]` (NaN where R gives NA). `z` is the normal quantile 1 - (1 - level) / 2.
 */
export function confLimits(
  type: ConfType,
  p: number,
  se: number,
  z: number,
  out: Float64Array,
): void {
  switch (type) {
    case 'plain': {
      // S +/- z se(S), se(S) = S se(-log S); clipped to [0, 1]
      const se2 = se * p * z;
      out[0] = Math.max(p - se2, 0);
      out[1] = Math.min(p + se2, 1);
      return;
    }
    case 'log': {
      // exp(log S -/+ z se), upper clipped at 1; undefined at S = 0
      const xx = p === 0 ? Number.NaN : p;
      const se2 = z * se;
      const logS = Math.log(xx); // once: the same double R computes twice
      out[0] = Math.exp(logS - se2);
      out[1] = Math.min(Math.exp(logS + se2), 1);
      return;
    }
    case 'log-log': {
      // exp(-exp(log(-log S) -/+ z se / log S)); undefined at S = 0 and S = 1
      const xx = p === 0 || p === 1 ? Number.NaN : p;
      const se2 = (z * se) / Math.log(xx);
      const ll = Math.log(-Math.log(xx));
      out[0] = Math.exp(-Math.exp(ll - se2));
      out[1] = Math.exp(-Math.exp(ll + se2));
      return;
    }
    case 'logit': {
      // inverse logit of logit(S) -/+ z se / (1 - S); undefined at S = 0
      const xx = p === 0 ? Number.NaN : p;
      const se2 = z * se * (1 + xx / (1 - xx));
      const lg = Math.log(p / (1 - p));
      out[0] = 1 - 1 / (1 + Math.exp(lg - se2));
      out[1] = 1 - 1 / (1 + Math.exp(lg + se2));
      return;
    }
    case 'arcsin': {
      // sin^2(asin(sqrt S) -/+ z se sqrt(S / (1 - S)) / 2), clipped to [0, pi/2]
      const xx = p === 0 ? Number.NaN : p;
      const se2 = 0.5 * z * se * Math.sqrt(xx / (1 - xx));
      const as = Math.asin(Math.sqrt(xx));
      out[0] = Math.sin(Math.max(0, as - se2)) ** 2;
      out[1] = Math.sin(Math.min(Math.PI / 2, as + se2)) ** 2;
      return;
    }
    default:
      out[0] = Number.NaN;
      out[1] = Number.NaN;
  }
}

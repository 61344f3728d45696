import { logGamma } from './log-gamma.js';

const EPS = 1e-16;
const MAX_TERMS = 100_000;
const TINY = 1e-300;

/**
 * The regularised upper incomplete gamma function Q(a, x) = Gamma(a, x) / Gamma(a), as R's
 * `pgamma(x, a, lower.tail = FALSE)`. Below x = a + 1 the series of the lower function P(a, x)
 * is summed and Q = 1 - P (Q is not small there); from a + 1 on, Legendre's continued fraction
 * gives Q itself, by the modified Lentz method (Numerical Recipes, 3rd ed., section 6.2), so a
 * tiny Q keeps its relative accuracy.
 *
 * Internal: callers pass a > 0 and x finite.
 *
 * @param a - the shape.
 * @param x - the point.
 * @returns Q(a, x).
 * @example upperIncompleteGamma(0.5, 1.920729410347062); // => 0.05 (pchisq(3.84, 1, lower = FALSE))
 */
export function upperIncompleteGamma(a: number, x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= MAX_TERMS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n <= MAX_TERMS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= EPS) break;
  }
  return Math.exp(logFront) * h;
}

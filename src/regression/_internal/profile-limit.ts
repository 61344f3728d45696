// One profile-likelihood confidence limit: the root, on one side of the estimate, of
//   f(b) = drop(b) - q,    drop(b) = 2 (l(hat beta) - max_{beta_j = b} l(beta)),  q = qchisq(level, 1),
// the exact root of the profiled deviance (not the spline MASS's confint() reads it off). f is
// -q at the estimate and grows away from it; its slope is -2 dl/dbeta_j at the constrained
// maximum (the envelope theorem), so Newton's method applies, kept inside a bracket:
//  - the first probe is the Wald limit, estimate +- z se, usually within a few per cent of the
//    root; the bracket is then widened by 1, 2, 4, ... standard errors until f changes sign;
//  - Newton steps start from the end of the bracket where |f| is smaller; a step that would
//    leave the bracket is replaced by bisection, and every evaluation narrows the bracket;
//  - it stops when the next Newton step is below 1e-12 standard errors, taking that step
//    (quadratic convergence leaves an error far below it).

/** f(b) and f'(b). */
export interface ProfilePoint {
  readonly value: number;
  readonly slope: number;
}

const MAX_DOUBLINGS = 60;
const MAX_STEPS = 100;

/**
 * The limit on side `direction` (-1 lower, +1 upper), or null when the profile never rises by
 * q on that side within 2^60 standard errors (a limit at infinity).
 */
export function profileLimit(
  evaluate: (b: number) => ProfilePoint,
  estimate: number,
  stdErr: number,
  crit: number,
  direction: -1 | 1,
): number | null {
  // bracket [inner, outer]: f(inner) < 0 <= f(outer)
  let inner = estimate;
  let atInner: ProfilePoint | null = null;
  let outer = estimate + direction * crit * stdErr;
  let atOuter = evaluate(outer);
  for (let k = 0, step = 1; atOuter.value < 0; k++, step *= 2) {
    if (k === MAX_DOUBLINGS) return null;
    inner = outer;
    atInner = atOuter;
    outer = inner + direction * step * stdErr;
    atOuter = evaluate(outer);
  }
  const tolerance = 1e-12 * stdErr;
  let [b, at] =
    atInner !== null && -atInner.value < atOuter.value ? [inner, atInner] : [outer, atOuter];
  for (let k = 0; k < MAX_STEPS; k++) {
    if (at.value === 0) return b;
    const newton = b - at.value / at.slope;
    if (Math.abs(newton - b) <= tolerance) return newton;
    const lo = Math.min(inner, outer);
    const hi = Math.max(inner, outer);
    b = newton > lo && newton < hi ? newton : (inner + outer) / 2;
    at = evaluate(b);
    if (at.value < 0) inner = b;
    else outer = b;
    if (Math.abs(outer - inner) <= tolerance) return b;
  }
  return b;
}

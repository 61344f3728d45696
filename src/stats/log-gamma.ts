// biome-ignore-all lint/correctness/noPrecisionLoss: the published coefficients, digit for digit as printed

const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * ln Gamma(x) for x > 0. From x = 10 on, Stirling's series with six correction terms
 * (1/(12x) - 1/(360x^3) + ..., error below 1e-17 there); below 10, the recurrence
 * Gamma(x) = Gamma(x + n) / (x (x + 1) ... (x + n - 1)) shifts the argument up first. Absolute
 * error about 1e-15 times ln Gamma(x): what the regularised beta and gamma functions need for
 * their factor x^a (1 - x)^b / B(a, b) (Abramowitz and Stegun 6.1.40).
 *
 * Internal: callers pass x > 0 and finite.
 *
 * @example logGamma(5); // => 3.1780538303479458 (ln 24)
 */
export function logGamma(x: number): number {
  let shift = 0;
  let product = 1;
  let z = x;
  while (z < 10) {
    product *= z;
    z += 1;
    // Keep the product finite for tiny x (x = 1e-300 would overflow it after a few factors).
    if (product > 1e280 || product < 1e-280) {
      shift += Math.log(product);
      product = 1;
    }
  }
  shift += Math.log(product);
  const inv = 1 / z;
  const inv2 = inv * inv;
  const series =
    inv *
    (1 / 12 -
      inv2 *
        (1 / 360 -
          inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360))))));
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series - shift;
}

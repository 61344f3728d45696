// Internal: the binomial probability mass function as a whole vector, exactly enough for the
// 1e-10 agreement with R's `dbinom` that the monitoring fixtures demand (used by the stopping
// rules' operating characteristics and Simon's design). Not exported from the package: the
// public functions validate their arguments before calling it.

/**
 * P(X = k) for k = 0..n, X ~ Binomial(n, p).
 *
 * Method: the term at the mode is computed on the log scale (log C(n, m) as a sum of
 * log((n - m + k) / k), which is exact to a few ulps for the n of a trial, unlike
 * `gammaln` differences), and the other terms by the ratio recursion
 * P(k + 1) / P(k) = (n - k) / (k + 1) * p / (1 - p) walking away from the mode, so every
 * term keeps a relative error of a few hundred ulps at most and tails underflow gracefully
 * to 0 instead of going negative. Matches R's `dbinom(0:n, n, p)` to ~1e-13 relative.
 *
 * @param n - number of trials, an integer >= 0 (not checked).
 * @param p - success probability in [0, 1] (not checked).
 * @returns an array of length n + 1 summing to 1 (up to rounding).
 * @example binomialPmf(2, 0.5); // => [0.25, 0.5, 0.25]
 */
export function binomialPmf(n: number, p: number): number[] {
  const pmf = new Array<number>(n + 1).fill(0);
  if (p <= 0) {
    pmf[0] = 1;
    return pmf;
  }
  if (p >= 1) {
    pmf[n] = 1;
    return pmf;
  }
  const mode = Math.min(n, Math.floor((n + 1) * p));
  let logChoose = 0;
  for (let k = 1; k <= mode; k++) logChoose += Math.log((n - mode + k) / k);
  pmf[mode] = Math.exp(logChoose + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
  const odds = p / (1 - p);
  for (let k = mode; k < n; k++) pmf[k + 1] = pmf[k]! * ((n - k) / (k + 1)) * odds;
  for (let k = mode; k > 0; k--) pmf[k - 1] = (pmf[k]! * (k / (n - k + 1))) / odds;
  return pmf;
}

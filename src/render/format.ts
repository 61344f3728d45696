// Number formatting shared by every rendering of a report: one rule for missing values (R's NA
// shows as "NA"), for percentages and for intervals, so the Markdown, HTML and terminal forms
// agree to the digit.

/** `x` with `digits` decimals, or `NA` for null. */
export function fixed(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined ? 'NA' : x.toFixed(digits);
}

/** A proportion as a percentage with one decimal, or `NA`. */
export function percent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? 'NA' : `${(100 * x).toFixed(digits)}%`;
}

/** `(lower-upper)` of a proportion in percent. */
export function percentInterval(lower: number | null, upper: number | null): string {
  return `${percent(lower)} to ${percent(upper)}`;
}

/** `estimate (lower to upper)` with `digits` decimals. */
export function withInterval(
  estimate: number | null,
  lower: number | null,
  upper: number | null,
  digits = 1,
): string {
  return `${fixed(estimate, digits)} (${fixed(lower, digits)} to ${fixed(upper, digits)})`;
}

/** `1 event`, `2 events`: a count with its noun, singular for exactly one. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** `3/40 (7.5%)`: a count out of n with its percentage. */
export function countOf(count: number, n: number, estimate: number | null): string {
  return `${count}/${n} (${percent(estimate)})`;
}

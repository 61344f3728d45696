// The shapes every estimate with an interval takes (docs/api-conventions.md): one for an
// estimate, one for a proportion of a count.

/**
 * An estimate with its confidence interval; each part null where it cannot be estimated (R's
 * NA): a survival quantile the curve never reaches, a proportion of no patients. The one
 * estimate-with-interval type of the library.
 */
export interface Estimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A count out of a denominator, with the proportion and its interval (all null when n = 0). */
export interface Proportion extends Estimate {
  /** Patients (or events) counted. */
  readonly count: number;
  /** The denominator. */
  readonly n: number;
}

import { openFrame, readCovariates, readIndicator } from './read-frame.js';

/** Logistic input as read: columns in data order. */
export interface LogisticInput {
  readonly n: number;
  readonly outcome: Uint8Array;
  readonly events: number;
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
}

/** The name R gives the intercept column, first among the coefficients. */
export const INTERCEPT = '(Intercept)';

/** Reads `{ outcome, covariates }` as columns or as rows with accessors. */
export function readLogisticData(name: string, data: unknown): LogisticInput {
  const frame = openFrame(name, data, 'outcome');
  const record = data as Record<string, unknown>;
  const { values: outcome, count: events } = readIndicator(
    frame,
    frame.field('outcome', record['outcome']),
  );
  const { names, columns } = readCovariates(name, frame, record['covariates'], [INTERCEPT]);
  return { n: frame.n, outcome, events, names, columns };
}

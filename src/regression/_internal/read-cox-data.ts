import { type CodedLabels, codeLabels } from '../../survival/_internal/read-input.js';
import { openFrame, readCovariates, readIndicator, readNumbers } from './read-frame.js';

/** Cox input as read: columns in data order. */
export interface CoxInput {
  readonly n: number;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly events: number;
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  /** Stratum codes (levels sorted as R's factor()), or null for one stratum. */
  readonly strata: CodedLabels | null;
}

/** Reads `{ time, event, covariates, strata? }` as columns or as rows with accessors. */
export function readCoxData(name: string, data: unknown): CoxInput {
  const frame = openFrame(name, data, 'time');
  const record = data as Record<string, unknown>;
  const time = readNumbers(frame, frame.field('time', record['time']), true);
  const { values: event, count: events } = readIndicator(
    frame,
    frame.field('event', record['event']),
  );
  const { names, columns } = readCovariates(name, frame, record['covariates']);
  let strata: CodedLabels | null = null;
  if (record['strata'] !== undefined) {
    const field = frame.field('strata', record['strata']);
    strata = codeLabels(`${name}.strata`, (i) => field.get(i), frame.n);
  }
  return { n: frame.n, time, event, events, names, columns, strata };
}

import { assertArray, assertInteger, assertObject } from '../../_lib/assert.js';
import { describeValue } from '../../_lib/describe-value.js';
import { assertString } from './plot-options.js';

// Internal: checks the input of patientFlowPlot and turns it into the stages it draws. Every
// side box counts the difference between the stages it leaves and enters, so the diagram adds
// up whatever the reasons say; the reasons may account for fewer patients (the rest is listed
// as not recorded), never for more.

/** A number of patients leaving the flow for one reason. */
export interface FlowReason {
  readonly reason: string;
  readonly count: number;
}

/** A side box: its heading and total, and the reasons (a remainder included). */
export interface FlowExits {
  readonly heading: string;
  readonly total: number;
  readonly reasons: readonly FlowReason[];
}

/** The flow checked, top to bottom. */
export interface FlowStages {
  readonly assessed: { readonly count: number; readonly exits: FlowExits } | null;
  readonly enrolled: number;
  readonly notOperated: FlowExits;
  readonly operated: number;
  readonly endpoints: readonly {
    readonly endpoint: string;
    readonly evaluable: number;
    readonly exits: FlowExits;
  }[];
}

/**
 * The largest count in a flow, one billion: far beyond any trial, and small enough that the
 * sums of a flow's counts stay exact in floating point (below 2^53), so "adds up" is exact.
 */
export const MAX_FLOW_COUNT = 1_000_000_000;

/** What a side box lists for the patients its reasons do not account for. */
export const REASON_NOT_RECORDED = 'Reason not recorded';

/** Checks `flow` (see patientFlowPlot) and returns its stages; throws naming the entry. */
export function readPatientFlow(flow: unknown): FlowStages {
  assertObject('flow', flow);
  const f = flow as Record<string, unknown>;
  const enrolled = readCount('flow.enrolled', f['enrolled']);
  const operated = readCount('flow.operated', f['operated']);
  const assessed = readScreening(f, enrolled);
  assertNotAbove('flow.operated', operated, 'flow.enrolled', enrolled);
  const notOperated = exits(
    'Not operated',
    'flow.notOperated',
    enrolled - operated,
    readReasons('flow.notOperated', f['notOperated']),
  );
  const list = f['endpoints'];
  assertArray('flow.endpoints', list);
  const endpoints = list.map((e, i) => {
    const name = `flow.endpoints[${i}]`;
    assertObject(name, e);
    const { endpoint, evaluable, excluded } = e as Record<string, unknown>;
    assertNonBlank(`${name}.endpoint`, endpoint);
    const count = readCount(`${name}.evaluable`, evaluable);
    assertNotAbove(`${name}.evaluable`, count, 'flow.operated', operated);
    const reasons = readReasons(`${name}.excluded`, excluded);
    return {
      endpoint,
      evaluable: count,
      exits: exits('Excluded from analysis', `${name}.excluded`, operated - count, reasons),
    };
  });
  return { assessed, enrolled, notOperated, operated, endpoints };
}

/** The screening stage: `assessed` and `screeningExcluded`, or null when not given. */
function readScreening(f: Record<string, unknown>, enrolled: number): FlowStages['assessed'] {
  const raw = f['screeningExcluded'];
  if (f['assessed'] === undefined) {
    if (raw === undefined) return null;
    throw new RangeError(
      `flow.screeningExcluded needs flow.assessed, the patients they were excluded from. Value: ${describeValue(raw)}.`,
    );
  }
  const count = readCount('flow.assessed', f['assessed']);
  assertNotAbove('flow.enrolled', enrolled, 'flow.assessed', count);
  const reasons = raw === undefined ? [] : readReasons('flow.screeningExcluded', raw);
  return { count, exits: exits('Excluded', 'flow.screeningExcluded', count - enrolled, reasons) };
}

function readCount(name: string, value: unknown): number {
  assertInteger(name, value);
  if (value > MAX_FLOW_COUNT) {
    throw new RangeError(`${name} must be <= ${MAX_FLOW_COUNT}. Value: ${describeValue(value)}.`);
  }
  return value;
}

function assertNonBlank(name: string, value: unknown): asserts value is string {
  assertString(name, value);
  if (value.trim() === '') {
    throw new RangeError(`${name} must not be blank. Value: ${describeValue(value)}.`);
  }
}

/** A later stage cannot hold more patients than the one it comes from. */
function assertNotAbove(name: string, value: number, parentName: string, parent: number): void {
  if (value > parent) {
    throw new RangeError(
      `${name} must be <= ${parentName} (${parent}): patients come from the stage before. Value: ${value}.`,
    );
  }
}

function readReasons(name: string, value: unknown): FlowReason[] {
  assertArray(name, value);
  return value.map((r, i) => {
    assertObject(`${name}[${i}]`, r);
    const { reason, count } = r as Record<string, unknown>;
    assertNonBlank(`${name}[${i}].reason`, reason);
    return { reason, count: readCount(`${name}[${i}].count`, count) };
  });
}

/** The side box for `total` patients leaving the flow; a remainder is "not recorded". */
function exits(
  heading: string,
  name: string,
  total: number,
  reasons: readonly FlowReason[],
): FlowExits {
  let sum = 0;
  for (const r of reasons) sum += r.count;
  if (sum > total) {
    throw new RangeError(
      `${name} must count at most the ${total} patient(s) who left the flow there. Value: reasons adding up to ${sum}.`,
    );
  }
  const all =
    sum < total ? [...reasons, { reason: REASON_NOT_RECORDED, count: total - sum }] : reasons;
  return { heading, total, reasons: all };
}

import { assertArray, assertFiniteNumber, assertObject, assertOneOf } from '../../_lib/assert.js';
import { describeValue } from '../../_lib/describe-value.js';
import { assertString, readBoolean } from './plot-options.js';
import { SWIMMER_EVENT_KINDS, type SwimmerEventKind } from './swimmer-events.js';

// Internal: checks the input of swimmerPlot.

/** One lane, checked: `ongoing` and `events` filled in. */
export interface SwimmerLaneChecked {
  readonly patientId: string;
  readonly followUpMonths: number;
  readonly ongoing: boolean;
  readonly events: readonly { readonly kind: SwimmerEventKind; readonly months: number }[];
}

/** The longest follow-up, as kaplanMeierPlot's maxTime: 300 years, beyond any date accepted. */
const MAX_FOLLOW_UP_MONTHS = 3600;

/** Checks `lanes`: unique ids, follow-up in [0, 3,600] months, events within the follow-up. */
export function readSwimmerLanes(lanes: unknown): SwimmerLaneChecked[] {
  assertArray('lanes', lanes);
  const seen = new Map<string, number>();
  return lanes.map((l, i) => {
    const name = `lanes[${i}]`;
    assertObject(name, l);
    const { patientId, followUpMonths, ongoing, events } = l as Record<string, unknown>;
    assertString(`${name}.patientId`, patientId);
    const earlier = seen.get(patientId);
    if (earlier !== undefined) {
      throw new RangeError(
        `${name}.patientId repeats lanes[${earlier}].patientId: one lane per patient. Value: ${describeValue(patientId)}.`,
      );
    }
    seen.set(patientId, i);
    assertFiniteNumber(`${name}.followUpMonths`, followUpMonths);
    if (followUpMonths < 0 || followUpMonths > MAX_FOLLOW_UP_MONTHS) {
      throw new RangeError(
        `${name}.followUpMonths must be in [0, ${MAX_FOLLOW_UP_MONTHS}] months (300 years). Value: ${describeValue(followUpMonths)}.`,
      );
    }
    const open = readBoolean(`${name}.ongoing`, ongoing, false);
    const list = events === undefined ? [] : events;
    assertArray(`${name}.events`, list);
    const checked = list.map((e, k) => readEvent(`${name}.events[${k}]`, e, followUpMonths));
    const death = checked.findIndex((e) => e.kind === 'death');
    if (open && death !== -1) {
      throw new RangeError(
        `${name}.ongoing must be false: the patient died (${name}.events[${death}]). Value: true.`,
      );
    }
    return { patientId, followUpMonths, ongoing: open, events: checked };
  });
}

function readEvent(
  name: string,
  e: unknown,
  followUpMonths: number,
): { kind: SwimmerEventKind; months: number } {
  assertObject(name, e);
  const { kind, months } = e as Record<string, unknown>;
  assertOneOf(`${name}.kind`, kind, SWIMMER_EVENT_KINDS);
  assertFiniteNumber(`${name}.months`, months);
  if (months < 0 || months > followUpMonths) {
    throw new RangeError(
      `${name}.months must be in [0, followUpMonths = ${describeValue(followUpMonths)}]. Value: ${describeValue(months)}.`,
    );
  }
  return { kind, months };
}

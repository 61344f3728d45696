import { fc } from '@fast-check/vitest';
import { addDaysIso } from '../../src/model/iso-date.js';
import {
  CLAVIEN_DINDO_GRADES,
  DEATH_CAUSES,
  type DeathCause,
  type Patient,
} from '../../src/model/types.js';

// Valid cohorts with extreme but valid values, for the report's no-crash, no-NaN property:
// PSA from 0 and subnormal numbers to 1e300, follow-up from 0 days to 4 years, deaths on day 0,
// complications of every grade (sub-grade unrecorded included) on every day of the window,
// ADT before the sLND, testosterone 0, events on the day of surgery. simulateCohort makes
// realistic cohorts; these are the corners real exports reach.

const START = '2020-01-01';

const psaValue = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0.2, max: 50, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 0.2, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 5e-324, 1e-300, 1e-12, 1e6, 1e300, 0.2, 0.1) },
);

/** A day from 0 to `to` inclusive, as a fraction drawn once and scaled (to may be 0). */
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const rawPatient = fc.record({
  surgeryDay: fc.integer({ min: 0, max: 1500 }),
  followUp: fc.oneof(
    fc.integer({ min: 0, max: 120 }),
    fc.integer({ min: 0, max: 1500 }),
    fc.constantFrom(0, 42, 90, 91, 365, 729, 730, 731),
  ),
  death: fc.option(fc.constantFrom<DeathCause | 'none'>('none', ...DEATH_CAUSES), {
    freq: 3,
  }),
  prostatectomyDaysBefore: fc.option(fc.integer({ min: 1, max: 5000 })),
  psaBefore: fc.array(
    fc.record({
      day: fc.integer({ min: -500, max: 0 }),
      value: psaValue,
      undetectable: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  psaAfter: fc.array(fc.record({ at: fraction, value: psaValue, undetectable: fc.boolean() }), {
    maxLength: 8,
  }),
  complications: fc.array(
    fc.record({
      at: fraction,
      grade: fc.constantFrom(...CLAVIEN_DINDO_GRADES),
      d: fc.boolean(),
      description: fc.constantFrom(undefined, 'lymphocele', '<b>bleeding</b> & *more*', ''),
    }),
    { maxLength: 3 },
  ),
  adt: fc.option(fc.oneof(fraction, fc.integer({ min: -300, max: -1 }))),
  testosterone: fc.array(
    fc.record({ at: fraction, value: fc.constantFrom(0, 0.5, 12, 49.9, 50, 400, 1e6) }),
    { maxLength: 4 },
  ),
  crpc: fc.option(fraction),
  metastasis: fc.option(fraction),
  imaging: fc.option(fraction),
});

type RawPatient = typeof rawPatient extends fc.Arbitrary<infer T> ? T : never;

const ID_PREFIXES = ['P', 'SYN-', 'a&b<', '#x|', '1.'] as const;

/** One valid patient from the raw draw (dates placed inside the follow-up, one value a day). */
function toPatient(raw: RawPatient, id: string): Patient {
  const surgeryDate = addDaysIso(START, raw.surgeryDay);
  const on = (day: number) => addDaysIso(surgeryDate, day);
  const within = (at: number) => Math.round(at * raw.followUp);
  const psaDays = new Set<number>();
  const psa: { date: string; value: number; undetectable?: boolean }[] = [];
  const addPsa = (day: number, value: number, undetectable: boolean) => {
    if (psaDays.has(day)) return;
    psaDays.add(day);
    // An undetectable result records its detection limit, which must be > 0 to mean anything.
    psa.push(
      undetectable && value > 0 ? { date: on(day), value, undetectable } : { date: on(day), value },
    );
  };
  for (const m of raw.psaBefore) addPsa(m.day, m.value, m.undetectable);
  for (const m of raw.psaAfter) addPsa(within(m.at), m.value, m.undetectable);
  const testosteroneDays = new Set<number>();
  const testosterone = raw.testosterone.flatMap((t) => {
    const day = within(t.at);
    if (testosteroneDays.has(day)) return [];
    testosteroneDays.add(day);
    return [{ date: on(day), value: t.value }];
  });
  const patient: Record<string, unknown> = {
    id,
    surgeryDate,
    psa,
    complications: raw.complications.map((c) => ({
      date: on(within(c.at)),
      grade: c.grade,
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.d && c.grade !== 'V' ? { persistsAtDischarge: true } : {}),
    })),
    lastFollowUpDate: on(raw.followUp),
  };
  if (testosterone.length > 0) patient['testosterone'] = testosterone;
  if (raw.prostatectomyDaysBefore !== null) {
    patient['prostatectomyDate'] = on(-raw.prostatectomyDaysBefore);
  }
  if (raw.adt !== null) patient['adtStartDate'] = on(raw.adt < 0 ? raw.adt : within(raw.adt));
  if (raw.crpc !== null) patient['castrationResistanceDate'] = on(within(raw.crpc));
  if (raw.metastasis !== null) patient['distantMetastasisDate'] = on(within(raw.metastasis));
  if (raw.imaging !== null) patient['lastImagingDate'] = on(within(raw.imaging));
  if (raw.death !== null) {
    // Follow-up ends at death: the death is on the last follow-up date.
    patient['deathDate'] = on(raw.followUp);
    if (raw.death !== 'none') patient['deathCause'] = raw.death;
  }
  return patient as unknown as Patient;
}

/** 1 to 12 valid patients with extreme values and unique ids. */
export const extremeCohort: fc.Arbitrary<Patient[]> = fc
  .tuple(fc.array(rawPatient, { minLength: 1, maxLength: 12 }), fc.constantFrom(...ID_PREFIXES))
  .map(([raws, prefix]) => raws.map((raw, i) => toPatient(raw, `${prefix}${i + 1}`)));

import { assertObject, assertOneOf } from '../_lib/assert.js';
import { assertPatientSeries } from '../model/assert-series.js';
import { daysBetween } from '../model/iso-date.js';
import type { IsoDate, Patient, PsaMeasurement, TestosteroneMeasurement } from '../model/types.js';

/** The definitions of castration resistance that {@link detectCastrationResistance} knows. */
export type CastrationResistanceDefinition = 'eau' | 'pcwg3';

/** Castrate testosterone: below 50 ng/dL (1.7 nmol/L), in both definitions. */
export const CASTRATE_TESTOSTERONE_NG_DL = 50;

/** Result of {@link detectCastrationResistance} when the criteria are met. */
export interface CastrationResistanceResult {
  readonly patientId: string;
  /** Date the criteria are first met: the date of the confirming PSA. */
  readonly date: IsoDate;
  readonly definition: CastrationResistanceDefinition;
  /** The nadir on ADT the rises are measured from. */
  readonly nadir: PsaMeasurement;
  /** The PSA values that meet the rule, the confirming one last. */
  readonly values: PsaMeasurement[];
  /** The castrate testosterone value in force at `date`. */
  readonly testosterone: TestosteroneMeasurement;
}

/**
 * Detects castration-resistant prostate cancer (CRPC) from PSA, testosterone and the start of
 * androgen deprivation therapy (ADT). Only PSA values on or after `adtStartDate` count; a
 * patient without an ADT start is never castration resistant. Both definitions require
 * castrate testosterone (< 50 ng/dL) at the confirming date: the latest testosterone measured
 * on or after the ADT start and on or before that date must be < 50 ng/dL (none measured: not
 * met). Undetectable PSA results count at their detection limit. The nadir is the lowest PSA on
 * ADT before the rises.
 *
 * - `eau` (EAU-EANM-ESTRO-ESUR-ISUP-SIOG prostate cancer guideline, definition of CRPC):
 *   three consecutive rises (each value higher than the one before it, each at least 7 days
 *   after it) resulting in two 50% increases over the nadir (at least two of the three values
 *   >= 1.5 x nadir) and the last value > 2 ng/mL. Met at the third rising value.
 * - `pcwg3` (Scher et al., J Clin Oncol 2016;34:1402, PSA progression): a value >= 25% and
 *   >= 2 ng/mL above the nadir, confirmed by the first value measured 3 weeks (21 days) or more
 *   later that is also >= 25% and >= 2 ng/mL above that nadir, with no value in between
 *   falling back below those limits. Met at the confirming value.
 *
 * @param patient - a patient (see `parseCohort`).
 * @param options.definition - `'eau'` (default) or `'pcwg3'`.
 * @returns the date and the values used, or null when the criteria are never met.
 * @throws {TypeError|RangeError} when the patient's series or the definition is malformed.
 * @example
 * detectCastrationResistance(patient, { definition: 'pcwg3' })?.date; // => '2025-03-02'
 */
export function detectCastrationResistance(
  patient: Patient,
  options: { readonly definition?: CastrationResistanceDefinition } = {},
): CastrationResistanceResult | null {
  assertPatientSeries('patient', patient);
  assertObject('options', options);
  const { definition = 'eau' } = options;
  assertOneOf('options.definition', definition, ['eau', 'pcwg3']);
  const adt = patient.adtStartDate;
  if (adt === undefined) return null;

  const onAdt = patient.psa
    .filter((m) => m.date >= adt)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const testosterone = (patient.testosterone ?? [])
    .filter((t) => t.date >= adt)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const castrateAt = (date: IsoDate): TestosteroneMeasurement | null => {
    let latest: TestosteroneMeasurement | null = null;
    for (const t of testosterone) if (t.date <= date) latest = t;
    return latest !== null && latest.value < CASTRATE_TESTOSTERONE_NG_DL ? latest : null;
  };
  const found = definition === 'eau' ? findEau(onAdt, castrateAt) : findPcwg3(onAdt, castrateAt);
  if (found === null) return null;
  const last = found.values[found.values.length - 1] as PsaMeasurement;
  return {
    patientId: patient.id,
    date: last.date,
    definition,
    nadir: { ...found.nadir },
    values: found.values.map((m) => ({ ...m })),
    testosterone: { ...found.testosterone },
  };
}

type Found = {
  nadir: PsaMeasurement;
  values: PsaMeasurement[];
  testosterone: TestosteroneMeasurement;
};

function findEau(
  psa: readonly PsaMeasurement[],
  castrateAt: (date: IsoDate) => TestosteroneMeasurement | null,
): Found | null {
  // psa[i - 1] is the value before the first rise; the nadir is the lowest up to it.
  let nadir = psa[0];
  for (let i = 1; i + 2 < psa.length; i++) {
    const before = psa[i - 1] as PsaMeasurement;
    if (nadir === undefined || before.value < nadir.value) nadir = before;
    const rises = [psa[i], psa[i + 1], psa[i + 2]] as PsaMeasurement[];
    let previous = before;
    let ok = true;
    for (const r of rises) {
      if (!(r.value > previous.value) || daysBetween(previous.date, r.date) < 7) ok = false;
      previous = r;
    }
    if (!ok) continue;
    const fiftyPercent = rises.filter((r) => r.value >= 1.5 * nadir!.value).length;
    const third = rises[2] as PsaMeasurement;
    if (fiftyPercent < 2 || !(third.value > 2)) continue;
    const t = castrateAt(third.date);
    if (t !== null) return { nadir, values: rises, testosterone: t };
  }
  return null;
}

function findPcwg3(
  psa: readonly PsaMeasurement[],
  castrateAt: (date: IsoDate) => TestosteroneMeasurement | null,
): Found | null {
  let nadir = psa[0];
  for (let i = 1; i < psa.length; i++) {
    const before = psa[i - 1] as PsaMeasurement;
    if (nadir === undefined || before.value < nadir.value) nadir = before;
    const n = nadir;
    const progressed = (m: PsaMeasurement) => m.value >= 1.25 * n.value && m.value - n.value >= 2;
    const first = psa[i] as PsaMeasurement;
    if (!progressed(first)) continue;
    for (let j = i + 1; j < psa.length; j++) {
      const next = psa[j] as PsaMeasurement;
      if (!progressed(next)) break;
      if (daysBetween(first.date, next.date) < 21) continue;
      const t = castrateAt(next.date);
      if (t !== null) return { nadir: n, values: [first, next], testosterone: t };
      break;
    }
  }
  return null;
}

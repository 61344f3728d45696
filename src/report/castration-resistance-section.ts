import { daysBetween } from '../model/iso-date.js';
import type { Patient } from '../model/types.js';
import {
  type CastrationResistanceDefinition,
  detectCastrationResistance,
} from '../psa/detect-castration-resistance.js';
import type { CastrationResistanceReport } from './trial-report.js';

/** Recorded and lab-derived dates further apart than this are listed (days). */
export const DISCREPANCY_DAYS = 30;

/** The definitions in words, with their sources. */
const DEFINITIONS: Readonly<Record<CastrationResistanceDefinition, string>> = {
  eau:
    'EAU guideline definition of castration resistance: castrate testosterone (< 50 ng/dL) and ' +
    'three consecutive PSA rises at least a week apart, two of them 50% above the nadir on ADT, ' +
    'the last > 2 ng/mL',
  pcwg3:
    'PCWG3 PSA progression (Scher et al., J Clin Oncol 2016): castrate testosterone (< 50 ng/dL) ' +
    'and a PSA >= 25% and >= 2 ng/mL above the nadir on ADT, confirmed by a value 3 or more weeks ' +
    'later',
};

/**
 * How the report dates castration resistance: as recorded by the sites (`recorded`, the
 * default) or from each patient's own PSA and testosterone under `definition`
 * (`detectCastrationResistance`). Either way every patient whose recorded date and lab-derived
 * date disagree by more than 30 days, or who has a date on one side only, is listed.
 *
 * @returns the section, and the patients the endpoint is analysed on (with `derived`, each
 *   `castrationResistanceDate` replaced by the derived one).
 */
export function castrationResistanceSection(
  cohort: readonly Patient[],
  source: 'recorded' | 'derived',
  definition: CastrationResistanceDefinition,
): { section: CastrationResistanceReport; patients: readonly Patient[] } {
  const derived = cohort.map((p) => detectCastrationResistance(p, { definition })?.date ?? null);
  const discrepancies: CastrationResistanceReport['discrepancies'][number][] = [];
  cohort.forEach((p, i) => {
    const recordedDate = p.castrationResistanceDate ?? null;
    const derivedDate = derived[i] ?? null;
    if (recordedDate === null && derivedDate === null) return;
    const differenceDays =
      recordedDate === null || derivedDate === null ? null : daysBetween(recordedDate, derivedDate);
    if (differenceDays === null || Math.abs(differenceDays) > DISCREPANCY_DAYS) {
      discrepancies.push({ patientId: p.id, recordedDate, derivedDate, differenceDays });
    }
  });
  const patients =
    source === 'recorded'
      ? cohort
      : cohort.map((p, i) => {
          const { castrationResistanceDate: _recorded, ...rest } = p;
          const date = derived[i];
          return date === null || date === undefined
            ? rest
            : { ...rest, castrationResistanceDate: date };
        });
  const how =
    source === 'recorded'
      ? 'Dates of castration resistance as recorded in the data; the patients whose own PSA and testosterone date it differently under the ' +
        `${definition.toUpperCase()} definition are listed.`
      : `Dates of castration resistance derived from each patient's PSA and testosterone (${definition.toUpperCase()} definition); recorded dates are not used.`;
  return {
    section: {
      source,
      definition,
      description: `${how} ${DEFINITIONS[definition]}.`,
      discrepancies,
    },
    patients,
  };
}

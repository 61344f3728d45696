import { DAYS_PER_MONTH, daysBetween } from '../model/iso-date.js';
import {
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  PATHOLOGICAL_NODES,
  PATHOLOGICAL_STAGES,
  type Patient,
  SURGICAL_MARGINS,
} from '../model/types.js';
import type { PsaDoublingTimeChangeResult } from '../psa/psa-doubling-time-change.js';
import type { PsaResponseResult } from '../psa/psa-response.js';
import { quantilesType2 } from '../stats/quantile-type-2.js';
import type { BaselineRow, TrialReport } from './trial-report.js';

/** What the baseline table reads of one patient, derived values included. */
interface PatientBaseline {
  readonly patient: Patient;
  readonly response: PsaResponseResult;
  readonly change: PsaDoublingTimeChangeResult;
}

type Read<T> = (b: PatientBaseline) => T | undefined;

const yesNo = (value: boolean | undefined) =>
  value === undefined ? undefined : value ? 'yes' : 'no';

/** A continuous row: median and quartiles (R's `quantile(type = 2)`, as gtsummary) and missing. */
function continuous(
  variable: string,
  label: string,
  all: readonly PatientBaseline[],
  read: Read<number>,
): BaselineRow {
  // Loops, not flatMap: the report reads 10^5 patients (docs/performance.md).
  const values: number[] = [];
  for (const b of all) {
    const v = read(b);
    if (v !== undefined && v !== null) values.push(v);
  }
  const [q1 = null, median = null, q3 = null] = quantilesType2(values, [0.25, 0.5, 0.75]);
  return {
    variable,
    label,
    type: 'continuous',
    n: values.length,
    missing: all.length - values.length,
    median,
    q1,
    q3,
  };
}

/**
 * A categorical row: n (%) per level in the order given, the percent of the patients with the
 * variable recorded (gtsummary's default); a patient may hold several levels (`read` returns
 * them all), then the percents can add up to more than 100.
 */
function categorical(
  variable: string,
  label: string,
  all: readonly PatientBaseline[],
  levels: readonly string[],
  read: Read<string | readonly string[]>,
): BaselineRow {
  const counts = new Map(levels.map((level) => [level, 0]));
  let n = 0;
  const count = (level: string) => {
    const c = counts.get(level);
    if (c !== undefined) counts.set(level, c + 1);
  };
  for (const b of all) {
    const v = read(b);
    if (v === undefined) continue;
    n += 1;
    if (typeof v === 'string') count(v);
    else for (const level of new Set(v)) count(level);
  }
  return {
    variable,
    label,
    type: 'categorical',
    n,
    missing: all.length - n,
    levels: levels.map((level) => {
      const c = counts.get(level)!;
      return { level, count: c, percent: n === 0 ? null : (100 * c) / n };
    }),
  };
}

const months = (from: string | undefined, to: string | undefined) =>
  from === undefined || to === undefined ? undefined : daysBetween(from, to) / DAYS_PER_MONTH;

/**
 * Table 1, the baseline characteristics of the operated patients, as
 * `gtsummary::tbl_summary` presents them: continuous variables as median (IQR) with quartiles
 * of R's `quantile(type = 2)` (gtsummary's), categorical ones as n (%) of the patients with the
 * variable recorded, and the number missing for every row. PSA at sLND is the last value on or
 * before the sLND within 90 days (`psaAtLandmark`'s baseline); the pre-sLND doubling time is
 * `psaDoublingTimeChange`'s (12 calendar months before the sLND; patients whose PSA does not
 * rise there have none and count as missing). Every row is shown, also when no patient has the
 * variable (all missing).
 */
// Long because: one declarative row per variable of Table 1, read top to bottom like the table.
export function baselineSection(
  cohort: readonly Patient[],
  responses: readonly PsaResponseResult[],
  changes: readonly PsaDoublingTimeChangeResult[],
): TrialReport['baseline'] {
  const all = cohort.map((patient, i) => ({
    patient,
    response: responses[i]!,
    change: changes[i]!,
  }));
  const grades = ['1', '2', '3', '4', '5'];
  return {
    n: cohort.length,
    rows: [
      continuous('ageAtSurgery', 'Age at sLND, years', all, (b) => b.patient.ageAtSurgery),
      continuous(
        'psaAtSurgery',
        'PSA at sLND, ng/mL',
        all,
        (b) => b.response.landmark.baseline?.value,
      ),
      continuous(
        'preSurgeryDoublingTime',
        'PSA doubling time before sLND, months',
        all,
        (b) => b.change.pre.doublingTimeMonths ?? undefined,
      ),
      continuous('monthsFromRecurrence', 'Biochemical recurrence to sLND, months', all, (b) =>
        months(b.patient.biochemicalRecurrenceDate, b.patient.surgeryDate),
      ),
      categorical('isupGradeGroup', 'ISUP grade group', all, grades, (b) =>
        b.patient.isupGradeGroup === undefined ? undefined : String(b.patient.isupGradeGroup),
      ),
      categorical(
        'pathologicalStage',
        'Pathological T stage',
        all,
        PATHOLOGICAL_STAGES,
        (b) => b.patient.pathologicalStage,
      ),
      categorical(
        'pathologicalNodes',
        'Pathological N stage',
        all,
        PATHOLOGICAL_NODES,
        (b) => b.patient.pathologicalNodes,
      ),
      categorical(
        'surgicalMargin',
        'Surgical margin',
        all,
        SURGICAL_MARGINS,
        (b) => b.patient.surgicalMargin,
      ),
      categorical(
        'priorSalvageRadiotherapy',
        'Salvage radiotherapy before sLND',
        all,
        ['yes', 'no'],
        (b) => yesNo(b.patient.priorSalvageRadiotherapy),
      ),
      categorical('priorAdt', 'Hormone therapy before sLND', all, ['yes', 'no'], (b) =>
        yesNo(b.patient.priorAdt),
      ),
      categorical(
        'imagingModality',
        'Imaging of the recurrence',
        all,
        IMAGING_MODALITIES,
        (b) => b.patient.imaging?.modality,
      ),
      continuous(
        'imagingPositiveNodes',
        'Nodes positive on imaging',
        all,
        (b) => b.patient.imaging?.positiveNodes,
      ),
      categorical(
        'imagingRegions',
        'Regions positive on imaging (a patient may have several)',
        all,
        IMAGING_REGIONS,
        (b) => b.patient.imaging?.regions,
      ),
      continuous('nodesRemoved', 'Nodes removed at sLND', all, (b) => b.patient.nodesRemoved),
      continuous(
        'nodesPositive',
        'Nodes positive in histology',
        all,
        (b) => b.patient.nodesPositive,
      ),
    ],
  };
}

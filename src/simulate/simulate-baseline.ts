import { addDaysIso } from '../model/iso-date.js';
import type {
  Complication,
  Imaging,
  ImagingModality,
  ImagingRegion,
  PathologicalNodes,
  PathologicalStage,
  Patient,
} from '../model/types.js';
import { biochemicalRecurrenceDay } from './biochemical-recurrence-day.js';
import { INTRAOPERATIVE_COMPLICATIONS } from './complication-catalogue.js';
import type { Draw } from './draw.js';

// The baseline characteristics of a simulated sLND patient, drawn from their own seeded stream
// (docs/simulation.md gives each distribution with its source). "Fossati 2019" is Fossati et
// al., Eur Urol 2019;75:176-183 (654 patients, 9 centres, choline or PSMA PET/CT); figures
// marked "assumed" are the model's choice where no table was checked.

/** Age at the sLND, years: normal, mean 65, SD 6.5, kept within 45-85 (assumed). */
const AGE = { mean: 65, sd: 6.5, min: 45, max: 85 } as const;

/** ISUP grade group at the prostatectomy: mostly 3-5 in sLND series (assumed). */
const ISUP_WEIGHTS: readonly (readonly [1 | 2 | 3 | 4 | 5, number])[] = [
  [1, 0.04],
  [2, 0.22],
  [3, 0.3],
  [4, 0.16],
  [5, 0.28],
];

/** Pathological stage: about 70% pT3 or worse (assumed). */
const STAGE_WEIGHTS: readonly (readonly [PathologicalStage, number])[] = [
  ['pT2', 0.3],
  ['pT3a', 0.3],
  ['pT3b', 0.35],
  ['pT4', 0.05],
];

/** Nodal stage at the prostatectomy (assumed). */
const NODES_WEIGHTS: readonly (readonly [PathologicalNodes, number])[] = [
  ['pN0', 0.55],
  ['pN1', 0.3],
  ['pNx', 0.15],
];

/** Positive margin (R1); salvage radiotherapy before the sLND; ADT before it (assumed). */
const P_R1 = 0.4;
const P_PRIOR_SALVAGE_RT = 0.5;
const P_PRIOR_ADT = 0.2;

/** The imaging that located the recurrence: mostly PSMA PET/CT in a contemporary trial. */
const MODALITY_WEIGHTS: readonly (readonly [ImagingModality, number])[] = [
  ['PSMA-PET/CT', 0.85],
  ['PSMA-PET/MRI', 0.05],
  ['choline-PET/CT', 0.07],
  ['fluciclovine-PET/CT', 0.03],
];

/** Nodes positive on imaging: one in almost half, rarely more than four (assumed). */
const IMAGING_NODES_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 0.45],
  [2, 0.25],
  [3, 0.14],
  [4, 0.08],
  [5, 0.05],
  [6, 0.03],
];

/** Regions of the positive nodes, for one node and for several: mostly pelvic (assumed). */
const ONE_REGION: readonly (readonly [readonly ImagingRegion[], number])[] = [
  [['pelvic'], 0.9],
  [['retroperitoneal'], 0.08],
  [['other'], 0.02],
];
const REGIONS: readonly (readonly [readonly ImagingRegion[], number])[] = [
  [['pelvic'], 0.85],
  [['pelvic', 'retroperitoneal'], 0.09],
  [['retroperitoneal'], 0.04],
  [['pelvic', 'other'], 0.02],
];

/** Nodes removed: log-normal, median 26 (Fossati 2019: median 26, IQR 15-38), within 1-120. */
const NODES_REMOVED = { median: 26, logSd: 0.65, min: 1, max: 120 } as const;

/**
 * Positive nodes at histology (Fossati 2019: 0 in 9%, 1 in 23%, 2 in 14%, 3 or more in 54%);
 * 3 or more is 3 plus a geometric number (success probability 0.3, mean 2.3).
 */
const POSITIVE_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 0.09],
  [1, 0.23],
  [2, 0.14],
  [3, 0.54],
];
const P_STOP_EXTRA_POSITIVE = 0.3;

/** Patients with an intraoperative complication (assumed: a few percent). */
const P_INTRAOPERATIVE = 0.03;

/**
 * The patient with its baseline characteristics drawn from `draw` (a stream of their own, in
 * a fixed order), and, in 3% of patients, an intraoperative complication dated on the day of
 * the sLND, put first among the complications. Every other field is left as it is.
 */
export function simulateBaseline(draw: Draw, patient: Patient): Patient {
  const { surgeryDate } = patient;
  const day = (d: number) => addDaysIso(surgeryDate, Math.round(d));
  const ageAtSurgery = Math.round(
    Math.min(AGE.max, Math.max(AGE.min, AGE.mean + AGE.sd * draw.normal())),
  );
  const isupGradeGroup = draw.weighted(ISUP_WEIGHTS);
  const pathologicalStage = draw.weighted(STAGE_WEIGHTS);
  const pathologicalNodes = draw.weighted(NODES_WEIGHTS);
  const surgicalMargin = draw.chance(P_R1) ? 'R1' : 'R0';
  const priorSalvageRadiotherapy = draw.chance(P_PRIOR_SALVAGE_RT);
  const priorAdt = draw.chance(P_PRIOR_ADT);
  const recurrenceDay = biochemicalRecurrenceDay(draw, patient, priorSalvageRadiotherapy);
  const imaging = simulateImaging(draw, (d) => day(Math.max(recurrenceDay, d)));
  const nodesRemoved = Math.round(
    Math.min(
      NODES_REMOVED.max,
      Math.max(
        NODES_REMOVED.min,
        Math.exp(Math.log(NODES_REMOVED.median) + NODES_REMOVED.logSd * draw.normal()),
      ),
    ),
  );
  let positive = draw.weighted(POSITIVE_WEIGHTS);
  if (positive === 3) while (!draw.chance(P_STOP_EXTRA_POSITIVE) && positive < 40) positive++;
  const complications: Complication[] = [...patient.complications];
  if (draw.chance(P_INTRAOPERATIVE)) {
    const [grade, description, category] = draw.weighted(
      INTRAOPERATIVE_COMPLICATIONS.map((entry) => [entry, entry[3]] as const),
    );
    complications.unshift({
      date: surgeryDate,
      grade,
      description,
      category,
      intraoperative: true,
    });
  }
  return {
    ...patient,
    complications,
    ageAtSurgery,
    isupGradeGroup,
    pathologicalStage,
    pathologicalNodes,
    surgicalMargin,
    biochemicalRecurrenceDate: day(recurrenceDay),
    priorSalvageRadiotherapy,
    priorAdt,
    imaging,
    nodesRemoved,
    nodesPositive: Math.min(positive, nodesRemoved),
  };
}

/** The PET that located the recurrence, 1-10 weeks before the sLND (never before the recurrence). */
function simulateImaging(draw: Draw, dateOf: (day: number) => string): Imaging {
  const date = dateOf(-draw.int(7, 70));
  const modality = draw.weighted(MODALITY_WEIGHTS);
  const positiveNodes = draw.weighted(IMAGING_NODES_WEIGHTS);
  const regions = draw.weighted(positiveNodes === 1 ? ONE_REGION : REGIONS);
  return { date, modality, positiveNodes, regions: [...regions] };
}

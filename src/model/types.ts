/**
 * A calendar date as an ISO 8601 `YYYY-MM-DD` string. Never a `Date`: a calendar
 * date has no time zone, so it cannot shift by a day when read in another one.
 */
export type IsoDate = string;

/** One PSA result. */
export interface PsaMeasurement {
  /** Date the blood was drawn. */
  readonly date: IsoDate;
  /** PSA in ng/mL; for an undetectable result, the assay's detection limit. */
  readonly value: number;
  /** The assay reported the PSA below its detection limit (`value` holds that limit). */
  readonly undetectable?: boolean;
}

/** One serum testosterone result. */
export interface TestosteroneMeasurement {
  readonly date: IsoDate;
  /** Testosterone in ng/dL (castrate level: < 50 ng/dL). */
  readonly value: number;
}

/**
 * Clavien-Dindo grades (Dindo, Demartines & Clavien, Ann Surg 2004). `'III'` and `'IV'` are a
 * grade III or IV whose sub-grade (a or b) was not recorded: still a major complication.
 */
export type ClavienDindoGrade = 'I' | 'II' | 'IIIa' | 'III' | 'IIIb' | 'IVa' | 'IV' | 'IVb' | 'V';

/**
 * The Clavien-Dindo grades from mildest to death. A grade without its sub-grade sits between its
 * two sub-grades: it is at least the milder one and possibly the worse one, so the worst of
 * `'III'` and `'IIIa'` is `'III'`, and of `'III'` and `'IIIb'` is `'IIIb'`.
 */
export const CLAVIEN_DINDO_GRADES: readonly ClavienDindoGrade[] = Object.freeze([
  'I',
  'II',
  'IIIa',
  'III',
  'IIIb',
  'IVa',
  'IV',
  'IVb',
  'V',
]);

/** What a patient died of, as adjudicated by the trial (see {@link Patient.deathCause}). */
export type DeathCause = 'complication' | 'prostate-cancer' | 'other' | 'unknown';

/** Every {@link DeathCause}. */
export const DEATH_CAUSES: readonly DeathCause[] = Object.freeze([
  'complication',
  'prostate-cancer',
  'other',
  'unknown',
]);

/** What kind of complication it is (the categories sLND series report). */
export type ComplicationCategory =
  | 'lymphocele'
  | 'infection'
  | 'bleeding'
  | 'thromboembolism'
  | 'ileus'
  | 'urinary-retention'
  | 'ureteral-injury'
  | 'vascular-injury'
  | 'nerve-injury'
  | 'wound'
  | 'cardiopulmonary'
  | 'other';

/** Every {@link ComplicationCategory}, in the order a report lists them. */
export const COMPLICATION_CATEGORIES: readonly ComplicationCategory[] = Object.freeze([
  'lymphocele',
  'infection',
  'bleeding',
  'thromboembolism',
  'ileus',
  'urinary-retention',
  'ureteral-injury',
  'vascular-injury',
  'nerve-injury',
  'wound',
  'cardiopulmonary',
  'other',
]);

/** One perioperative complication. */
export interface Complication {
  readonly date: IsoDate;
  readonly grade: ClavienDindoGrade;
  readonly description?: string;
  /** What kind of complication (not recorded: the report counts it as "not recorded"). */
  readonly category?: ComplicationCategory;
  /** It happened during the operation (an intraoperative complication). */
  readonly intraoperative?: boolean;
  /** Clavien-Dindo suffix "d": the complication persists at discharge. */
  readonly persistsAtDischarge?: boolean;
}

/** Pathological tumour stage at the radical prostatectomy (TNM, 8th edition). */
export type PathologicalStage = 'pT2' | 'pT3a' | 'pT3b' | 'pT4';
/** Every {@link PathologicalStage}. */
export const PATHOLOGICAL_STAGES: readonly PathologicalStage[] = Object.freeze([
  'pT2',
  'pT3a',
  'pT3b',
  'pT4',
]);

/** Pathological nodal stage at the radical prostatectomy. */
export type PathologicalNodes = 'pN0' | 'pN1' | 'pNx';
/** Every {@link PathologicalNodes}. */
export const PATHOLOGICAL_NODES: readonly PathologicalNodes[] = Object.freeze([
  'pN0',
  'pN1',
  'pNx',
]);

/** Surgical margin of the radical prostatectomy. */
export type SurgicalMargin = 'R0' | 'R1';
/** Every {@link SurgicalMargin}. */
export const SURGICAL_MARGINS: readonly SurgicalMargin[] = Object.freeze(['R0', 'R1']);

/** The imaging that located the recurrence. */
export type ImagingModality =
  | 'PSMA-PET/CT'
  | 'PSMA-PET/MRI'
  | 'choline-PET/CT'
  | 'fluciclovine-PET/CT'
  | 'other';
/** Every {@link ImagingModality}. */
export const IMAGING_MODALITIES: readonly ImagingModality[] = Object.freeze([
  'PSMA-PET/CT',
  'PSMA-PET/MRI',
  'choline-PET/CT',
  'fluciclovine-PET/CT',
  'other',
]);

/** Where the imaging saw positive nodes. */
export type ImagingRegion = 'pelvic' | 'retroperitoneal' | 'other';
/** Every {@link ImagingRegion}. */
export const IMAGING_REGIONS: readonly ImagingRegion[] = Object.freeze([
  'pelvic',
  'retroperitoneal',
  'other',
]);

/** The pre-sLND imaging of the recurrence. */
export interface Imaging {
  readonly date?: IsoDate;
  readonly modality: ImagingModality;
  /** Nodes positive on imaging. */
  readonly positiveNodes?: number;
  readonly regions?: readonly ImagingRegion[];
}

/** One trial patient's timeline. Every endpoint's time origin is `surgeryDate` (the sLND). */
export interface Patient {
  /** Pseudonymous trial id, unique within a cohort. */
  readonly id: string;
  /** Date of the salvage lymph node dissection: day 0 of every endpoint. */
  readonly surgeryDate: IsoDate;
  readonly prostatectomyDate?: IsoDate;
  readonly psa: readonly PsaMeasurement[];
  readonly testosterone?: readonly TestosteroneMeasurement[];
  /** Start of androgen deprivation therapy, if any. */
  readonly adtStartDate?: IsoDate;
  readonly complications: readonly Complication[];
  readonly castrationResistanceDate?: IsoDate;
  readonly distantMetastasisDate?: IsoDate;
  readonly deathDate?: IsoDate;
  /**
   * Cause of the death at `deathDate` (only with it). A death within the 90-day complication
   * window counts as a Clavien-Dindo grade V complication unless its cause is recorded as
   * `'prostate-cancer'` or `'other'`: an unrecorded or `'unknown'` cause counts, so a
   * postoperative death is never missed by the safety analysis.
   */
  readonly deathCause?: DeathCause;
  /** Last contact with the patient: the censoring date of most endpoints. */
  readonly lastFollowUpDate: IsoDate;
  /** Last imaging: the censoring date of the metastasis endpoints. */
  readonly lastImagingDate?: IsoDate;
  // Baseline characteristics (all optional; the report's Table 1 says what is missing).
  /** Age at the sLND, in years. */
  readonly ageAtSurgery?: number;
  /** ISUP grade group (1-5) at the radical prostatectomy. */
  readonly isupGradeGroup?: 1 | 2 | 3 | 4 | 5;
  readonly pathologicalStage?: PathologicalStage;
  readonly pathologicalNodes?: PathologicalNodes;
  readonly surgicalMargin?: SurgicalMargin;
  /** Date of the biochemical recurrence after the radical prostatectomy (before the sLND). */
  readonly biochemicalRecurrenceDate?: IsoDate;
  /** Salvage radiotherapy before the sLND. */
  readonly priorSalvageRadiotherapy?: boolean;
  /** Androgen deprivation therapy before the sLND. */
  readonly priorAdt?: boolean;
  /** The imaging that located the recurrence. */
  readonly imaging?: Imaging;
  /** Lymph nodes removed at the sLND (histology of the specimen). */
  readonly nodesRemoved?: number;
  /** Of those, nodes with cancer (at most `nodesRemoved`). */
  readonly nodesPositive?: number;
}

/** An enrolled patient who was not operated, with why. */
export interface NotOperatedPatient {
  readonly id: string;
  readonly enrollmentDate?: IsoDate;
  readonly reason: string;
}

/** Screening before enrolment, for the flow diagram: how many were assessed, and why excluded. */
export interface Screening {
  readonly assessed: number;
  readonly excluded: readonly { readonly reason: string; readonly count: number }[];
}

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

/** One perioperative complication. */
export interface Complication {
  readonly date: IsoDate;
  readonly grade: ClavienDindoGrade;
  readonly description?: string;
  /** Clavien-Dindo suffix "d": the complication persists at discharge. */
  readonly persistsAtDischarge?: boolean;
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
}

import {
  assertArray,
  assertInteger,
  assertObject,
  assertOneOf,
  assertOpenUnitInterval,
} from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { assertIsoDate, daysBetween } from '../model/iso-date.js';
import {
  CLAVIEN_DINDO_GRADES,
  type ClavienDindoGrade,
  type Complication,
  type Patient,
} from '../model/types.js';
import {
  BINOMIAL_INTERVAL_METHODS,
  type BinomialIntervalMethod,
  binomialConfidenceInterval,
} from '../stats/binomial-confidence-interval.js';
import type { Proportion } from '../stats/estimate.js';
import { quartilesType7 } from '../stats/quantile-type-7.js';
import { emptyNoteLists, type NoteLists, summaryNotes } from './_internal/summary-notes.js';
import {
  type ComplicationCategoryRow,
  type ComplicationListingRow,
  complicationListing,
  complicationsByCategory,
} from './complication-listing.js';
import { complicationsWithin } from './complications-within.js';
import { comprehensiveComplicationIndex } from './comprehensive-complication-index.js';
import { deathInWindow } from './death-in-window.js';
import { gradeAtLeast, gradeLabel } from './grades.js';
import { worstGrade } from './worst-grade.js';

/** Options of {@link complicationSummary}. */
export interface ComplicationSummaryOptions {
  /** Last day of the window counted from the surgery (day 0), inclusive. Default 90. */
  readonly windowDays?: number;
  /** Interval method of every rate. Default `'clopper-pearson'`. */
  readonly method?: BinomialIntervalMethod;
  /** Two-sided confidence level of every interval, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
  /** Lowest grade counted as major. Default `'IIIa'`. */
  readonly majorThreshold?: ClavienDindoGrade;
}

/**
 * Which row: one per worst grade, then any complication, minor, major, the suffix "d" and death
 * within the window from any cause.
 */
export type ComplicationRateKey =
  | ClavienDindoGrade
  | 'any'
  | 'minor'
  | 'major'
  | 'suffixD'
  | 'mortality';

/**
 * Patients counted in one category, out of all patients (`count` patients, not complications;
 * `estimate` = count / n with its interval, null when n = 0).
 */
export interface ComplicationRateRow extends Proportion {
  readonly key: ComplicationRateKey;
  /** Display label, e.g. `'Grade IIIa'`, `'Major (IIIa-V)'`. */
  readonly label: string;
  /**
   * The same category among the patients whose outcome in it is known: those who completed the
   * window (followed to day `windowDays`, or died within it) and, for a category a patient can
   * only enter (any, major, grade V, suffix "d", death), those already in it. The interim
   * denominator of a safety review; `n` above counts every operated patient.
   */
  readonly evaluable: Proportion;
}

/** One patient's complications within the window. */
export interface PatientComplicationRow {
  readonly patientId: string;
  /** Highest grade within the window; null without a complication. */
  readonly worstGrade: ClavienDindoGrade | null;
  /** Number of complications (events) within the window, a death counted as grade V included. */
  readonly complicationCount: number;
  /**
   * Comprehensive Complication Index of the complications within the window (0 without); null
   * when a grade III or IV without its sub-grade leaves it undetermined.
   */
  readonly cci: number | null;
  /**
   * The window was fully observed: last follow-up on or after day `windowDays`, or death on or
   * before it (a death ends the observation).
   */
  readonly completeFollowUp: boolean;
  /** The patient died within the window (any cause). */
  readonly diedInWindow: boolean;
}

/** Median and interquartile range (R's `quantile(type = 7)`) of the per-patient CCI. */
export interface CciSummary {
  /** Patients with a CCI (all but those whose CCI a missing sub-grade leaves undetermined). */
  readonly n: number;
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  /** q3 - q1. */
  readonly iqr: number | null;
}

/** The result of {@link complicationSummary}. */
export interface ComplicationSummary {
  readonly windowDays: number;
  readonly method: BinomialIntervalMethod;
  readonly confLevel: number;
  readonly majorThreshold: ClavienDindoGrade;
  /** Number of patients (every patient is counted). */
  readonly n: number;
  /** Patients who completed the window: followed to day `windowDays`, or died within it. */
  readonly completedWindow: number;
  /**
   * Grades I to V (patients whose worst grade it is; III and IV without a sub-grade included),
   * then any, minor, major, suffix d, and death within the window (any cause).
   */
  readonly rows: readonly ComplicationRateRow[];
  /** Complications (events, not patients) within the window, per grade. */
  readonly eventsByGrade: Readonly<Record<ClavienDindoGrade, number>>;
  /** All complications (events) within the window. */
  readonly totalEvents: number;
  /** Per-patient CCI over the whole cohort, zeros included. */
  readonly cci: CciSummary;
  readonly patients: readonly PatientComplicationRow[];
  /**
   * The complications within the window counted by category (only categories with events;
   * `category: null` for those without a recorded one), patients and events, events by grade.
   */
  readonly byCategory: readonly ComplicationCategoryRow[];
  /**
   * Every complication within the window, one row each (a death counted as grade V included):
   * the line listing of a safety review, in the order of the patients given, then by day.
   */
  readonly listing: readonly ComplicationListingRow[];
  /** Human-readable remarks: incompletely observed patients, excluded complications, deaths. */
  readonly notes: readonly string[];
}

/** What one patient contributes to the rows, and the lists of the notes. */
interface PatientTally {
  readonly row: PatientComplicationRow;
  /** The row keys the patient is in. */
  readonly keys: readonly ComplicationRateKey[];
}

/**
 * The first primary endpoint of the trial: perioperative complications within `windowDays`
 * (default 90) after the sLND (day 0), reported per patient by highest Clavien-Dindo grade
 * (Dindo 2004).
 *
 * For each patient: the complications with 0 <= day <= windowDays ({@link complicationsWithin},
 * which adds a death within the window as grade V unless its cause is recorded as prostate
 * cancer or other), their worst grade ({@link worstGrade}) and their CCI
 * ({@link comprehensiveComplicationIndex}). Then one row per grade (patients whose worst grade
 * is that grade), and rows for any complication, minor (worst grade below `majorThreshold`, I-II
 * by default), major (worst grade >= `majorThreshold`; a grade without its sub-grade counts when
 * its worse sub-grade would), the suffix "d" (a complication in the window persisting at
 * discharge) and death within the window from any cause (90-day mortality). Each row's rate is
 * count / n over all n patients with its {@link binomialConfidenceInterval}, and again over the
 * patients whose outcome is known (`evaluable`: see {@link ComplicationRateRow}). The CCI
 * median and IQR are R's `quantile(type = 7)` over all patients with a CCI, zeros included (as
 * the CCI literature reports it).
 *
 * No patient is dropped: a patient whose follow-up ends before day `windowDays` (and who has not
 * died by then) is counted, flagged `completeFollowUp: false` and listed in `notes`; so are
 * complications dated before the surgery or after the window (left out of the counts), deaths
 * within the window (counted as grade V, or not, by their cause) and patients without a CCI.
 *
 * @param patients - the cohort
 * @param options - `windowDays` (default 90), `method` (default `'clopper-pearson'`),
 *   `confLevel` (default 0.95), `majorThreshold` (default `'IIIa'`)
 * @returns rows, events per grade, CCI median/IQR, per-patient rows, the complications by
 *   category and their line listing, and notes (plain data)
 * @throws {TypeError|RangeError} naming the argument (e.g. `patients[2].complications[0].grade`)
 *   when `patients` is not an array of patients with valid dates and grades, or an option is out
 *   of its domain.
 * @example
 * const s = complicationSummary([
 *   { id: '001', surgeryDate: '2024-01-10', lastFollowUpDate: '2024-06-01', psa: [],
 *     complications: [{ date: '2024-01-12', grade: 'II' }] },
 *   { id: '002', surgeryDate: '2024-02-01', lastFollowUpDate: '2024-07-01', psa: [],
 *     complications: [] },
 * ]);
 * s.rows.find((r) => r.key === 'any'); // => { key: 'any', label: 'Any complication',
 * //   count: 1, n: 2, estimate: 0.5, lower: 0.0126..., upper: 0.9873..., evaluable: { ... } }
 * s.cci.median; // => 10.458... (CCIs 20.9 and 0)
 */
export function complicationSummary(
  patients: readonly Patient[],
  options: ComplicationSummaryOptions = {},
): ComplicationSummary {
  assertArray('patients', patients);
  assertObject('options', options);
  const {
    windowDays = 90,
    method = 'clopper-pearson',
    confLevel = 0.95,
    majorThreshold = 'IIIa',
  } = options;
  assertInteger('options.windowDays', windowDays, 0);
  assertOneOf('options.method', method, BINOMIAL_INTERVAL_METHODS);
  // Checked here too, not only by binomialConfidenceInterval, so an empty cohort rejects it.
  assertOpenUnitInterval('options.confLevel', confLevel);
  assertOneOf('options.majorThreshold', majorThreshold, CLAVIEN_DINDO_GRADES);

  const eventsByGrade = Object.fromEntries(CLAVIEN_DINDO_GRADES.map((g) => [g, 0])) as Record<
    ClavienDindoGrade,
    number
  >;
  const lists = emptyNoteLists();
  const tallies = patients.map((patient, i) => {
    const tally = tallyPatient(patient, i, windowDays, majorThreshold, lists);
    for (const c of tally.inWindow) eventsByGrade[c.grade] += 1;
    return tally;
  });

  const n = patients.length;
  const { rows, completed } = rateRows(tallies, n, {
    windowDays,
    method,
    confLevel,
    majorThreshold,
  });

  const ccis = tallies.flatMap((t) => (t.row.cci === null ? [] : [t.row.cci]));
  const listing = complicationListing(
    patients,
    tallies.map((t) => t.inWindow),
  );
  const { q1, median, q3 } = quartilesType7(ccis);
  return {
    windowDays,
    method,
    confLevel,
    majorThreshold,
    n,
    completedWindow: completed,
    rows,
    eventsByGrade,
    totalEvents: CLAVIEN_DINDO_GRADES.reduce((sum, g) => sum + eventsByGrade[g], 0),
    cci: { n: ccis.length, median, q1, q3, iqr: q1 === null || q3 === null ? null : q3 - q1 },
    patients: tallies.map((t) => t.row),
    byCategory: complicationsByCategory(listing),
    listing,
    notes: summaryNotes(n, windowDays, ccis.length, lists),
  };
}

/**
 * The rate rows (see {@link ComplicationSummary.rows}), each over all `n` patients and over the
 * evaluable ones, and the number of patients who completed the window.
 */
function rateRows(
  tallies: readonly PatientTally[],
  n: number,
  options: Required<ComplicationSummaryOptions>,
): { rows: ComplicationRateRow[]; completed: number } {
  const { windowDays, method, confLevel, majorThreshold } = options;
  const rate = (count: number, of: number): Proportion => {
    const { estimate, lower, upper } = binomialConfidenceInterval(count, of, { method, confLevel });
    return { count, n: of, estimate, lower, upper };
  };
  // One pass over the patients counts every row: patients in it, and those of them whose
  // window is complete.
  let completed = 0;
  const inRow = new Map<ComplicationRateKey, number>();
  const inRowComplete = new Map<ComplicationRateKey, number>();
  for (const t of tallies) {
    if (t.row.completeFollowUp) completed += 1;
    for (const key of t.keys) {
      inRow.set(key, (inRow.get(key) ?? 0) + 1);
      if (t.row.completeFollowUp) inRowComplete.set(key, (inRowComplete.get(key) ?? 0) + 1);
    }
  }
  const row = (key: ComplicationRateKey, label: string): ComplicationRateRow => {
    const count = inRow.get(key) ?? 0;
    const complete = inRowComplete.get(key) ?? 0;
    // Known: a complete window, or (for a row one cannot leave) already in the row.
    const open = MONOTONE_KEYS.has(key) ? count - complete : 0;
    return {
      key,
      label,
      ...rate(count, n),
      evaluable: rate(complete + open, completed + open),
    };
  };
  // The labels name the grades with a sub-grade; III and IV without one fall where their worse
  // sub-grade does (gradeAtLeast).
  const named = CLAVIEN_DINDO_GRADES.filter((g) => g !== 'III' && g !== 'IV');
  const rows: ComplicationRateRow[] = [
    ...CLAVIEN_DINDO_GRADES.map((g) => row(g, gradeLabel(g))),
    row('any', 'Any complication'),
    row('minor', `Minor (${gradeRange(named.filter((g) => !gradeAtLeast(g, majorThreshold)))})`),
    row('major', `Major (${gradeRange(named.filter((g) => gradeAtLeast(g, majorThreshold)))})`),
    row('suffixD', 'Suffix d (persists at discharge)'),
    row('mortality', `Death within ${windowDays} days (any cause)`),
  ];
  return { rows, completed };
}

/** Rows a patient can enter but never leave as the window goes on: the outcome is then known. */
const MONOTONE_KEYS: ReadonlySet<ComplicationRateKey> = new Set([
  'V',
  'any',
  'major',
  'suffixD',
  'mortality',
]);

/** One patient: checks it, classifies its complications and adds it to the note lists. */
function tallyPatient(
  patient: Patient,
  i: number,
  windowDays: number,
  majorThreshold: ClavienDindoGrade,
  lists: NoteLists,
): PatientTally & { readonly inWindow: readonly Complication[] } {
  const where = `patients[${i}]`;
  assertObject(where, patient);
  if (typeof patient.id !== 'string') {
    throw new TypeError(`${where}.id must be a string. Value: ${describeValue(patient.id)}.`);
  }
  const inWindow = withArgumentPrefix(where, () => complicationsWithin(patient, { windowDays }));
  const death = withArgumentPrefix(where, () => deathInWindow(patient, { windowDays }));
  assertIsoDate(`${where}.lastFollowUpDate`, patient.lastFollowUpDate);

  let recordedGradeV = false;
  for (const c of patient.complications) {
    const day = daysBetween(patient.surgeryDate, c.date);
    if (day < 0) lists.beforeSurgery.push(`${patient.id} (day ${day})`);
    else if (day > windowDays) lists.afterWindow.push(`${patient.id} (day ${day})`);
    else if (c.grade === 'V') recordedGradeV = true;
  }
  const worst = worstGrade(inWindow);
  const cci = comprehensiveComplicationIndex(inWindow.map((c) => c.grade));
  const followUpDay = daysBetween(patient.surgeryDate, patient.lastFollowUpDate);
  const completeFollowUp = followUpDay >= windowDays || death !== null;
  if (!completeFollowUp) {
    (worst === null ? lists.incompleteFree : lists.incompleteWithComplication).push(
      `${patient.id} (day ${followUpDay})`,
    );
  }
  if (death !== null) {
    if (!recordedGradeV) {
      const entry = `${patient.id} (day ${death.day}, cause ${death.cause ?? 'not recorded'})`;
      (death.countsAsGradeV ? lists.deathsCounted : lists.deathsNotCounted).push(entry);
    }
  }
  if (cci === null) lists.withoutCci.push(patient.id);

  const keys: ComplicationRateKey[] = [];
  if (worst !== null) {
    keys.push(worst, 'any', gradeAtLeast(worst, majorThreshold) ? 'major' : 'minor');
  }
  if (inWindow.some((c) => c.persistsAtDischarge === true)) keys.push('suffixD');
  if (death !== null) keys.push('mortality');
  return {
    inWindow,
    keys,
    row: {
      patientId: patient.id,
      worstGrade: worst,
      complicationCount: inWindow.length,
      cci,
      completeFollowUp,
      diedInWindow: death !== null,
    },
  };
}

/** Runs `check`, re-throwing its argument error with the path under `prefix` (`patient.` ->). */
function withArgumentPrefix<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      const message = error.message.replace(/^patient\b/, prefix);
      throw error instanceof RangeError ? new RangeError(message) : new TypeError(message);
    }
    throw error;
  }
}

/** `I-II`, `IIIa-V`, `V`, or `none`. */
function gradeRange(grades: readonly ClavienDindoGrade[]): string {
  if (grades.length === 0) return 'none';
  if (grades.length === 1) return grades[0]!;
  return `${grades[0]}-${grades[grades.length - 1]}`;
}

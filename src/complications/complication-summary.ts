import {
  assertArray,
  assertInteger,
  assertObject,
  assertOneOf,
  assertOpenUnitInterval,
} from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { assertIsoDate, daysBetween } from '../model/iso-date.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade, type Patient } from '../model/types.js';
import {
  BINOMIAL_INTERVAL_METHODS,
  type BinomialIntervalMethod,
  binomialConfidenceInterval,
} from '../stats/binomial-confidence-interval.js';
import { quantileType7 } from '../stats/quantile-type-7.js';
import { complicationsWithin } from './complications-within.js';
import { comprehensiveComplicationIndex } from './comprehensive-complication-index.js';
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

/** Which row: one per worst grade, then any complication, minor, major and the suffix "d". */
export type ComplicationRateKey = ClavienDindoGrade | 'any' | 'minor' | 'major' | 'suffixD';

/** Patients counted in one category, out of all patients, with the rate's interval. */
export interface ComplicationRateRow {
  readonly key: ComplicationRateKey;
  /** Display label, e.g. `'Grade IIIa'`, `'Major (IIIa-V)'`. */
  readonly label: string;
  /** Patients (not complications) in the category. */
  readonly count: number;
  /** All patients of the cohort. */
  readonly n: number;
  /** count / n; null when the cohort is empty. */
  readonly rate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One patient's complications within the window. */
export interface PatientComplicationRow {
  readonly patientId: string;
  /** Highest grade within the window; null without a complication. */
  readonly worstGrade: ClavienDindoGrade | null;
  /** Number of complications (events) within the window. */
  readonly complicationCount: number;
  /** Comprehensive Complication Index of the complications within the window (0 without). */
  readonly cci: number;
  /**
   * The window was fully observed: last follow-up on or after day `windowDays`, or death on or
   * before it (a death ends the observation).
   */
  readonly completeFollowUp: boolean;
}

/** Median and interquartile range (R's `quantile(type = 7)`) of the per-patient CCI. */
export interface CciSummary {
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
  /** Grades I to V (patients whose worst grade it is), then any, minor, major, suffix d. */
  readonly rows: readonly ComplicationRateRow[];
  /** Complications (events, not patients) within the window, per grade. */
  readonly eventsByGrade: Readonly<Record<ClavienDindoGrade, number>>;
  /** All complications (events) within the window. */
  readonly totalEvents: number;
  /** Per-patient CCI over the whole cohort, zeros included. */
  readonly cci: CciSummary;
  readonly patients: readonly PatientComplicationRow[];
  /** Human-readable remarks: incompletely observed patients, excluded complications, deaths. */
  readonly notes: readonly string[];
}

/**
 * The first primary endpoint of the trial: perioperative complications within `windowDays`
 * (default 90) after the sLND (day 0), reported per patient by highest Clavien-Dindo grade
 * (Dindo 2004).
 *
 * For each patient: the complications with 0 <= day <= windowDays ({@link complicationsWithin}),
 * their worst grade ({@link worstGrade}) and their CCI ({@link comprehensiveComplicationIndex}).
 * Then one row per grade (patients whose worst grade is that grade), and rows for any
 * complication, minor (worst grade below `majorThreshold`, I-II by default), major (worst grade
 * >= `majorThreshold`) and the suffix "d" (a complication in the window persisting at
 * discharge). Each row's rate is count / n over all n patients with its
 * {@link binomialConfidenceInterval}. The CCI median and IQR are R's `quantile(type = 7)` over
 * all patients, zeros included (as the CCI literature reports it).
 *
 * No patient is dropped: a patient whose follow-up ends before day `windowDays` (and who has not
 * died by then) is counted, flagged `completeFollowUp: false` and listed in `notes`; so are
 * complications dated before the surgery or after the window (left out of the counts) and deaths
 * within the window without a grade V complication.
 *
 * @param patients - the cohort
 * @param options - `windowDays` (default 90), `method` (default `'clopper-pearson'`),
 *   `confLevel` (default 0.95), `majorThreshold` (default `'IIIa'`)
 * @returns rows, events per grade, CCI median/IQR, per-patient rows and notes (plain data)
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
 * //   count: 1, n: 2, rate: 0.5, lower: 0.0126..., upper: 0.9873... }
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
  const thresholdIndex = CLAVIEN_DINDO_GRADES.indexOf(majorThreshold);

  const eventsByGrade = Object.fromEntries(CLAVIEN_DINDO_GRADES.map((g) => [g, 0])) as Record<
    ClavienDindoGrade,
    number
  >;
  const patientRows: PatientComplicationRow[] = [];
  const worstCounts = new Map<ClavienDindoGrade, number>();
  let anyCount = 0;
  let minorCount = 0;
  let majorCount = 0;
  let suffixDCount = 0;
  const incompleteFree: string[] = [];
  const incompleteWithComplication: string[] = [];
  const beforeSurgery: string[] = [];
  const afterWindow: string[] = [];
  const deathsWithoutGradeV: string[] = [];

  patients.forEach((patient, i) => {
    const where = `patients[${i}]`;
    assertObject(where, patient);
    if (typeof patient.id !== 'string') {
      throw new TypeError(`${where}.id must be a string. Value: ${describeValue(patient.id)}.`);
    }
    const inWindow = withArgumentPrefix(where, () => complicationsWithin(patient, { windowDays }));
    assertIsoDate(`${where}.lastFollowUpDate`, patient.lastFollowUpDate);
    if (patient.deathDate !== undefined) assertIsoDate(`${where}.deathDate`, patient.deathDate);

    for (const c of patient.complications) {
      const day = daysBetween(patient.surgeryDate, c.date);
      if (day < 0) beforeSurgery.push(`${patient.id} (day ${day})`);
      else if (day > windowDays) afterWindow.push(`${patient.id} (day ${day})`);
    }

    const worst = worstGrade(inWindow);
    const cci = comprehensiveComplicationIndex(inWindow.map((c) => c.grade));
    const followUpDay = daysBetween(patient.surgeryDate, patient.lastFollowUpDate);
    const deathDay =
      patient.deathDate === undefined ? null : daysBetween(patient.surgeryDate, patient.deathDate);
    const diedInWindow = deathDay !== null && deathDay >= 0 && deathDay <= windowDays;
    const completeFollowUp = followUpDay >= windowDays || diedInWindow;

    for (const c of inWindow) eventsByGrade[c.grade] += 1;
    if (worst !== null) {
      anyCount += 1;
      worstCounts.set(worst, (worstCounts.get(worst) ?? 0) + 1);
      if (CLAVIEN_DINDO_GRADES.indexOf(worst) >= thresholdIndex) majorCount += 1;
      else minorCount += 1;
    }
    if (inWindow.some((c) => c.persistsAtDischarge === true)) suffixDCount += 1;
    if (!completeFollowUp) {
      (worst === null ? incompleteFree : incompleteWithComplication).push(
        `${patient.id} (day ${followUpDay})`,
      );
    }
    if (diedInWindow && worst !== 'V') deathsWithoutGradeV.push(`${patient.id} (day ${deathDay})`);

    patientRows.push({
      patientId: patient.id,
      worstGrade: worst,
      complicationCount: inWindow.length,
      cci,
      completeFollowUp,
    });
  });

  const n = patients.length;
  const row = (key: ComplicationRateKey, label: string, count: number): ComplicationRateRow => {
    if (n === 0) return { key, label, count, n, rate: null, lower: null, upper: null };
    const ci = binomialConfidenceInterval(count, n, { method, confLevel });
    return { key, label, count, n, rate: ci.estimate, lower: ci.lower, upper: ci.upper };
  };
  const minorGrades = CLAVIEN_DINDO_GRADES.slice(0, thresholdIndex);
  const majorGrades = CLAVIEN_DINDO_GRADES.slice(thresholdIndex);
  const rows: ComplicationRateRow[] = [
    ...CLAVIEN_DINDO_GRADES.map((g) => row(g, `Grade ${g}`, worstCounts.get(g) ?? 0)),
    row('any', 'Any complication', anyCount),
    row('minor', `Minor (${gradeRange(minorGrades)})`, minorCount),
    row('major', `Major (${gradeRange(majorGrades)})`, majorCount),
    row('suffixD', 'Suffix d (persists at discharge)', suffixDCount),
  ];

  const ccis = patientRows.map((p) => p.cci);
  const q1 = quantileType7(ccis, 0.25);
  const q3 = quantileType7(ccis, 0.75);
  const cciSummary: CciSummary = {
    median: quantileType7(ccis, 0.5),
    q1,
    q3,
    iqr: q1 === null || q3 === null ? null : q3 - q1,
  };

  const notes: string[] = [];
  if (n === 0) notes.push('No patients: every rate, interval and CCI quantile is null.');
  if (incompleteFree.length > 0) {
    notes.push(
      `${countOf(incompleteFree, 'patient')} followed for fewer than ${windowDays} days without a ` +
        `complication (last follow-up day in parentheses): counted as without complication, but ` +
        `incompletely observed: ${listIds(incompleteFree)}.`,
    );
  }
  if (incompleteWithComplication.length > 0) {
    notes.push(
      `${countOf(incompleteWithComplication, 'patient')} followed for fewer than ${windowDays} ` +
        `days after a complication: counted by the worst grade observed, which a later ` +
        `complication could have exceeded: ${listIds(incompleteWithComplication)}.`,
    );
  }
  if (beforeSurgery.length > 0) {
    notes.push(
      `${countOf(beforeSurgery, 'complication')} dated before the surgery (day 0) left out: ` +
        `${listIds(beforeSurgery)}.`,
    );
  }
  if (afterWindow.length > 0) {
    notes.push(
      `${countOf(afterWindow, 'complication')} dated after day ${windowDays} left out of the ` +
        `${windowDays}-day window: ${listIds(afterWindow)}.`,
    );
  }
  if (deathsWithoutGradeV.length > 0) {
    notes.push(
      `${countOf(deathsWithoutGradeV, 'patient')} died within the ${windowDays}-day window ` +
        `without a recorded grade V complication (check whether the death was one): ` +
        `${listIds(deathsWithoutGradeV)}.`,
    );
  }

  return {
    windowDays,
    method,
    confLevel,
    majorThreshold,
    n,
    rows,
    eventsByGrade,
    totalEvents: CLAVIEN_DINDO_GRADES.reduce((sum, g) => sum + eventsByGrade[g], 0),
    cci: cciSummary,
    patients: patientRows,
    notes,
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

function countOf(items: readonly string[], noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}`;
}

/** Up to 20 entries, then how many more. */
function listIds(items: readonly string[]): string {
  const shown = items.slice(0, 20).join(', ');
  return items.length > 20 ? `${shown} and ${items.length - 20} more` : shown;
}

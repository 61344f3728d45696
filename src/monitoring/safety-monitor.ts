import { assertArray, assertInteger, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { complicationsWithin } from '../complications/complications-within.js';
import { deathInWindow } from '../complications/death-in-window.js';
import { isMajorComplication } from '../complications/grades.js';
import { CohortValidationError } from '../errors.js';
import { addDaysIso, assertIsoDate, daysBetween, MAX_YEAR } from '../model/iso-date.js';
import type { Complication, IsoDate, Patient } from '../model/types.js';
import {
  evaluateStoppingRule,
  type StoppingEvaluation,
  type StoppingRule,
} from './evaluate-stopping-rule.js';

/** The last date a safety window may end on: the last day of the years slnd-stats accepts. */
const LAST_DATE = `${MAX_YEAR}-12-31`;

/** Options of {@link safetyMonitor}. */
export interface SafetyMonitorOptions {
  /** The stopping rule, as {@link evaluateStoppingRule} takes it. */
  readonly rule: StoppingRule;
  /** The data cut-off: what is known on this date (inclusive) is used, nothing later. */
  readonly asOf: IsoDate;
  /** The safety window, days 0..windowDays after the surgery inclusive; it must end by 2199-12-31. Default 90. */
  readonly windowDays?: number;
  /**
   * Which complications are safety events. Default: a major complication, Clavien-Dindo grade
   * >= IIIa (`isMajorComplication`).
   */
  readonly event?: (complication: Complication, patient: Patient) => boolean;
}

/** Where a patient stands at `asOf`. */
export type SafetyStatus =
  /** A safety event within the window, on or before asOf: counted, as an event. */
  | 'event'
  /** The whole window observed without an event: counted, as a non-event. */
  | 'no-event'
  /** Window still open, no event yet: listed, not counted. */
  | 'pending'
  /** Follow-up ended (last contact) before the window closed, without an event: listed, not counted. */
  | 'incomplete'
  /** Operated after asOf: listed, not counted. */
  | 'not-yet-operated';

/** One row of the table behind the decision, in order of entry. */
export interface SafetyMonitorRow {
  readonly patientId: string;
  readonly surgeryDate: IsoDate;
  /** The last day of the window: surgeryDate + windowDays. */
  readonly windowEndDate: IsoDate;
  readonly status: SafetyStatus;
  /** Date of the first safety event in the window (on or before asOf), else null. */
  readonly eventDate: IsoDate | null;
  /**
   * For 'incomplete': the last contact; for 'no-event' by a death not counted as a complication:
   * the death; else null.
   */
  readonly followUpEndDate: IsoDate | null;
  /** 1-based position among the counted (evaluable) patients, else null. */
  readonly order: number | null;
  /** Events among the counted patients up to and including this one, else null. */
  readonly cumulativeEvents: number | null;
}

/** Result of {@link safetyMonitor}. */
export interface SafetyMonitorResult {
  readonly asOf: IsoDate;
  readonly windowDays: number;
  readonly decision: 'continue' | 'stop';
  /** The rule's verdict on the evaluable patients in order of entry. */
  readonly evaluation: StoppingEvaluation;
  /** Patients counted: an event, or the whole window observed. */
  readonly evaluable: number;
  /** Events among all evaluable patients. */
  readonly events: number;
  readonly pending: number;
  readonly incomplete: number;
  readonly notYetOperated: number;
  readonly pendingIds: readonly string[];
  readonly incompleteIds: readonly string[];
  /** Every patient, in order of entry (surgery date, ties by id). */
  readonly patients: readonly SafetyMonitorRow[];
}

/**
 * The live safety monitor: applies a stopping rule to the cohort as known on `asOf`.
 *
 * Rules (see docs/safety-monitoring.md):
 * - The safety event is, by default, a major complication (Clavien-Dindo >= IIIa; Dindo 2004)
 *   dated within days 0..windowDays after the sLND (`complicationsWithin`) and on or before
 *   asOf.
 * - A patient is evaluable at asOf when the event has happened, or when the whole window has
 *   been observed (asOf >= surgeryDate + windowDays) with follow-up (last contact, or death)
 *   reaching the window's last day. Evaluable patients enter the rule in order of surgery
 *   date, ties by id; an early event makes a patient evaluable before earlier-operated
 *   patients still in their window (the usual "evaluable for toxicity" convention, which errs
 *   towards stopping).
 * - Pending patients (window open, no event) are listed, not counted.
 * - A death within the window is a grade V complication, so an event, unless its recorded
 *   `deathCause` is `'prostate-cancer'` or `'other'` (`deathInWindow`); a death with no
 *   recorded cause counts. A death the rule does not count ends the window: the patient is
 *   evaluable without an event.
 * - Patients whose follow-up ended before the window closed without an event (lost to
 *   follow-up) are listed as 'incomplete' and NOT counted: counting them as event-free would
 *   bias the rate down, i.e. against stopping.
 * - Patients operated after asOf are listed as 'not-yet-operated'.
 * The rule is applied by {@link evaluateStoppingRule} (clinfun `toxbdry` convention: stop when
 * events exceed the boundary). There is no R function for this bookkeeping; trial
 * statisticians do it by hand.
 *
 * @param patients - the cohort (each needs `id`, `surgeryDate`, `complications`,
 *   `lastFollowUpDate`; `deathDate` and `deathCause` are read when present).
 * @param options - `rule`, `asOf`, `windowDays` (default 90), `event` (default major, >= IIIa).
 * @returns the decision, the counts and the table behind them.
 * @throws {TypeError|RangeError} when an argument or a date is malformed (naming it), or when
 *   `windowDays` would end a patient's window after 2199-12-31 (the last date accepted).
 * @throws {CohortValidationError} when two patients share an id.
 * @example
 * const rule = toxicityBoundary({ acceptableRate: 0.1, unacceptableRate: 0.3, looks: [10, 20, 30, 40] });
 * const patients = [
 *   { id: '001', surgeryDate: '2025-01-10', lastFollowUpDate: '2025-06-01', psa: [],
 *     complications: [{ date: '2025-01-20', grade: 'IIIb' }] },
 *   { id: '002', surgeryDate: '2025-05-01', lastFollowUpDate: '2025-06-25', psa: [],
 *     complications: [] },
 * ];
 * const status = safetyMonitor(patients, { rule, asOf: '2025-06-30' });
 * status.decision;   // => 'continue' (1 event in 1 evaluable patient; first look at 10)
 * status.pendingIds; // => ['002'] (day 60 of 90, no event yet)
 */
export function safetyMonitor(
  patients: readonly Patient[],
  options: SafetyMonitorOptions,
): SafetyMonitorResult {
  assertArray('patients', patients);
  assertObject('options', options);
  const {
    rule,
    asOf,
    windowDays = 90,
    event = (complication: Complication) => isMajorComplication(complication.grade),
  } = options;
  assertIsoDate('options.asOf', asOf);
  assertInteger('options.windowDays', windowDays, 0);
  if (typeof event !== 'function') {
    throw new TypeError(`options.event must be a function. Value: ${describeValue(event)}.`);
  }
  assertObject('options.rule', rule);

  assertMonitoredPatients(patients, windowDays);

  const ordered = [...patients].sort((a, b) =>
    a.surgeryDate < b.surgeryDate
      ? -1
      : a.surgeryDate > b.surgeryDate
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  const outcomes: boolean[] = [];
  // A running count: counting the events again for every row made the table quadratic.
  let eventsSoFar = 0;
  const rows: SafetyMonitorRow[] = [];
  for (const patient of ordered) {
    const windowEndDate = addDaysIso(patient.surgeryDate, windowDays);
    const row = classify(patient, asOf, windowDays, windowEndDate, event);
    const counted = row.status === 'event' || row.status === 'no-event';
    if (counted) {
      outcomes.push(row.status === 'event');
      if (row.status === 'event') eventsSoFar += 1;
    }
    rows.push({
      patientId: patient.id,
      surgeryDate: patient.surgeryDate,
      windowEndDate,
      status: row.status,
      eventDate: row.eventDate,
      followUpEndDate: row.followUpEndDate,
      order: counted ? outcomes.length : null,
      cumulativeEvents: counted ? eventsSoFar : null,
    });
  }
  const evaluation = evaluateStoppingRule(rule, outcomes);
  const idsWith = (status: SafetyStatus) =>
    rows.filter((r) => r.status === status).map((r) => r.patientId);
  const pendingIds = idsWith('pending');
  const incompleteIds = idsWith('incomplete');
  return {
    asOf,
    windowDays,
    decision: evaluation.decision,
    evaluation,
    evaluable: outcomes.length,
    events: eventsSoFar,
    pending: pendingIds.length,
    incomplete: incompleteIds.length,
    notYetOperated: idsWith('not-yet-operated').length,
    pendingIds,
    incompleteIds,
    patients: rows,
  };
}

/**
 * Checks each patient's id and dates, that every safety window ends by LAST_DATE, and that no
 * two patients share an id (all duplicates in one CohortValidationError).
 */
function assertMonitoredPatients(patients: readonly Patient[], windowDays: number): void {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  patients.forEach((patient, i) => {
    assertObject(`patients[${i}]`, patient);
    if (typeof patient.id !== 'string') {
      throw new TypeError(
        `patients[${i}].id must be a string. Value: ${describeValue(patient.id)}.`,
      );
    }
    assertIsoDate(`patients[${i}].surgeryDate`, patient.surgeryDate);
    assertIsoDate(`patients[${i}].lastFollowUpDate`, patient.lastFollowUpDate);
    if (patient.deathDate !== undefined) {
      assertIsoDate(`patients[${i}].deathDate`, patient.deathDate);
    }
    if (seen.has(patient.id)) duplicates.push(patient.id);
    seen.add(patient.id);
  });
  // Every window must end on a date the calendar accepts (at the latest 2199-12-31): a
  // windowDays of 1e15 failed inside the date arithmetic with "Invalid time value" (issue 11
  // item 14).
  patients.forEach((patient, i) => {
    if (windowDays > daysBetween(patient.surgeryDate, LAST_DATE)) {
      throw new RangeError(
        `options.windowDays must end the safety window of patients[${i}] (operated ${patient.surgeryDate}) by ${LAST_DATE}, the last date slnd-stats accepts. Value: ${describeValue(windowDays)}.`,
      );
    }
  });
  if (duplicates.length > 0) {
    throw new CohortValidationError(
      duplicates.map((id) => ({
        patientId: id,
        path: 'id',
        code: 'duplicate_id',
        message: `id ${JSON.stringify(id)} is used by more than one patient`,
      })),
    );
  }
}

/** One patient's status at asOf (see the rules in safetyMonitor's TSDoc). */
function classify(
  patient: Patient,
  asOf: IsoDate,
  windowDays: number,
  windowEndDate: IsoDate,
  event: (complication: Complication, patient: Patient) => boolean,
): { status: SafetyStatus; eventDate: IsoDate | null; followUpEndDate: IsoDate | null } {
  if (patient.surgeryDate > asOf) {
    return { status: 'not-yet-operated', eventDate: null, followUpEndDate: null };
  }
  // complicationsWithin adds a death within the window as grade V unless its recorded cause is
  // prostate cancer or other (deathInWindow).
  const eventDates = complicationsWithin(patient, { windowDays })
    .filter((c) => c.date <= asOf && event(c, patient))
    .map((c) => c.date)
    .sort();
  if (eventDates.length > 0) {
    return { status: 'event', eventDate: eventDates[0]!, followUpEndDate: null };
  }
  // A death within the window that is not an event (its cause recorded as prostate cancer or
  // other) ends the window: the patient's outcome is known, no event.
  const death = deathInWindow(patient, { windowDays });
  if (death !== null && death.date <= asOf) {
    return { status: 'no-event', eventDate: null, followUpEndDate: death.date };
  }
  // Follow-up known at asOf ends at the last contact.
  const windowClosed = daysBetween(patient.surgeryDate, asOf) >= windowDays;
  if (windowClosed) {
    return patient.lastFollowUpDate < windowEndDate
      ? { status: 'incomplete', eventDate: null, followUpEndDate: patient.lastFollowUpDate }
      : { status: 'no-event', eventDate: null, followUpEndDate: null };
  }
  return { status: 'pending', eventDate: null, followUpEndDate: null };
}

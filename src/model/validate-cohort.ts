import type { $ZodIssue } from 'zod/v4/core';
import { describeValue } from '../_lib/describe-value.js';
import { type CohortIssue, CohortValidationError } from '../errors.js';
import { checkBaseline } from './check-baseline.js';
import { patientSchema } from './cohort-schema.js';
import { EVENT_DATE_FIELDS } from './date-fields.js';
import { lookalikeIdWarnings } from './id-lookalikes.js';
import { daysBetween, isCalendarDate, MAX_YEAR, MIN_YEAR } from './iso-date.js';
import type {
  Complication,
  IsoDate,
  NotOperatedPatient,
  Patient,
  PsaMeasurement,
  Screening,
  TestosteroneMeasurement,
} from './types.js';
import { CLAVIEN_DINDO_GRADES, DEATH_CAUSES } from './types.js';
import { type CohortFlow, validateFlow } from './validate-flow.js';
import { recordValidated } from './validated-patients.js';

/** The outcome of {@link validateCohort}. */
export type CohortValidationResult = (
  | { readonly ok: true; readonly patients: Patient[]; readonly warnings: CohortIssue[] }
  | {
      readonly ok: false;
      readonly issues: CohortIssue[];
      readonly warnings: CohortIssue[];
      /**
       * The patients no issue names, for a caller that chooses to analyse them and list the rest
       * (the report's `--exclude-invalid`); never a silent default.
       */
      readonly validPatients: Patient[];
    }
) &
  /** The patient flow given with the cohort: enrolled but not operated, and screening. */
  CohortFlow;

/**
 * Checks a cohort and returns either the clean patients or every problem found.
 *
 * Accepts the cohort file object `{ patients: [...] }` or a bare array of patients. The rules,
 * each reported with the patient's id and the field's path (e.g. `psa[3].value`):
 * - structure: required fields present, no unknown fields, ids non-empty strings, dates existing
 *   ISO calendar dates (`2023-02-30` fails), PSA and testosterone values finite and >= 0,
 *   grades one of I, II, IIIa, IIIb, IVa, IVb, V;
 * - ids unique in the cohort;
 * - `prostatectomyDate < surgeryDate <= lastFollowUpDate`;
 * - event dates (castration resistance, distant metastasis, death, last imaging) and
 *   complication dates neither before the sLND nor after the last follow-up; no PSA,
 *   testosterone or ADT start after the last follow-up;
 * - nothing after death, the last follow-up included (follow-up ends at death);
 * - two PSA (or testosterone) results on one date with different values are an error;
 *   identical duplicates are merged, with a warning.
 *
 * The returned patients are new objects (the input is never mutated) with `psa`,
 * `testosterone` and `complications` sorted by date.
 *
 * @param input - parsed JSON of a cohort file, or an array of patients.
 * @returns `{ ok: true, patients, warnings }` or `{ ok: false, issues, warnings, validPatients }`.
 * @example
 * const result = validateCohort({ patients: [{ id: 'P01', surgeryDate: '2024-01-10',
 *   psa: [], complications: [], lastFollowUpDate: '2024-06-01' }] });
 * result.ok; // => true
 */
export function validateCohort(input: unknown): CohortValidationResult {
  const issues: CohortIssue[] = [];
  const warnings: CohortIssue[] = [];
  const list = cohortPatients(input, issues);
  const noFlow: CohortFlow = { notOperated: [], screening: null };
  if (list === null) return { ok: false, issues, warnings, validPatients: [], ...noFlow };

  const patients: Patient[] = [];
  const seen = new Map<string, number>();
  // A for loop, not forEach: a hole in a sparse array is a patient that is missing, reported.
  for (let index = 0; index < list.length; index++) {
    const raw = list[index];
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' && rawId !== '' ? rawId : null;
    const prefix = id === null ? `patients[${index}].` : '';
    if (id !== null) {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else
        issues.push({
          patientId: id,
          path: 'id',
          code: 'duplicate_id',
          message: `id "${id}" is used by patients[${first}] and patients[${index}]; ids must be unique`,
        });
    }
    const parsed = patientSchema.safeParse(raw);
    if (!parsed.success) {
      // Loops, not push(...list): a patient with 100k unknown fields must not overflow the stack.
      for (const issue of parsed.error.issues) {
        for (const one of fromZod(issue, raw, id, prefix)) issues.push(one);
      }
      continue;
    }
    const before = issues.length;
    // Dates are checked in the recorded order, so paths point at the caller's indices.
    checkDates(parsed.data as Patient, issues);
    checkPlausibility(parsed.data as Patient, issues, warnings);
    checkBaseline(parsed.data as Patient, issues, warnings);
    const patient = normalisePatient(parsed.data as Patient, issues, warnings);
    if (issues.length === before) patients.push(recordValidated(patient));
  }

  for (const warning of lookalikeIdWarnings([...seen.keys()])) warnings.push(warning);
  const flow = Array.isArray(input)
    ? noFlow
    : validateFlow(
        input as Record<string, unknown>,
        new Set(seen.keys()),
        issues,
        (issue, raw, prefix) => fromZod(issue, raw, null, prefix),
      );
  if (issues.length === 0) return { ok: true, patients, warnings, ...flow };
  const named = new Set(issues.map((i) => i.patientId));
  return {
    ok: false,
    issues,
    warnings,
    validPatients: patients.filter((p) => !named.has(p.id)),
    ...flow,
  };
}

/**
 * A valid cohort: what `parseCohort` (and, with issues placed in files, `parseCohortCsv` and
 * `parseCohortFile`) returns, the value `validateCohort` gives on success without its `ok`.
 * `buildTrialReport` takes it as it is.
 */
export interface ParsedCohort<Issue extends CohortIssue = CohortIssue> {
  /** The operated patients, in input order, series sorted by date, duplicates merged. */
  readonly patients: Patient[];
  /** Enrolled patients who were not operated (empty when the input has none). */
  readonly notOperated: NotOperatedPatient[];
  /** Screening before enrolment, or null when the input has none. */
  readonly screening: Screening | null;
  /**
   * What was read but deserves a look (merged duplicates, a death within 90 days without a
   * cause, look-alike ids, ...): returned, never dropped.
   */
  readonly warnings: Issue[];
}

/**
 * Validates a cohort like {@link validateCohort} and returns it, or throws: `parseX` throws
 * where `validateX` returns a result (docs/api-conventions.md).
 *
 * @param input - parsed JSON of a cohort file, or an array of patients.
 * @returns the patients (series sorted by date, identical duplicates merged), the patient flow
 *   (`notOperated`, `screening`) and the warnings.
 * @throws {CohortValidationError} listing every problem (`.issues`), not only the first.
 * @example
 * const { patients, warnings } = parseCohort(JSON.parse(text));
 * buildTrialReport(parseCohort(JSON.parse(text))); // the flow goes with the patients
 */
export function parseCohort(input: unknown): ParsedCohort {
  const result = validateCohort(input);
  if (!result.ok) throw new CohortValidationError(result.issues);
  const { patients, notOperated, screening, warnings } = result;
  return { patients, notOperated, screening, warnings };
}

/** The keys a cohort object may have. */
const COHORT_KEYS: ReadonlySet<string> = new Set([
  '$schema',
  'patients',
  'notOperated',
  'screening',
]);

function cohortPatients(input: unknown, issues: CohortIssue[]): readonly unknown[] | null {
  if (Array.isArray(input)) return input;
  if (typeof input === 'object' && input !== null) {
    const record = input as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!COHORT_KEYS.has(key)) {
        issues.push({
          patientId: null,
          path: key,
          code: 'unknown_field',
          message: `unknown field "${key}" in the cohort (expected "patients", "notOperated", "screening")`,
        });
      }
    }
    if (Array.isArray(record['patients'])) return issues.length > 0 ? null : record['patients'];
    issues.push({
      patientId: null,
      path: 'patients',
      code: 'invalid_type',
      message: `"patients" must be an array of patients. Value: ${describeValue(record['patients'])}`,
    });
    return null;
  }
  issues.push({
    patientId: null,
    path: '',
    code: 'invalid_type',
    message: `a cohort must be an object { "patients": [...] } or an array of patients. Value: ${describeValue(input)}`,
  });
  return null;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns one zod issue into cohort issues with our codes and a message quoting the value. */
function fromZod(
  issue: $ZodIssue,
  raw: unknown,
  patientId: string | null,
  prefix: string,
): CohortIssue[] {
  const path = prefix + formatPath(issue.path);
  const value = valueAt(raw, issue.path);
  const at = (code: string, message: string): CohortIssue[] => [
    { patientId, path: path.replace(/\.$/, ''), code, message },
  ];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        patientId,
        path: path === '' || path.endsWith('.') ? `${path}${key}` : `${path}.${key}`,
        code: 'unknown_field',
        message: `unknown field "${key}"`,
      }));
    case 'invalid_format':
      // The date pattern also holds the years: an existing date outside them is its own issue.
      return isCalendarDate(value)
        ? at(
            'year_out_of_range',
            `${describeValue(value)} is outside the years ${MIN_YEAR}-${MAX_YEAR} that slnd-stats accepts`,
          )
        : at(
            'invalid_date',
            `${describeValue(value)} is not an existing calendar date written YYYY-MM-DD`,
          );
    case 'invalid_value':
      return issue.path[issue.path.length - 1] === 'grade'
        ? at(
            'invalid_grade',
            `${describeValue(value)} is not a Clavien-Dindo grade; valid grades: ${CLAVIEN_DINDO_GRADES.join(', ')}`,
          )
        : at(
            'invalid_value',
            `${describeValue(value)} is not one of ${issue.values.map((v) => String(v)).join(', ')}`,
          );
    case 'too_big':
      return at(
        'out_of_range',
        `must be <= ${String(issue.maximum)}. Value: ${describeValue(value)}`,
      );
    case 'too_small':
      return issue.origin === 'number'
        ? at('out_of_range', `must be >= ${String(issue.minimum)}. Value: ${describeValue(value)}`)
        : at('empty', 'must not be empty');
    case 'invalid_type':
      if (value === undefined) return at('missing_field', 'is required');
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return at('not_finite', `must be a finite number. Value: ${describeValue(value)}`);
      }
      return at(
        'invalid_type',
        `must be ${issue.expected === 'int' ? 'an integer' : issue.expected}. Value: ${describeValue(value)}`,
      );
    default:
      return at(issue.code, issue.message);
  }
}

function byDate<T extends { readonly date: IsoDate }>(items: readonly T[]): T[] {
  // Array.prototype.sort is stable, so same-day entries keep their recorded order.
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether the items' dates never decrease. */
function isSortedByDate(items: readonly { readonly date: IsoDate }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i - 1]!.date > items[i]!.date) return false;
  return true;
}

/** Whether the items' dates strictly increase (sorted, no two on one day). */
function strictlyByDate(items: readonly { readonly date: IsoDate }[]): boolean {
  for (let i = 1; i < items.length; i++) if (!(items[i - 1]!.date < items[i]!.date)) return false;
  return true;
}

/** Sorts a series and merges identical same-day results; conflicting ones become issues. */
function mergeSameDay<T extends PsaMeasurement | TestosteroneMeasurement>(
  series: readonly T[],
  field: 'psa' | 'testosterone',
  patientId: string,
  issues: CohortIssue[],
  warnings: CohortIssue[],
): T[] {
  // The usual case, a series in date order with one result a day, needs no copy: the parsed
  // series is already the validator's own new array.
  if (strictlyByDate(series)) return series as T[];
  const indexed = byDate(series.map((m, index) => ({ ...m, index })));
  const out: T[] = [];
  let previous: (T & { index: number }) | undefined;
  for (const current of indexed) {
    const { index, ...measurement } = current;
    if (previous !== undefined && previous.date === current.date) {
      const same =
        previous.value === current.value &&
        Boolean((previous as PsaMeasurement).undetectable) ===
          Boolean((current as PsaMeasurement).undetectable);
      const where = `${field}[${previous.index}] and ${field}[${index}]`;
      if (same) {
        warnings.push({
          patientId,
          path: `${field}[${index}]`,
          code: 'duplicate_merged',
          message: `${where} are identical results on ${current.date}; merged into one`,
        });
      } else {
        issues.push({
          patientId,
          path: `${field}[${index}]`,
          code: 'conflicting_duplicate',
          message: `${where} are two different results on ${current.date} (${previous.value} and ${current.value}); keep one`,
        });
      }
      continue;
    }
    out.push(measurement as unknown as T);
    previous = current;
  }
  return out;
}

function normalisePatient(
  patient: Patient,
  issues: CohortIssue[],
  warnings: CohortIssue[],
): Patient {
  const out: Patient = {
    ...patient,
    psa: mergeSameDay(patient.psa, 'psa', patient.id, issues, warnings),
    complications: isSortedByDate(patient.complications)
      ? (patient.complications as Complication[])
      : byDate(patient.complications),
  };
  if (patient.testosterone !== undefined) {
    return {
      ...out,
      testosterone: mergeSameDay(
        patient.testosterone,
        'testosterone',
        patient.id,
        issues,
        warnings,
      ),
    };
  }
  return out;
}

/** The 90-day perioperative window of the trial's complication endpoint (days after the sLND). */
const COMPLICATION_WINDOW_DAYS = 90;

/** Testosterone below this (ng/dL) is almost surely a value in ng/mL typed into ng/dL. */
const TESTOSTERONE_UNIT_SUSPECT_BELOW = 1;

/**
 * Rules about what a value means rather than its form: an id is not blank; an undetectable
 * result's detection limit is > 0 (both as CSV reading has them); a cause of death needs a death; a death
 * inside the complication window without a recorded cause is counted as a grade V complication
 * (a warning says so); a testosterone below 1 ng/dL is probably in the wrong unit (a warning:
 * it would read as castrate).
 */
function checkPlausibility(patient: Patient, issues: CohortIssue[], warnings: CohortIssue[]): void {
  const { id, surgeryDate, deathDate, deathCause } = patient;
  // One rule for JSON and CSV: a CSV cell is trimmed, so a blank id is empty there too.
  if (id.trim() === '') {
    issues.push({
      patientId: id,
      path: 'id',
      code: 'empty',
      message: `id ${JSON.stringify(id)} is only white space; an id must be readable`,
    });
  }
  // As a CSV "<0" is refused: a detection limit of 0 says nothing.
  for (const [i, m] of patient.psa.entries()) {
    if (m.undetectable === true && m.value === 0) {
      issues.push({
        patientId: id,
        path: `psa[${i}].value`,
        code: 'out_of_range',
        message: 'an undetectable result records its detection limit, which must be > 0. Value: 0',
      });
    }
  }
  if (deathCause !== undefined && deathDate === undefined) {
    issues.push({
      patientId: id,
      path: 'deathCause',
      code: 'death_cause_without_death',
      message: `deathCause "${deathCause}" is given without a deathDate`,
    });
  }
  if (deathDate !== undefined && deathCause === undefined && deathDate >= surgeryDate) {
    const day = daysBetween(surgeryDate, deathDate);
    if (day <= COMPLICATION_WINDOW_DAYS) {
      warnings.push({
        patientId: id,
        path: 'deathCause',
        code: 'death_cause_missing',
        message:
          `died on day ${day} after the sLND, inside the ${COMPLICATION_WINDOW_DAYS}-day complication window, ` +
          `with no deathCause: counted as a grade V complication; record the cause (${DEATH_CAUSES.join(', ')})`,
      });
    }
  }
  for (const [i, m] of (patient.testosterone ?? []).entries()) {
    if (m.value < TESTOSTERONE_UNIT_SUSPECT_BELOW) {
      warnings.push({
        patientId: id,
        path: `testosterone[${i}].value`,
        code: 'testosterone_unit_suspect',
        message:
          `testosterone ${m.value} ng/dL on ${m.date} is below ${TESTOSTERONE_UNIT_SUSPECT_BELOW} ng/dL: ` +
          'probably a value in ng/mL (x 100 for ng/dL) or nmol/L (x 28.8); it reads as castrate',
      });
    }
  }
}

/** The date-order rules, on the patient as recorded (unsorted). */
function checkDates(patient: Patient, issues: CohortIssue[]): void {
  const { id, surgeryDate, lastFollowUpDate, deathDate } = patient;
  const push = (path: string, code: string, message: string): void => {
    issues.push({ patientId: id, path, code, message });
  };

  if (patient.prostatectomyDate !== undefined && patient.prostatectomyDate >= surgeryDate) {
    push(
      'prostatectomyDate',
      'date_order',
      `prostatectomyDate ${patient.prostatectomyDate} must be before surgeryDate ${surgeryDate}`,
    );
  }
  if (lastFollowUpDate < surgeryDate) {
    push(
      'lastFollowUpDate',
      'date_order',
      `lastFollowUpDate ${lastFollowUpDate} must not be before surgeryDate ${surgeryDate}`,
    );
  }
  if (deathDate !== undefined && lastFollowUpDate > deathDate) {
    push(
      'lastFollowUpDate',
      'after_death',
      `lastFollowUpDate ${lastFollowUpDate} is after deathDate ${deathDate}; follow-up ends at death`,
    );
  }

  // Later checks compare ISO strings: for YYYY-MM-DD, string order is calendar order.
  const notAfterEnd = (path: string, date: IsoDate) => {
    if (deathDate !== undefined && date > deathDate) {
      push(path, 'after_death', `${path} ${date} is after deathDate ${deathDate}`);
    } else if (date > lastFollowUpDate) {
      push(
        path,
        'after_last_follow_up',
        `${path} ${date} is after lastFollowUpDate ${lastFollowUpDate}`,
      );
    }
  };
  const eventDate = (path: string, date: IsoDate) => {
    if (date < surgeryDate) {
      push(path, 'before_surgery', `${path} ${date} is before surgeryDate ${surgeryDate}`);
    } else notAfterEnd(path, date);
  };

  for (const field of EVENT_DATE_FIELDS) {
    const date = patient[field];
    if (date !== undefined) eventDate(field, date);
  }
  for (const [i, c] of patient.complications.entries()) {
    eventDate(`complications[${i}].date`, c.date);
  }
  if (patient.adtStartDate !== undefined) notAfterEnd('adtStartDate', patient.adtStartDate);
  for (const [i, m] of patient.psa.entries()) notAfterEnd(`psa[${i}].date`, m.date);
  for (const [i, m] of (patient.testosterone ?? []).entries()) {
    notAfterEnd(`testosterone[${i}].date`, m.date);
  }
}

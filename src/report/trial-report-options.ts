// The options of buildTrialReport, and the cohort it takes: their types and their checks, so
// that a renderer never meets a value of the wrong type where it escapes a string.
import {
  assertArray,
  assertInteger,
  assertObject,
  assertOneOf,
  assertString,
} from '../_lib/assert.js';
import type { CohortIssue } from '../errors.js';
import { assertPatient } from '../model/assert-series.js';
import { assertIsoDate } from '../model/iso-date.js';
import type { IsoDate, NotOperatedPatient, Patient, Screening } from '../model/types.js';
import type { CastrationResistanceDefinition } from '../psa/detect-castration-resistance.js';
import type { ExcludedPatient } from './trial-report.js';

/** Options of `buildTrialReport`. */
export interface TrialReportOptions {
  /** Data cut (ISO date); default: the latest last follow-up in the cohort. */
  readonly asOf?: IsoDate;
  /**
   * Safety stopping rule in text form (see `stoppingRuleFromSpec`); default
   * `pocock:0.1,0.3,60`, which the report marks as a default (`safety.ruleIsDefault`).
   */
  readonly rule?: string;
  /**
   * Castration resistance as recorded (`'recorded'`, default) or derived from each patient's
   * PSA and testosterone (`'derived'`, `detectCastrationResistance`).
   */
  readonly castrationResistance?: 'recorded' | 'derived';
  /** The definition of castration resistance the labs are checked against. Default `'eau'`. */
  readonly castrationResistanceDefinition?: CastrationResistanceDefinition;
  /** Report title. */
  readonly title?: string;
  /** Patients set aside before the analysis, listed at the top of the report. */
  readonly excluded?: readonly ExcludedPatient[];
  /**
   * What reading the input warned about (`validateCohort`'s, `validateCohortCsv`'s or
   * `validateCohortFile`'s `warnings`), shown at the top of the report and kept in
   * `inputWarnings`; a cohort from `parseCohort` carries its own.
   */
  readonly inputWarnings?: readonly CohortIssue[];
  /**
   * Enrolled patients who were not operated (the cohort's `notOperated`, see `validateCohort`),
   * counted by reason in the patient flow.
   */
  readonly notOperated?: readonly NotOperatedPatient[];
  /** The screening log (the cohort's `screening`): patients assessed and excluded by reason. */
  readonly screening?: Screening;
}

/**
 * A cohort with its patient flow, as `parseCohort` returns it (`ParsedCohort`): what
 * `buildTrialReport` takes besides a bare array of patients.
 */
export interface TrialCohort {
  readonly patients: readonly Patient[];
  readonly notOperated?: readonly NotOperatedPatient[];
  readonly screening?: Screening | null;
  /** What reading it warned about: shown in the report. */
  readonly warnings?: readonly CohortIssue[];
}

/** The options checked, with their defaults: what every rendering writes is checked here. */
export function readOptions(patients: readonly Patient[], options: TrialReportOptions) {
  assertArray('patients', patients);
  // Each patient is checked field by field, so a malformed one is named (`patients[0].id must
  // be a string`) rather than failing deep inside an analysis (`[{}]` gave "Cannot read
  // properties of undefined"; issue 11 item 14). Rules between fields are validateCohort's.
  patients.forEach((patient, i) => {
    assertPatient(`patients[${i}]`, patient);
  });
  assertObject('options', options);
  const { castrationResistance = 'recorded', castrationResistanceDefinition = 'eau' } = options;
  // The title and the excluded patients are written into every rendering: checked here, so a
  // renderer never meets a number where it escapes a string.
  const title = options.title ?? 'Salvage lymph node dissection trial: endpoint report';
  assertString('options.title', title);
  const excluded = readExcluded(options.excluded ?? []);
  if (options.rule !== undefined) assertString('options.rule', options.rule);
  assertOneOf('options.castrationResistance', castrationResistance, ['recorded', 'derived']);
  assertOneOf('options.castrationResistanceDefinition', castrationResistanceDefinition, [
    'eau',
    'pcwg3',
  ]);
  const notOperated = readNotOperated(options.notOperated ?? []);
  if (options.screening !== undefined) readScreening(options.screening);
  const { screening } = options;
  return {
    castrationResistance,
    castrationResistanceDefinition,
    title,
    excluded,
    notOperated,
    screening,
    inputWarnings: readInputWarnings(options.inputWarnings ?? []),
  };
}

/**
 * The patients, and the flow given with them: `parseCohort`'s result carries its `notOperated`
 * and `screening`; an array of patients takes them from the options. Given in both places,
 * the flow is ambiguous and refused.
 */
export function readCohort(
  cohort: readonly Patient[] | TrialCohort,
  options: TrialReportOptions,
): {
  patients: readonly Patient[];
  flow: Pick<TrialReportOptions, 'notOperated' | 'screening' | 'inputWarnings'>;
} {
  if (Array.isArray(cohort)) return { patients: cohort, flow: {} };
  assertObject('cohort', cohort);
  const { patients, notOperated, screening, warnings } = cohort as TrialCohort;
  if (!Array.isArray(patients)) {
    throw new TypeError(
      `cohort must be an array of patients or { patients, notOperated?, screening? }. Value: an object without a patients array.`,
    );
  }
  const inCohort = (notOperated?.length ?? 0) > 0 || (screening ?? null) !== null;
  if (inCohort && (options.notOperated !== undefined || options.screening !== undefined)) {
    throw new TypeError(
      'options.notOperated and options.screening: the cohort already carries its patient flow; give it once.',
    );
  }
  return {
    patients,
    flow: {
      ...(notOperated === undefined ? {} : { notOperated }),
      ...(screening === undefined || screening === null ? {} : { screening }),
      // The reading's warnings go with the cohort unless the options give them.
      ...(warnings === undefined || options.inputWarnings !== undefined
        ? {}
        : { inputWarnings: warnings }),
    },
  };
}

/** `options.inputWarnings` checked (each with a string `code` and `message`) and copied. */
function readInputWarnings(value: unknown): CohortIssue[] {
  assertArray('options.inputWarnings', value);
  return value.map((entry, i) => {
    const where = `options.inputWarnings[${i}]`;
    assertObject(where, entry);
    const { patientId, path, code, message } = entry as Record<string, unknown>;
    if (patientId !== null) assertString(`${where}.patientId`, patientId);
    assertString(`${where}.path`, path);
    assertString(`${where}.code`, code);
    assertString(`${where}.message`, message);
    return { patientId, path, code, message };
  });
}

/** `options.notOperated` checked (`{ id, reason, enrollmentDate? }[]`). */
function readNotOperated(value: unknown): readonly NotOperatedPatient[] {
  assertArray('options.notOperated', value);
  value.forEach((entry, i) => {
    const where = `options.notOperated[${i}]`;
    assertObject(where, entry);
    const { id, reason, enrollmentDate } = entry as Record<string, unknown>;
    assertString(`${where}.id`, id);
    assertString(`${where}.reason`, reason);
    if (enrollmentDate !== undefined) assertIsoDate(`${where}.enrollmentDate`, enrollmentDate);
  });
  return value as readonly NotOperatedPatient[];
}

/** `options.screening` checked (`{ assessed, excluded: { reason, count }[] }`). */
function readScreening(value: unknown): void {
  assertObject('options.screening', value);
  const { assessed, excluded } = value as Record<string, unknown>;
  assertInteger('options.screening.assessed', assessed, 0);
  assertArray('options.screening.excluded', excluded);
  excluded.forEach((entry, i) => {
    const where = `options.screening.excluded[${i}]`;
    assertObject(where, entry);
    const { reason, count } = entry as Record<string, unknown>;
    assertString(`${where}.reason`, reason);
    assertInteger(`${where}.count`, count, 0);
  });
}

/** `options.excluded` checked (`{ patientId: string | null, reasons: string[] }[]`) and copied. */
function readExcluded(value: unknown): ExcludedPatient[] {
  assertArray('options.excluded', value);
  return value.map((entry, i) => {
    const where = `options.excluded[${i}]`;
    assertObject(where, entry);
    const { patientId, reasons } = entry as Record<string, unknown>;
    if (patientId !== null) assertString(`${where}.patientId`, patientId);
    assertArray(`${where}.reasons`, reasons);
    reasons.forEach((reason, j) => {
      assertString(`${where}.reasons[${j}]`, reason);
    });
    return { patientId, reasons: [...(reasons as readonly string[])] };
  });
}

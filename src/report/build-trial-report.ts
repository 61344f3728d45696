import {
  assertArray,
  assertInteger,
  assertObject,
  assertOneOf,
  assertString,
} from '../_lib/assert.js';
import { complicationSummary } from '../complications/complication-summary.js';
import { assertPatient } from '../model/assert-series.js';
import { cohortAsOf } from '../model/cohort-as-of.js';
import { assertIsoDate, DAYS_PER_MONTH, daysBetween } from '../model/iso-date.js';
import type { IsoDate, NotOperatedPatient, Patient, Screening } from '../model/types.js';
import type { CastrationResistanceDefinition } from '../psa/detect-castration-resistance.js';
import {
  type PsaDoublingTimeChangeResult,
  psaDoublingTimeChange,
} from '../psa/psa-doubling-time-change.js';
import { type PsaResponseResult, psaResponse } from '../psa/psa-response.js';
import { type Endpoint, endpointData } from '../survival/endpoint-data.js';
import { medianFollowUp } from '../survival/median-follow-up.js';
import { VERSION } from '../version.js';
import { baselineSection } from './baseline-section.js';
import { byResponseSection } from './by-response-section.js';
import { castrationResistanceSection } from './castration-resistance-section.js';
import { doublingTimeSection } from './doubling-time-section.js';
import { type EndpointSpec, endpointSection } from './endpoint-section.js';
import { flowSection } from './flow-section.js';
import { followUpCompleteness } from './follow-up-completeness.js';
import { individualSection } from './individual-section.js';
import { landmarkSection } from './landmark-section.js';
import { predictorsSection } from './predictors-section.js';
import { reportMethods } from './report-methods.js';
import { safetySection } from './safety-section.js';
import {
  hormoneTherapyRecords,
  recurrenceRecords,
  SECONDARY_ENDPOINTS,
  secondaryExclusions,
} from './secondary-endpoint-data.js';
import { DEFAULT_STOPPING_RULE, stoppingRuleFromSpec } from './stopping-rule-spec.js';
import {
  type ExcludedPatient,
  PREDICTORS_LIMIT,
  type ReportSetting,
  type TrialReport,
} from './trial-report.js';

export { type EndpointSpec, LANDMARK_DAYS, RISK_DAYS } from './endpoint-section.js';

/** Options of {@link buildTrialReport}. */
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
}

/**
 * The time-to-event endpoints the report estimates, each named by what it counts and what it
 * censors, with castration resistance dated as `crpc` says.
 */
function reportEndpoints(crpc: string): readonly EndpointSpec[] {
  return [
    {
      endpoint: 'castration-resistance',
      label: 'Free of castration resistance (deaths censored)',
      definition: `Event: castration resistance (${crpc}). Censored: at the last follow-up, at a death without castration resistance, and at 2 years.`,
      competingRisk: true,
    },
    {
      endpoint: 'distant-metastasis',
      label: 'Free of distant metastasis (deaths censored)',
      definition:
        'Event: distant metastasis on imaging. Censored: at the last imaging (else the last follow-up), at a death without metastasis, and at 2 years.',
      competingRisk: true,
    },
    {
      endpoint: 'metastasis-free-survival',
      label: 'Metastasis-free survival (event: metastasis or death)',
      definition:
        'Event: distant metastasis or death from any cause, whichever comes first. Censored: at the last imaging (else the last follow-up), and at 2 years.',
      competingRisk: false,
    },
  ];
}

/** The report's time-to-event endpoints with castration resistance as recorded (the default). */
export const REPORT_ENDPOINTS: readonly EndpointSpec[] = reportEndpoints('date as recorded');

/**
 * The whole trial analysis of a cohort, as plain data: the cohort, its follow-up and its
 * completeness, the patient flow, the baseline characteristics, the 90-day Clavien-Dindo
 * complications (a death within 90 days counted as grade V unless its cause is recorded as
 * prostate cancer or other) by grade and category with their line listing, the safety monitor,
 * the PSA at 6 weeks (PSA on ADT not evaluable), the change in PSA doubling time, the
 * Kaplan-Meier estimates of the time-to-event endpoints (a landmark where nobody is at risk is
 * not estimable) with their cumulative incidence with death as a competing event, the further
 * endpoints of sLND series, the endpoints by 6-week response, each patient's course and the
 * exploratory predictors, each computed by the library function named in `methods`. Every setting is listed in `settings`, with whether it was given or
 * defaulted. Deterministic: the same patients and options give the same report (the default
 * data cut is taken from the data, never from the clock). The rules are in docs/report.md.
 *
 * @param cohortOrPatients - the cohort as `parseCohort` returns it (`{ patients, notOperated,
 *   screening }`: the flow goes with the patients), or an array of valid patients.
 * @param options - `asOf`, `rule`, `castrationResistance`, `castrationResistanceDefinition`,
 *   `title`, `excluded`, and for an array of patients `notOperated` and `screening`.
 * @returns the report; render it with `reportToMarkdown`, `reportToHtml` or `reportSummary`.
 * @throws {TypeError|RangeError} when the patients are not an array (or have holes), a patient has
 *   a field of the wrong type or domain (naming it, e.g. `patients[3].complications[0].grade`),
 *   or an option is malformed: `title` not a string, `excluded` not an array of
 *   `{ patientId: string | null, reasons: string[] }`, `rule` not a stopping rule, or the flow
 *   given both with the cohort and in the options.
 * @example
 * const report = buildTrialReport(parseCohort(cohortJson), { rule: 'pocock:0.1,0.3,60' });
 * report.complications.rows.find((r) => r.key === 'major');
 */
export function buildTrialReport(
  cohortOrPatients: readonly Patient[] | TrialCohort,
  options: TrialReportOptions = {},
): TrialReport {
  const { patients, flow } = readCohort(cohortOrPatients, options);
  const checked = readOptions(patients, { ...options, ...flow });
  const { castrationResistance, castrationResistanceDefinition } = checked;
  const cut = cohortAsOf(patients, options.asOf);
  const cohort = cut.patients;
  const ruleIsDefault = options.rule === undefined;
  const rule = stoppingRuleFromSpec(options.rule ?? DEFAULT_STOPPING_RULE);
  const crpc = castrationResistanceSection(
    cohort,
    castrationResistance,
    castrationResistanceDefinition,
  );
  // Each patient's 6-week response and doubling-time change are computed once, for every
  // section that reads them.
  const responses = cohort.map((p) => psaResponse(p));
  const changes = cohort.map((p) => psaDoublingTimeChange(p));
  const specs = reportEndpoints(crpcWording(castrationResistance, castrationResistanceDefinition));
  const registered = endpointSections(specs, cohort, crpc.patients);
  const survival = registered.map((r) => r.section);
  const recurrences = recurrenceRecords(cohort, responses);
  const complications = complicationSummary(cohort);
  const psaLandmark = landmarkSection(responses);
  const psaDoublingTime = doublingTimeSection(changes);
  const responseById = new Map(responses.map((r) => [r.patientId, r]));
  const secondaryEndpoints = [
    endpointSection(SECONDARY_ENDPOINTS[0]!, recurrences),
    endpointSection(SECONDARY_ENDPOINTS[1]!, hormoneTherapyRecords(cohort)),
  ];
  const leftOut = secondaryExclusions(cohort, responses);

  return {
    title: checked.title,
    libraryVersion: VERSION,
    asOf: cut.asOf,
    source: null,
    settings: reportSettings(options, cut.asOf, rule.spec, checked),
    excluded: checked.excluded,
    cohort: cohortSection(cohort, cut),
    flow: flowSection({
      asOf: cut.asOf,
      operated: cohort.length,
      notYetOperated: cut.notYetOperated,
      notOperated: checked.notOperated,
      screening: checked.screening,
      excluded: checked.excluded,
      complications,
      psaLandmark,
      psaDoublingTime,
      survival,
      secondary: [
        { endpoint: secondaryEndpoints[0]!, leftOut: leftOut.recurrence },
        { endpoint: secondaryEndpoints[1]!, leftOut: leftOut.hormoneTherapy },
      ],
    }),
    baseline: baselineSection(cohort, responses, changes),
    complications,
    safety: safetySection(cohort, rule, ruleIsDefault, cut.asOf),
    psaLandmark,
    psaDoublingTime,
    castrationResistance: crpc.section,
    survival,
    secondaryEndpoints,
    byResponse: registered.map((r) => byResponseSection(r.section, r.records, responseById)),
    predictors: predictors(cohort, responses, changes, registered),
    individual: individualSection(cohort, recurrences),
    methods: reportMethods(crpc.section.description),
  };
}

/** How the endpoints' definitions name the dates of castration resistance. */
function crpcWording(
  castrationResistance: 'recorded' | 'derived',
  definition: CastrationResistanceDefinition,
): string {
  return castrationResistance === 'recorded'
    ? 'date as recorded'
    : `date derived from PSA and testosterone, ${definition.toUpperCase()} definition`;
}

/** One time-to-event endpoint of the report: its spec, its records and its section. */
interface RegisteredEndpoint {
  readonly spec: EndpointSpec;
  readonly records: ReturnType<typeof endpointData>;
  readonly section: ReturnType<typeof endpointSection>;
}

/**
 * The sections of the time-to-event endpoints: castration resistance over `crpcPatients` (its
 * dates as the report takes them), the others over the cohort; with the cumulative incidence
 * where death competes.
 */
function endpointSections(
  specs: readonly EndpointSpec[],
  cohort: readonly Patient[],
  crpcPatients: readonly Patient[],
): RegisteredEndpoint[] {
  return specs.map((spec) => {
    const of = spec.endpoint === 'castration-resistance' ? crpcPatients : cohort;
    const endpoint = spec.endpoint as Endpoint;
    const records = endpointData(of, endpoint);
    const competing = spec.competingRisk
      ? endpointData(of, endpoint, { competingRisk: true })
      : null;
    return { spec, records, section: endpointSection(spec, records, competing) };
  });
}

/** The predictor models of the endpoints where death competes; none past PREDICTORS_LIMIT. */
function predictors(
  cohort: readonly Patient[],
  responses: readonly PsaResponseResult[],
  changes: readonly PsaDoublingTimeChangeResult[],
  registered: readonly RegisteredEndpoint[],
): TrialReport['predictors'] {
  if (cohort.length > PREDICTORS_LIMIT) return [];
  const endpoints = registered
    .filter((r) => r.spec.competingRisk)
    .map((r) => ({ label: r.spec.label, records: r.records }));
  return predictorsSection(cohort, responses, changes, endpoints);
}

/** The options checked, with their defaults: what every rendering writes is checked here. */
function readOptions(patients: readonly Patient[], options: TrialReportOptions) {
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
  };
}

/**
 * The patients, and the flow given with them: `parseCohort`'s result carries its `notOperated`
 * and `screening`; an array of patients takes them from the options. Given in both places,
 * the flow is ambiguous and refused.
 */
function readCohort(
  cohort: readonly Patient[] | TrialCohort,
  options: TrialReportOptions,
): { patients: readonly Patient[]; flow: Pick<TrialReportOptions, 'notOperated' | 'screening'> } {
  if (Array.isArray(cohort)) return { patients: cohort, flow: {} };
  assertObject('cohort', cohort);
  const { patients, notOperated, screening } = cohort as TrialCohort;
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
    },
  };
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

/** The cohort at the data cut: size, dates of surgery, follow-up and its completeness. */
function cohortSection(
  cohort: readonly Patient[],
  cut: { readonly asOf: IsoDate; readonly notYetOperated: readonly string[] },
): TrialReport['cohort'] {
  const surgeries = cohort.map((p) => p.surgeryDate).sort();
  const followUp = {
    time: cohort.map((p) => daysBetween(p.surgeryDate, p.deathDate ?? p.lastFollowUpDate)),
    event: cohort.map((p) => (p.deathDate === undefined ? 0 : 1)),
  };
  const fu = cohort.length > 0 ? medianFollowUp(followUp) : null;
  const toMonths = (d: number | null | undefined) =>
    d === null || d === undefined ? null : d / DAYS_PER_MONTH;
  return {
    n: cohort.length,
    firstSurgery: surgeries[0] ?? null,
    lastSurgery: surgeries[surgeries.length - 1] ?? null,
    notYetOperated: [...cut.notYetOperated],
    medianFollowUpMonths: {
      estimate: toMonths(fu?.estimate),
      lower: toMonths(fu?.lower),
      upper: toMonths(fu?.upper),
    },
    followUpCompleteness: followUpCompleteness(cohort, cut.asOf),
    deaths: followUp.event.filter((e) => e === 1).length,
  };
}

/** Every setting of the analysis, with whether it was given or defaulted. */
function reportSettings(
  options: TrialReportOptions,
  asOf: IsoDate,
  rule: string,
  crpc: { readonly castrationResistance: string; readonly castrationResistanceDefinition: string },
): ReportSetting[] {
  const { castrationResistance, castrationResistanceDefinition } = crpc;
  const ruleIsDefault = options.rule === undefined;
  return [
    {
      name: 'as-of',
      value: asOf,
      defaulted: options.asOf === undefined,
      description: 'the data cut: nothing dated later is used (default: the latest last follow-up)',
    },
    {
      name: 'rule',
      value: rule,
      defaulted: ruleIsDefault,
      description: ruleIsDefault
        ? 'the safety stopping rule; none was given, so the library default was applied: the protocol should name its rule'
        : 'the safety stopping rule',
    },
    {
      name: 'crpc',
      value: castrationResistance,
      defaulted: options.castrationResistance === undefined,
      description: 'how castration resistance is dated: as recorded, or derived from the labs',
    },
    {
      name: 'crpc-definition',
      value: castrationResistanceDefinition,
      defaulted: options.castrationResistanceDefinition === undefined,
      description: 'the definition of castration resistance the labs are checked against',
    },
  ];
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

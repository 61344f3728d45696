import { complicationSummary } from '../complications/complication-summary.js';
import { cohortAsOf } from '../model/cohort-as-of.js';
import type { Patient } from '../model/types.js';
import {
  type PsaDoublingTimeChangeResult,
  psaDoublingTimeChange,
} from '../psa/psa-doubling-time-change.js';
import { type PsaResponseResult, psaResponse } from '../psa/psa-response.js';
import { type Endpoint, endpointData } from '../survival/endpoint-data.js';
import { VERSION } from '../version.js';
import { baselineSection } from './baseline-section.js';
import { byResponseSection } from './by-response-section.js';
import { castrationResistanceSection } from './castration-resistance-section.js';
import { cohortSection } from './cohort-section.js';
import { doublingTimeSection } from './doubling-time-section.js';
import { type EndpointSpec, endpointSection } from './endpoint-section.js';
import { flowSection } from './flow-section.js';
import { individualSection } from './individual-section.js';
import { landmarkSection } from './landmark-section.js';
import { predictorsSection } from './predictors-section.js';
import { crpcWording, reportEndpoints } from './report-endpoints.js';
import { reportMethods } from './report-methods.js';
import { reportSettings } from './report-settings.js';
import { safetySection } from './safety-section.js';
import {
  hormoneTherapyRecords,
  recurrenceRecords,
  SECONDARY_ENDPOINTS,
  secondaryExclusions,
} from './secondary-endpoint-data.js';
import { DEFAULT_STOPPING_RULE, stoppingRuleFromSpec } from './stopping-rule-spec.js';
import { PREDICTORS_LIMIT, type TrialReport } from './trial-report.js';
import {
  readCohort,
  readOptions,
  type TrialCohort,
  type TrialReportOptions,
} from './trial-report-options.js';

export { type EndpointSpec, LANDMARK_DAYS, RISK_DAYS } from './endpoint-section.js';
export { REPORT_ENDPOINTS } from './report-endpoints.js';
export type { TrialCohort, TrialReportOptions } from './trial-report-options.js';

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
    inputWarnings: checked.inputWarnings,
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

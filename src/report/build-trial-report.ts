import { assertArray, assertObject } from '../_lib/assert.js';
import { complicationSummary } from '../complications/complication-summary.js';
import { DAYS_PER_MONTH, daysBetween } from '../model/iso-date.js';
import type { IsoDate, Patient } from '../model/types.js';
import { boundaryOperatingCharacteristics } from '../monitoring/boundary-operating-characteristics.js';
import { safetyMonitor } from '../monitoring/safety-monitor.js';
import {
  type PsaDoublingTimeChangeCategory,
  psaDoublingTimeChange,
} from '../psa/psa-doubling-time-change.js';
import { psaDoublingTimeComparison } from '../psa/psa-doubling-time-comparison.js';
import { psaResponse } from '../psa/psa-response.js';
import { binomialConfidenceInterval } from '../stats/binomial-confidence-interval.js';
import { quantileType7 } from '../stats/quantile-type-7.js';
import { type Endpoint, endpointData } from '../survival/endpoint-data.js';
import { kaplanMeier } from '../survival/kaplan-meier.js';
import { medianFollowUp } from '../survival/median-follow-up.js';
import { riskTable } from '../survival/risk-table.js';
import { survivalAt } from '../survival/survival-at.js';
import { survivalQuantile } from '../survival/survival-quantile.js';
import { VERSION } from '../version.js';
import { cohortAsOf } from './cohort-as-of.js';
import { DEFAULT_STOPPING_RULE, stoppingRuleFromSpec } from './stopping-rule-spec.js';
import type {
  EndpointReport,
  ExcludedPatient,
  Proportion,
  TrialReport,
  WaterfallBar,
} from './trial-report.js';

/** Options of {@link buildTrialReport}. */
export interface TrialReportOptions {
  /** Data cut (ISO date); default: the latest last follow-up in the cohort. */
  readonly asOf?: IsoDate;
  /** Safety stopping rule in text form (see `stoppingRuleFromSpec`); default `pocock:0.1,0.3,60`. */
  readonly rule?: string;
  /** Report title. */
  readonly title?: string;
  /** Patients set aside before the analysis, listed at the top of the report. */
  readonly excluded?: readonly ExcludedPatient[];
}

/** The time-to-event endpoints the report estimates, with their labels. */
export const REPORT_ENDPOINTS: readonly { endpoint: Endpoint; label: string }[] = [
  { endpoint: 'castration-resistance', label: 'Castration-resistance-free survival' },
  { endpoint: 'distant-metastasis', label: 'Distant-metastasis-free survival' },
  { endpoint: 'metastasis-free-survival', label: 'Metastasis-free survival (metastasis or death)' },
];

/**
 * Days of the numbers at risk: every 6 months (rounded to whole days), the last on the 2-year
 * horizon itself (730 days), where the endpoints are administratively censored.
 */
export const RISK_DAYS: readonly number[] = [0, 183, 365, 548, 730];

/**
 * The whole trial analysis of a cohort, as plain data: the cohort and its follow-up, the
 * 90-day Clavien-Dindo complications, the safety monitor, the PSA at 6 weeks, the change in PSA
 * doubling time and the Kaplan-Meier estimates of the time-to-event endpoints, each computed by
 * the library function named in `methods`. Deterministic: the same patients and options give the
 * same report (the default data cut is taken from the data, never from the clock).
 *
 * @param patients - valid patients (see `parseCohort`).
 * @param options - `asOf`, `rule`, `title`, `excluded`.
 * @returns the report; render it with `reportToMarkdown`, `reportToHtml` or `reportSummary`.
 * @throws {TypeError|RangeError} when `patients` is not an array or an option is malformed.
 * @example
 * const report = buildTrialReport(parseCohort(cohortJson), { rule: 'pocock:0.1,0.3,60' });
 * report.complications.rows.find((r) => r.key === 'major');
 */
export function buildTrialReport(
  patients: readonly Patient[],
  options: TrialReportOptions = {},
): TrialReport {
  assertArray('patients', patients);
  assertObject('options', options);
  const cut = cohortAsOf(patients, options.asOf);
  const cohort = cut.patients;
  const rule = stoppingRuleFromSpec(options.rule ?? DEFAULT_STOPPING_RULE);

  const monitor = safetyMonitor(cohort, { rule, asOf: cut.asOf });
  const path: { patients: number; events: number }[] = [];
  for (const row of [...monitor.patients]
    .filter((r) => r.order !== null && r.cumulativeEvents !== null)
    .sort((a, b) => (a.order as number) - (b.order as number))) {
    path.push({ patients: row.order as number, events: row.cumulativeEvents as number });
  }

  const surgeries = cohort.map((p) => p.surgeryDate).sort();
  const followUp = {
    time: cohort.map((p) => daysBetween(p.surgeryDate, p.deathDate ?? p.lastFollowUpDate)),
    event: cohort.map((p) => (p.deathDate === undefined ? 0 : 1)),
  };
  const fu = cohort.length > 0 ? medianFollowUp(followUp) : null;
  const toMonths = (d: number | null | undefined) =>
    d === null || d === undefined ? null : d / DAYS_PER_MONTH;

  return {
    title: options.title ?? 'Salvage lymph node dissection trial: endpoint report',
    libraryVersion: VERSION,
    asOf: cut.asOf,
    source: null,
    excluded: options.excluded ?? [],
    cohort: {
      n: cohort.length,
      firstSurgery: surgeries[0] ?? null,
      lastSurgery: surgeries[surgeries.length - 1] ?? null,
      notYetOperated: cut.notYetOperated,
      medianFollowUpMonths: {
        estimate: toMonths(fu?.estimate),
        lower: toMonths(fu?.lower),
        upper: toMonths(fu?.upper),
      },
      deaths: followUp.event.filter((e) => e === 1).length,
    },
    complications: complicationSummary(cohort),
    safety: {
      rule: rule.spec,
      description: rule.description,
      looks: rule.looks,
      maxAllowed: rule.maxAllowed,
      operatingCharacteristics: boundaryOperatingCharacteristics({
        looks: rule.looks,
        maxAllowed: rule.maxAllowed,
        p: [...rule.rates],
      }),
      monitor,
      path,
    },
    psaLandmark: landmarkSection(cohort),
    psaDoublingTime: doublingTimeSection(cohort),
    survival: REPORT_ENDPOINTS.map(({ endpoint, label }) =>
      endpointSection(cohort, endpoint, label),
    ),
    methods: METHODS,
  };
}

function proportion(count: number, n: number): Proportion {
  if (n === 0) return { count, n, rate: null, lower: null, upper: null };
  const ci = binomialConfidenceInterval(count, n);
  return { count, n, rate: ci.estimate, lower: ci.lower, upper: ci.upper };
}

function landmarkSection(cohort: readonly Patient[]): TrialReport['psaLandmark'] {
  const responses = cohort.map((p) => psaResponse(p));
  const evaluable = responses.filter((r) => r.evaluable);
  const values = evaluable.map((r) => r.landmark.measurement?.value as number);
  const placed = evaluable.filter((r) => r.completeResponse !== null);
  const waterfall: WaterfallBar[] = [];
  for (const r of evaluable) {
    if (r.landmark.percentChange !== null) {
      waterfall.push({
        id: r.patientId,
        percentChange: r.landmark.percentChange,
        undetectable: r.landmark.measurement?.undetectable === true,
      });
    }
  }
  return {
    days: 42,
    toleranceDays: 14,
    evaluable: evaluable.length,
    notEvaluable: responses.filter((r) => !r.evaluable).map((r) => r.patientId),
    median: quantileType7(values, 0.5),
    q1: quantileType7(values, 0.25),
    q3: quantileType7(values, 0.75),
    completeResponse: proportion(
      placed.filter((r) => r.completeResponse === true).length,
      placed.length,
    ),
    undetectable: proportion(
      evaluable.filter((r) => r.undetectable === true).length,
      evaluable.length,
    ),
    waterfall,
  };
}

function doublingTimeSection(cohort: readonly Patient[]): TrialReport['psaDoublingTime'] {
  const categories: Record<PsaDoublingTimeChangeCategory, number> = {
    slowed: 0,
    accelerated: 0,
    'no-post-rise': 0,
    'not-evaluable': 0,
  };
  for (const p of cohort) categories[psaDoublingTimeChange(p).category]++;
  return { ...psaDoublingTimeComparison(cohort), categories };
}

function endpointSection(
  cohort: readonly Patient[],
  endpoint: Endpoint,
  label: string,
): EndpointReport {
  const records = endpointData(cohort, endpoint);
  const fit = kaplanMeier(records);
  return {
    endpoint,
    label,
    n: fit.n,
    events: fit.events,
    fit,
    at: cohort.length > 0 ? survivalAt(fit, [365, 730]) : [],
    median:
      cohort.length > 0 ? survivalQuantile(fit, 0.5) : { estimate: null, lower: null, upper: null },
    riskTable: cohort.length > 0 ? riskTable(fit, RISK_DAYS) : [],
  };
}

const METHODS: readonly string[] = [
  'Complications: every complication dated from the day of the sLND (day 0) to day 90 inclusive, graded by Clavien-Dindo (Dindo 2004); each patient counted once at the highest grade; rates with exact Clopper-Pearson 95% intervals (R: binom.test); the Comprehensive Complication Index (Slankamenac 2013) per patient, median and IQR over all patients (R: quantile, type 7).',
  'Safety monitoring: major complications (Clavien-Dindo IIIa or higher) within 90 days; a patient counts once the event has happened or the 90-day window has passed; the boundary and its exact crossing probabilities follow clinfun toxbdry and bdrycross.prob (or the Bayesian rule of Thall, Simon & Estey 1995).',
  'PSA at 6 weeks: the value closest to day 42 within 14 days; complete biochemical response below 0.2 ng/mL, undetectable below 0.1 ng/mL or reported undetectable; percent change from the last PSA in the 90 days before the sLND; response rates with Clopper-Pearson 95% intervals among patients with a landmark value.',
  'PSA doubling time: least-squares slope of ln(PSA) on months (days / 30.4375) from values >= 0.2 ng/mL, at least 3 over at least 90 days (R: lm(log(psa) ~ months)); before the sLND from the 12 months up to surgery, after it from the post-operative nadir to 2 years; pre and post log-slopes compared by the Wilcoxon signed-rank test (R: wilcox.test(post, pre, paired = TRUE)).',
  "Time-to-event endpoints: days from the sLND, administratively censored at 2 years; castration resistance censored at the last follow-up, metastasis at the last imaging (else the last follow-up), deaths without the event censored; metastasis-free survival counts death as an event. Kaplan-Meier estimates with Greenwood variance and log-transformed 95% intervals, medians by R's midpoint rule (R: survfit, quantile.survfit, summary.survfit); median follow-up by the reverse Kaplan-Meier method.",
];

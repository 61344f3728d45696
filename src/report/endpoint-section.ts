import { cumulativeIncidence } from '../survival/cumulative-incidence.js';
import { cumulativeIncidenceAt } from '../survival/cumulative-incidence-at.js';
import type { EndpointRecord } from '../survival/endpoint-data.js';
import { kaplanMeier } from '../survival/kaplan-meier.js';
import { riskTable } from '../survival/risk-table.js';
import { survivalAt } from '../survival/survival-at.js';
import { survivalQuantile } from '../survival/survival-quantile.js';
import type {
  CompetingRiskReport,
  EndpointReport,
  LandmarkIncidence,
  LandmarkSurvival,
  ReportEndpoint,
} from './trial-report.js';

/** Days of the numbers at risk: every 6 months (whole days), the last on the 2-year horizon. */
export const RISK_DAYS: readonly number[] = [0, 183, 365, 548, 730];

/** The horizon of every endpoint of the report, in days: 2 years after the sLND. */
export const HORIZON_DAYS = 730;

/** Days of the landmark estimates: 1 and 2 years. */
export const LANDMARK_DAYS: readonly number[] = [365, 730];

/** How one endpoint is named and defined in the report. */
export interface EndpointSpec {
  readonly endpoint: ReportEndpoint;
  readonly label: string;
  readonly definition: string;
  /** Report the cumulative incidence with death as a competing event too. */
  readonly competingRisk: boolean;
}

/**
 * The Kaplan-Meier analysis of one endpoint from its records (`endpointData`): the fit, the
 * 1- and 2-year estimates (not estimable where nobody is at risk and the curve has not reached
 * 0), the median, the numbers at risk, and for castration resistance and distant metastasis the
 * cumulative incidence with death as a competing event.
 */
export function endpointSection(
  spec: EndpointSpec,
  records: readonly EndpointRecord[],
  /** The records with death as a competing event (`competingRisk: true`), when it applies. */
  competing: readonly EndpointRecord[] | null = null,
): EndpointReport {
  const fit = kaplanMeier(records);
  const empty = records.length === 0;
  return {
    endpoint: spec.endpoint,
    label: spec.label,
    definition: spec.definition,
    n: fit.n,
    events: fit.events,
    fit,
    at: empty ? [] : survivalAt(fit, LANDMARK_DAYS).map(landmarkSurvival),
    median: empty ? { estimate: null, lower: null, upper: null } : survivalQuantile(fit, 0.5),
    riskTable: empty ? [] : riskTable(fit, RISK_DAYS),
    competingRisk:
      spec.competingRisk && competing !== null && !empty
        ? competingRiskSection(competing, records)
        : null,
  };
}

/**
 * R's `summary(fit, times, extend = TRUE)` row, with the report's rule: no patient at risk at
 * the time and a curve still above 0 means nobody was followed that long, so the value R
 * carries forward is not an estimate of survival at that time.
 */
export function landmarkSurvival(row: ReturnType<typeof survivalAt>[number]): LandmarkSurvival {
  if (row.nRisk > 0 || row.survival === 0) return { ...row, estimable: true };
  return { ...row, survival: null, stdErr: null, lower: null, upper: null, estimable: false };
}

/**
 * Cumulative incidence of the endpoint (status 1) with death as the competing event (status 2),
 * at 1 and 2 years. Not estimable at a time when nobody is at risk there and some patient's
 * outcome is still open (the all-cause incidence has not reached 1).
 */
function competingRiskSection(
  records: readonly EndpointRecord[],
  censoredAtDeath: readonly EndpointRecord[],
): CompetingRiskReport {
  const fit = cumulativeIncidence(records.map((r) => ({ time: r.time, status: r.status })));
  const lastTime = fit.time[fit.time.length - 1] ?? 0;
  const at: LandmarkIncidence[] = LANDMARK_DAYS.map((time) => {
    const nRisk = records.filter((r) => r.time >= time).length;
    // Beyond the last time cmprsk gives NA; when every outcome is settled by then (all-cause
    // incidence 1) the incidence stays at its last value, which is read there.
    const rows = cumulativeIncidenceAt(fit, [Math.min(time, lastTime)]);
    const allCause = rows.reduce((sum, r) => sum + (r.estimate ?? 0), 0);
    const settled = allCause > 1 - 1e-12;
    const estimable = nRisk > 0 || settled;
    const row = rows.find((r) => r.cause === 1);
    if (!estimable) {
      return { time, nRisk, estimate: null, stdErr: null, lower: null, upper: null, estimable };
    }
    if (row === undefined) {
      // No event of the endpoint at all: its incidence is 0.
      return { time, nRisk, estimate: 0, stdErr: 0, lower: null, upper: null, estimable };
    }
    const { estimate, stdErr, lower, upper } = row;
    return { time, nRisk, estimate, stdErr, lower, upper, estimable };
  });
  return {
    events: censoredAtDeath.filter((r) => r.status === 1).length,
    competingDeaths: records.filter((r) => r.status === 2).length,
    at,
  };
}

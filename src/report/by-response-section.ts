import type { PsaResponseResult } from '../psa/psa-response.js';
import type { EndpointRecord } from '../survival/endpoint-data.js';
import { kaplanMeier } from '../survival/kaplan-meier.js';
import { logRank } from '../survival/log-rank.js';
import { survivalAt } from '../survival/survival-at.js';
import { LANDMARK_DAYS, landmarkSurvival } from './endpoint-section.js';
import type { EndpointReport, ResponseComparison, ResponseGroup } from './trial-report.js';

const GROUPS = ['complete response', 'no complete response'] as const;

/**
 * One registered time-to-event endpoint by the 6-week PSA response: the Kaplan-Meier curve of
 * the patients with a complete response and of those without, each with its 1- and 2-year
 * estimates (the report's not-estimable rule), and the two-group log-rank test (R's
 * `survdiff`; null when a group is empty). Patients without an evaluable 6-week PSA are in
 * neither group and counted. The records are the endpoint's own (`endpointData`), matched to
 * the responses by patient id.
 */
export function byResponseSection(
  endpoint: EndpointReport,
  records: readonly EndpointRecord[],
  responses: ReadonlyMap<string, PsaResponseResult>,
): ResponseComparison {
  // Columns built in one loop, not spread row copies: the report reads 10^5 patients.
  const time: number[] = [];
  const event: (0 | 1)[] = [];
  const group: string[] = [];
  for (const r of records) {
    const complete = responses.get(r.patientId)?.completeResponse;
    if (complete === null || complete === undefined) continue;
    time.push(r.time);
    event.push(r.event);
    group.push(complete ? GROUPS[0] : GROUPS[1]);
  }
  const groups: ResponseGroup[] = GROUPS.map((name) => {
    const fit = kaplanMeier({
      time: time.filter((_, i) => group[i] === name),
      event: event.filter((_, i) => group[i] === name),
    });
    return {
      group: name,
      n: fit.n,
      events: fit.events,
      fit,
      at: fit.n === 0 ? [] : survivalAt(fit, LANDMARK_DAYS).map(landmarkSurvival),
    };
  });
  const bothGroups = groups.every((g) => g.n > 0);
  return {
    endpoint: endpoint.endpoint as ResponseComparison['endpoint'],
    label: endpoint.label,
    groups,
    test: bothGroups ? twoGroupTest({ time, event, group }) : null,
    notEvaluable: records.length - time.length,
  };
}

function twoGroupTest(columns: {
  time: number[];
  event: (0 | 1)[];
  group: string[];
}): ResponseComparison['test'] {
  const { statistic, df, pValue } = logRank(columns);
  return { statistic, df, pValue };
}

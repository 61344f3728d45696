import type { ComplicationSummary } from '../complications/complication-summary.js';
import type { IsoDate, NotOperatedPatient, Screening } from '../model/types.js';
import { PSA_DOUBLING_TIME_LEFT_OUT } from '../psa/psa-doubling-time-change.js';
import type { ExcludedPatient, FlowCount, TrialReport } from './trial-report.js';

/** What the flow is drawn from: the cut cohort's sections and the cohort's flow records. */
export interface FlowInputs {
  readonly asOf: IsoDate;
  readonly operated: number;
  readonly notYetOperated: readonly string[];
  readonly notOperated: readonly NotOperatedPatient[];
  readonly screening: Screening | undefined;
  readonly excluded: readonly ExcludedPatient[];
  readonly complications: ComplicationSummary;
  readonly psaLandmark: TrialReport['psaLandmark'];
  readonly psaDoublingTime: TrialReport['psaDoublingTime'];
  readonly survival: TrialReport['survival'];
  /** The secondary endpoints, each with the reasons of the patients it leaves out. */
  readonly secondary: readonly {
    readonly endpoint: TrialReport['secondaryEndpoints'][number];
    readonly leftOut: readonly string[];
  }[];
}

/** Counts of the same reason, in order of first appearance. */
function countReasons(reasons: readonly string[]): FlowCount[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}

/** The reason of a patient without a 6-week PSA, without the patient's own day numbers. */
function landmarkReason(reason: string): string {
  return reason.startsWith('on ADT')
    ? 'every PSA in the window drawn on or after the ADT start'
    : 'no PSA within the 6-week window';
}

/**
 * The patient flow (CONSORT): assessed and excluded at screening (when a screening log is
 * given), enrolled, not operated by reason (the cohort's `notOperated` enrolled by the data cut,
 * and patients operated after it), operated, and for each endpoint the patients analysed and
 * why the others are not. Patients set aside for invalid data (`excluded`) are operated
 * patients missing from every endpoint, so each endpoint lists them.
 */
export function flowSection(input: FlowInputs): TrialReport['flow'] {
  const notOperated = [
    ...input.notOperated
      .filter((p) => p.enrollmentDate === undefined || p.enrollmentDate <= input.asOf)
      .map((p) => p.reason),
    ...input.notYetOperated.map(() => 'operated after the data cut'),
  ];
  const setAside: FlowCount[] =
    input.excluded.length === 0
      ? []
      : [{ reason: 'set aside for invalid data', count: input.excluded.length }];
  const operated = input.operated + input.excluded.length;
  const c = input.complications;
  const lm = input.psaLandmark;
  const dt = input.psaDoublingTime;
  const endpoints = [
    {
      endpoint: '90-day complications (window complete)',
      evaluable: c.completedWindow,
      excluded: [
        ...(c.n > c.completedWindow
          ? [{ reason: 'alive and followed for less than 90 days', count: c.n - c.completedWindow }]
          : []),
        ...setAside,
      ],
    },
    {
      endpoint: 'PSA 6 weeks after the sLND',
      evaluable: lm.evaluable,
      excluded: [
        ...countReasons(lm.notEvaluable.map((p) => landmarkReason(p.reason))),
        ...setAside,
      ],
    },
    {
      endpoint: 'Change in PSA doubling time',
      evaluable: dt.n,
      excluded: [
        ...countReasons(dt.excluded.map((p) => PSA_DOUBLING_TIME_LEFT_OUT[p.category])),
        ...setAside,
      ],
    },
    ...input.survival.map((s) => ({ endpoint: s.label, evaluable: s.n, excluded: setAside })),
    ...input.secondary.map(({ endpoint, leftOut }) => ({
      endpoint: endpoint.label,
      evaluable: endpoint.n,
      excluded: [...countReasons(leftOut), ...setAside],
    })),
  ];
  return {
    ...(input.screening === undefined
      ? {}
      : { assessed: input.screening.assessed, screeningExcluded: [...input.screening.excluded] }),
    enrolled: operated + notOperated.length,
    operated,
    notOperated: countReasons(notOperated),
    endpoints,
  };
}

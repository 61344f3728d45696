import { fc } from '@fast-check/vitest';
import { complicationSummary } from '../../src/complications/complication-summary.js';
import { addDaysIso } from '../../src/model/iso-date.js';
import type { Patient } from '../../src/model/types.js';
import { parseCohort, validateCohort } from '../../src/model/validate-cohort.js';
import { type StoppingRule, safetyMonitor } from '../../src/monitoring/index.js';
import { psaDoublingTimeComparison } from '../../src/psa/psa-doubling-time-comparison.js';
import { BINOMIAL_INTERVAL_METHODS } from '../../src/stats/binomial-confidence-interval.js';
import {
  cumulativeIncidence,
  ENDPOINTS,
  type Endpoint,
  endpointData,
  kaplanMeier,
  logRank,
  medianFollowUp,
  restrictedMeanSurvival,
  survivalAt,
  survivalQuantile,
} from '../../src/survival/index.js';
import { stoppingRule } from './_config.js';

// Every public cohort-level function, called on one simulated cohort: shared by the
// no-mutation and the no-NaN properties.

/** The options a cohort run varies, besides the cohort itself. */
export interface CohortCallOptions {
  readonly rule: StoppingRule;
  /** Days after 2022-01-01 (the simulator's default start) of the monitor's data cut. */
  readonly asOfDay: number;
  readonly windowDays: number;
  readonly method: (typeof BINOMIAL_INTERVAL_METHODS)[number];
  readonly confLevel: number;
  readonly horizonDays: number;
  readonly derive: 'eau' | 'pcwg3' | undefined;
  /** The endpoint built (one per run keeps 1,000 runs fast; every one is drawn often). */
  readonly endpoint: Endpoint;
  readonly competingRisk: boolean;
  /** validateCohort given the array, or the `{ patients }` object. */
  readonly cohortAsObject: boolean;
}

export const cohortCallOptions: fc.Arbitrary<CohortCallOptions> = fc.record({
  rule: stoppingRule,
  asOfDay: fc.integer({ min: -30, max: 1400 }),
  windowDays: fc.oneof(fc.constant(90), fc.integer({ min: 0, max: 200 })),
  method: fc.constantFrom(...BINOMIAL_INTERVAL_METHODS),
  confLevel: fc.oneof(fc.constant(0.95), fc.double({ min: 0.5, max: 0.999, noNaN: true })),
  horizonDays: fc.oneof(fc.constant(730), fc.integer({ min: 1, max: 1200 })),
  derive: fc.constantFrom<'eau' | 'pcwg3' | undefined>(undefined, 'eau', 'pcwg3'),
  endpoint: fc.constantFrom(...ENDPOINTS),
  competingRisk: fc.boolean(),
  cohortAsObject: fc.boolean(),
});

/**
 * Calls validateCohort, parseCohort, complicationSummary, psaDoublingTimeComparison,
 * safetyMonitor and endpointData (the endpoint drawn), then kaplanMeier, survivalQuantile,
 * survivalAt, restrictedMeanSurvival, medianFollowUp and logRank on the endpoint records, or
 * cumulativeIncidence with competing risks, passing the inputs given (frozen or not) straight
 * through. `freezeArg` is applied to every argument object built here before it is passed, so
 * that option objects and records are frozen too. Returns every result by name.
 */
export function callCohortFunctions(
  patients: readonly Patient[],
  o: CohortCallOptions,
  freezeArg: <T>(value: T) => T = (v) => v,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  out['validateCohort'] = validateCohort(o.cohortAsObject ? freezeArg({ patients }) : patients);
  out['parseCohort'] = parseCohort(patients);
  out['complicationSummary'] = complicationSummary(
    patients,
    freezeArg({ method: o.method, confLevel: o.confLevel, windowDays: o.windowDays }),
  );
  out['psaDoublingTimeComparison'] = psaDoublingTimeComparison(patients, freezeArg({}));
  out['safetyMonitor'] = safetyMonitor(
    patients,
    freezeArg({
      rule: o.rule,
      asOf: addDaysIso('2022-01-01', o.asOfDay),
      windowDays: o.windowDays,
    }),
  );
  const options = freezeArg({
    horizonDays: o.horizonDays,
    competingRisk: o.competingRisk,
    ...(o.endpoint === 'castration-resistance' && o.derive !== undefined
      ? { deriveCastrationResistance: o.derive }
      : {}),
  });
  const records = freezeArg(endpointData(patients, o.endpoint, options));
  out['endpointData'] = records;
  if (o.competingRisk) {
    out['cumulativeIncidence'] = cumulativeIncidence(records);
    return out;
  }
  const fit = kaplanMeier(records, freezeArg({ confLevel: o.confLevel }));
  out['kaplanMeier'] = fit;
  out['survivalQuantile'] = survivalQuantile(fit, 0.5);
  out['survivalAt'] = survivalAt(fit, freezeArg([0, 365, o.horizonDays]));
  out['restrictedMeanSurvival'] = restrictedMeanSurvival(fit, o.horizonDays);
  out['medianFollowUp'] = medianFollowUp(records);
  if (records.length >= 2) {
    out['logRank'] = logRank(freezeArg(records.map((r, i) => ({ ...r, group: i % 2 }))));
  }
  return out;
}

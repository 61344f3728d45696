import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { simulateCohort } from '../../src/simulate/simulate-cohort.js';
import { CONF_TYPES, type ConfType } from '../../src/survival/_internal/conf-limits.js';
import {
  cumulativeIncidence,
  grayTest,
  kaplanMeier,
  logRank,
  medianFollowUp,
  restrictedMeanSurvival,
  riskTable,
  survivalAt,
  survivalQuantile,
} from '../../src/survival/index.js';
import { callCohortFunctions, cohortCallOptions } from './_cohort-calls.js';
import { cohortOptions, nonFinitePaths, PARAMS, survivalRows, TIMEOUT } from './_config.js';

// "A result never contains NaN: undefined quantities are null" (CONTRIBUTING.md), nor an
// infinity (docs/survival.md: "a result never contains NaN or Infinity"). Every number reachable
// from a result is checked, on random valid inputs.

/** The edge cases named in the issue, drawn often besides the random rows. */
const EDGE_CASES: { time: number; event: 0 | 1 }[][] = [
  [],
  [{ time: 0, event: 1 }],
  [{ time: 0, event: 0 }],
  [{ time: 7, event: 1 }],
  [{ time: 7, event: 0 }],
  [
    { time: 0, event: 1 },
    { time: 0, event: 1 },
    { time: 0, event: 0 },
  ],
  [
    { time: 3, event: 0 },
    { time: 3, event: 0 },
    { time: 5, event: 0 },
  ],
  [
    { time: 3, event: 1 },
    { time: 3, event: 1 },
    { time: 3, event: 1 },
  ],
  [
    { time: 1, event: 1 },
    { time: 2, event: 1 },
    { time: 2, event: 0 },
  ],
];

const rows = fc.oneof(
  { weight: 4, arbitrary: survivalRows() },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_CASES) },
);

const expectClean = (results: Record<string, unknown>) => {
  for (const [name, result] of Object.entries(results)) {
    expect(nonFinitePaths(result), name).toEqual([]);
  }
};

describe('no result contains NaN or an infinity', () => {
  it('the recursive check finds a NaN or an infinity at any depth', () => {
    expect(nonFinitePaths({ a: [1, { b: null, c: 'x' }], d: Float64Array.of(0, 1) })).toEqual([]);
    expect(nonFinitePaths({ a: [1, { b: Number.NaN }] })).toEqual(['$.a[1].b = NaN']);
    expect(nonFinitePaths([Float64Array.of(0, -Infinity)])).toEqual(['$[0][1] = -Infinity']);
  });

  test.prop(
    [
      rows,
      fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 60 }),
      fc.constantFrom<ConfType>(...CONF_TYPES),
      fc.double({ min: 0.05, max: 0.999, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
      fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 3, noNaN: true })),
    ],
    PARAMS,
  )(
    'survival functions on random rows, with n = 1, all censored, all events, ties and time 0',
    (data, statuses, confType, confLevel, p, times, rho) => {
      const fit = kaplanMeier(data, { confType, confLevel });
      const results: Record<string, unknown> = {
        kaplanMeier: fit,
        survivalQuantile: survivalQuantile(fit, p),
        median: survivalQuantile(fit, 0.5),
        survivalAt: survivalAt(fit, times),
        riskTable: riskTable(fit, times),
        restrictedMeanSurvival: restrictedMeanSurvival(fit, times[0] ?? 10),
        medianFollowUp: medianFollowUp(data, { confType, confLevel }),
      };
      const competing = data.map((r, i) => ({
        time: r.time,
        status: statuses[i] ?? 1,
        group: i % 2,
      }));
      results['cumulativeIncidence'] = cumulativeIncidence(competing);
      if (data.length >= 2) {
        results['logRank'] = logRank(
          data.map((r, i) => ({ ...r, group: i % 2 })),
          { rho },
        );
        results['logRank stratified'] = logRank(
          data.map((r, i) => ({ ...r, group: i % 3 === 0 ? 'a' : 'b', stratum: i % 2 })),
        );
        results['grayTest'] = grayTest(competing);
      }
      expectClean(results);
    },
    TIMEOUT,
  );

  test.prop([cohortOptions, cohortCallOptions], PARAMS)(
    'cohort functions on simulated cohorts, and the survival functions on their endpoint records',
    ({ n, seed }, options) => {
      const { patients } = simulateCohort({ n, seed });
      expectClean(callCohortFunctions(patients, options));
    },
    TIMEOUT,
  );
});

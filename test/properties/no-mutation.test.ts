import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { simulateCohort } from '../../src/simulate/simulate-cohort.js';
import { CONF_TYPES, type ConfType } from '../../src/survival/_internal/conf-limits.js';
import {
  cumulativeIncidence,
  grayTest,
  kaplanMeier,
  logRank,
  medianFollowUp,
} from '../../src/survival/index.js';
import { callCohortFunctions, cohortCallOptions } from './_cohort-calls.js';
import { cohortOptions, deepCopy, deepFreeze, PARAMS, survivalRows, TIMEOUT } from './_config.js';

// "Inputs are never mutated" (CONTRIBUTING.md). Inputs are deeply frozen, so any write throws a
// TypeError (ES modules are strict); afterwards they must still deep-equal a copy taken before.

describe('no public function mutates its input', () => {
  test.prop(
    [
      survivalRows(),
      fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 60 }),
      fc.constantFrom<ConfType>(...CONF_TYPES),
    ],
    PARAMS,
  )(
    'kaplanMeier, medianFollowUp, logRank, cumulativeIncidence and grayTest on frozen rows and columns',
    (rows, statuses, confType) => {
      const grouped = rows.map((r, i) => ({
        ...r,
        group: i % 3 === 0 ? 'x' : 'y',
        stratum: i % 2,
      }));
      const competing = rows.map((r, i) => ({
        time: r.time,
        status: statuses[i] ?? 0,
        group: i % 2,
      }));
      const columns = { time: rows.map((r) => r.time), event: rows.map((r) => r.event) };
      const inputs = { rows, grouped, competing, columns, options: { confType, confLevel: 0.9 } };
      const before = deepCopy(inputs);
      deepFreeze(inputs);
      kaplanMeier(inputs.rows, inputs.options);
      kaplanMeier(inputs.columns, inputs.options);
      medianFollowUp(inputs.rows, inputs.options);
      cumulativeIncidence(inputs.competing);
      if (new Set(grouped.map((g) => g.group)).size >= 2)
        logRank(inputs.grouped, deepFreeze({ rho: 1 }));
      if (new Set(competing.map((g) => g.group)).size >= 2) grayTest(inputs.competing);
      expect(inputs).toEqual(before);
    },
    TIMEOUT,
  );

  test.prop([cohortOptions, cohortCallOptions], PARAMS)(
    'validateCohort, parseCohort, complicationSummary, psaDoublingTimeComparison, safetyMonitor, endpointData (and the survival functions on its records) on a frozen cohort',
    ({ n, seed }, options) => {
      const patients = simulateCohort({ n, seed }).patients;
      const before = deepCopy({ patients, options });
      deepFreeze(patients);
      deepFreeze(options);
      callCohortFunctions(patients, options, deepFreeze);
      expect({ patients, options }).toEqual(before);
    },
    TIMEOUT,
  );
});

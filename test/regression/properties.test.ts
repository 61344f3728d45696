import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  type CoxColumns,
  type CoxRegressionFit,
  coxRegression,
  RegressionError,
} from '../../src/regression/index.js';
import { expectClose } from '../_helpers/close.js';
import { PARAMS, permutationOf } from '../properties/_config.js';

// Invariances of the Cox fit (docs/regression.md), on random trial-like data sets: follow-up in
// whole months of days (heavy ties), PSA with two decimals, a 0/1 covariate, a grade 1-5, and
// sometimes three strata. The fixed seed of test/properties/_config.ts; 300 runs per property
// (two fits each) keep the file to about a second.

const RUNS = { ...PARAMS, numRuns: 300 };

interface Subject {
  time: number;
  event: 0 | 1;
  psa: number;
  rt: 0 | 1;
  isup: number;
  centre: string;
}

const subject: fc.Arbitrary<Subject> = fc.record({
  time: fc.integer({ min: 1, max: 24 }).map((months) => 30 * months),
  event: fc.constantFrom<0 | 1>(0, 1, 1),
  psa: fc.integer({ min: 5, max: 5000 }).map((c) => c / 100),
  rt: fc.constantFrom<0 | 1>(0, 1),
  isup: fc.integer({ min: 1, max: 5 }),
  centre: fc.constantFrom('Milan', 'Munich', 'Rotterdam'),
});

const dataSet = fc.record({
  subjects: fc.array(subject, { minLength: 25, maxLength: 60 }),
  stratified: fc.boolean(),
  ties: fc.constantFrom<'efron' | 'breslow'>('efron', 'breslow'),
});

type DataSet = { subjects: Subject[]; stratified: boolean; ties: 'efron' | 'breslow' };

function columns(
  { subjects, stratified }: DataSet,
  change: Partial<Record<'psa' | 'rt' | 'isup', (v: number) => number>> = {},
): CoxColumns {
  const col = (key: 'psa' | 'rt' | 'isup') =>
    subjects.map((s) => (change[key] ?? ((v) => v))(s[key]));
  return {
    time: subjects.map((s) => s.time),
    event: subjects.map((s) => s.event),
    covariates: { psa: col('psa'), rt: col('rt'), isup: col('isup') },
    ...(stratified ? { strata: subjects.map((s) => s.centre) } : {}),
  };
}

/**
 * The fit, or null (the case is discarded) when the data cannot support the model or the
 * likelihood is monotone (an estimate running off to infinity, where invariances hold only up
 * to where the iteration happened to stop).
 */
function fitOrNull(data: CoxColumns, ties: 'efron' | 'breslow'): CoxRegressionFit | null {
  try {
    const fit = coxRegression(data, { ties });
    const wellDefined = fit.converged && fit.coefficients.every((c) => c.stdErr < 50);
    return wellDefined ? fit : null;
  } catch (e) {
    if (e instanceof RegressionError) return null;
    throw e;
  }
}

/** Two fits of the same model agree: estimates within 1e-7 standard errors, the rest 1e-7. */
function expectSameFit(a: CoxRegressionFit, b: CoxRegressionFit, scale: number[] = []): void {
  a.coefficients.forEach((ca, j) => {
    const cb = b.coefficients[j]!;
    const c = scale[j] ?? 1;
    const label = ca.name;
    expectClose(cb.estimate * c, ca.estimate, { rel: 0, abs: 1e-7 * ca.stdErr, label });
    expectClose(cb.stdErr * Math.abs(c), ca.stdErr, { rel: 1e-7, label: `${label} se` });
    expectClose(cb.z * Math.sign(c), ca.z, { rel: 1e-7, abs: 1e-7, label: `${label} z` });
    expectClose(cb.pValue, ca.pValue, { rel: 1e-6, abs: 1e-12, label: `${label} p` });
  });
  expectClose(b.logLikelihood.fitted, a.logLikelihood.fitted, { rel: 1e-10, label: 'loglik' });
  expectClose(b.logLikelihood.null, a.logLikelihood.null, { rel: 1e-10, label: 'loglik 0' });
  for (const t of ['likelihoodRatio', 'wald', 'score'] as const) {
    expectClose(b.tests[t].statistic, a.tests[t].statistic, { rel: 1e-6, abs: 1e-9, label: t });
  }
  expectClose(b.concordance.estimate, a.concordance.estimate, { rel: 1e-12, label: 'C' });
  expectClose(b.concordance.stdErr, a.concordance.stdErr, { rel: 1e-9, label: 'C se' });
}

describe('coxRegression invariances', () => {
  test.prop([dataSet, fc.integer({ min: -1000, max: 1000 }).map((k) => k / 4)], RUNS)(
    'shifting a covariate changes no estimate, standard error or test',
    (d, shift) => {
      const base = fitOrNull(columns(d), d.ties);
      if (base === null) return;
      const shifted = coxRegression(columns(d, { psa: (v) => v + shift, isup: (v) => v - shift }), {
        ties: d.ties,
      });
      expectSameFit(base, shifted);
    },
  );

  const factor = fc.oneof(
    fc.integer({ min: -6, max: 6 }).map((k) => 2 ** k),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: -100, max: -0.01, noNaN: true }),
  );
  test.prop([dataSet, factor], RUNS)(
    'scaling a covariate by c scales its coefficient by 1/c and leaves the rest alone',
    (d, c) => {
      const base = fitOrNull(columns(d), d.ties);
      if (base === null) return;
      const scaled = coxRegression(columns(d, { psa: (v) => v * c }), { ties: d.ties });
      // beta_psa(scaled) * c = beta_psa; the others unchanged
      expectSameFit(base, scaled, [c, 1, 1]);
    },
  );

  test.prop([dataSet.chain((d) => fc.tuple(fc.constant(d), permutationOf(d.subjects)))], RUNS)(
    'permuting the rows changes nothing',
    ([d, shuffled]) => {
      const base = fitOrNull(columns(d), d.ties);
      if (base === null) return;
      const permuted = coxRegression(columns({ ...d, subjects: shuffled }), { ties: d.ties });
      expectSameFit(base, permuted);
      expect(permuted.n).toBe(base.n);
      expect(permuted.events).toBe(base.events);
    },
  );
});

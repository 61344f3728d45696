import { describe, expect, it } from 'vitest';
import { SlndStatsError } from '../../src/errors.js';
import { coxRegression, RegressionError } from '../../src/regression/index.js';
import { expectAllClose, expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import {
  coxColumns,
  expectFiniteOrNull,
  expectMatrixMatches,
  expectTestMatches,
  fixture,
  TOL,
} from './_fixture.js';

describe('coxRegression against R coxph() / summary.coxph() / concordance()', () => {
  for (const [name, c] of Object.entries(fixture.cox)) {
    for (const ref of c.fits) {
      const label = `${name}, ties = ${ref.ties}, level ${ref.confLevel}${ref.stratified ? ', strata()' : ''}`;
      it(label, () => {
        const fit = coxRegression(coxColumns(c, ref.stratified), {
          ties: ref.ties,
          confLevel: ref.confLevel,
        });
        expect(fit.n).toBe(ref.n);
        expect(fit.events).toBe(ref.events);
        expect(fit.converged).toBe(true);
        // the same Newton steps from the same start stop at the same iteration
        expect(fit.iterations).toBe(ref.iterations);
        expect(fit.coefficients.map((co) => co.name)).toEqual(
          ref.coefficients.map((co) => co.name),
        );
        fit.coefficients.forEach((co, j) => {
          const r = ref.coefficients[j]!;
          for (const key of [
            'estimate',
            'hazardRatio',
            'stdErr',
            'z',
            'pValue',
            'lower',
            'upper',
          ] as const) {
            expectClose(co[key], r[key], { ...TOL, label: `${co.name}.${key}` });
          }
        });
        expectMatrixMatches(fit.variance, ref.variance, 'variance');
        expectClose(fit.logLikelihood.null, ref.logLikelihood.null, { ...TOL, label: 'loglik 0' });
        expectClose(fit.logLikelihood.fitted, ref.logLikelihood.fitted, {
          ...TOL,
          label: 'loglik',
        });
        expectTestMatches(fit.tests.likelihoodRatio, ref.tests.likelihoodRatio, 'LR');
        expectTestMatches(fit.tests.wald, ref.tests.wald, 'Wald');
        expectTestMatches(fit.tests.score, ref.tests.score, 'score');
        expectClose(fit.concordance.estimate, ref.concordance.estimate, { ...TOL, label: 'C' });
        expectClose(fit.concordance.stdErr, ref.concordance.stdErr, { ...TOL, label: 'C se' });
      });
    }
  }
});

describe('coxRegression: input forms', () => {
  const c = fixture.cox['veteranStrata']!;

  it('rows with accessors, typed columns and plain columns give the same fit', () => {
    const plain = coxRegression(coxColumns(c, true));
    const typed = coxRegression({
      time: Float64Array.from(c.data.time),
      event: Uint8Array.from(c.data.event),
      covariates: Object.fromEntries(
        Object.entries(c.data.covariates).map(([k, v]) => [k, Float64Array.from(v)]),
      ),
      strata: c.data.stratum!,
    });
    const rows = c.data.time.map((t, i) => ({
      days: t,
      died: c.data.event[i] === 1,
      celltype: c.data.stratum![i]!,
      x: Object.fromEntries(Object.entries(c.data.covariates).map(([k, v]) => [k, v[i]!])),
    }));
    const fromRows = coxRegression({
      rows,
      time: (r) => r.days,
      event: (r) => r.died,
      strata: (r) => r.celltype,
      covariates: Object.fromEntries(
        Object.keys(c.data.covariates).map((k) => [k, (r: (typeof rows)[number]) => r.x[k]!]),
      ),
    });
    expect(typed).toEqual(plain);
    expect(fromRows).toEqual(plain);
  });

  it('does not mutate its input and returns plain JSON data without NaN', () => {
    const data = deepFreeze(structuredClone(coxColumns(fixture.cox['ovarian']!, false)));
    const fit = coxRegression(data);
    expectFiniteOrNull(fit);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });

  it('coefficients come in the order of the covariates keys', () => {
    const o = fixture.cox['ovarian']!.data;
    const fit = coxRegression({
      time: o.time,
      event: o.event,
      covariates: { rx: o.covariates['rx']!, age: o.covariates['age']! },
    });
    expect(fit.coefficients.map((co) => co.name)).toEqual(['rx', 'age']);
  });

  it('an event given as a boolean counts as 1', () => {
    const o = fixture.cox['ovarian']!.data;
    const a = coxRegression({
      time: o.time,
      event: o.event,
      covariates: { age: o.covariates['age']! },
    });
    const b = coxRegression({
      time: o.time,
      event: o.event.map((e) => e === 1),
      covariates: { age: o.covariates['age']! },
    });
    expect(b).toEqual(a);
  });

  it('a lower tolerance and few iterations report convergence as coxph does', () => {
    const lung = coxColumns(fixture.cox['lung']!, false);
    const once = coxRegression(lung, { maxIterations: 1 });
    expect(once.converged).toBe(false);
    expect(once.iterations).toBe(1);
    const loose = coxRegression(lung, { tolerance: 1e-4 });
    expect(loose.converged).toBe(true);
    expect(loose.iterations).toBeLessThan(fixture.cox['lung']!.fits[0]!.iterations);
    // the loose fit is close, not equal: the tolerance is what moves the estimates
    expectAllClose(
      loose.coefficients.map((co) => co.estimate),
      fixture.cox['lung']!.fits[0]!.coefficients.map((co) => co.estimate),
      { rel: 1e-2 },
    );
  });
});

describe('coxRegression: bad input', () => {
  const base = {
    time: [5, 8, 12, 20, 25, 30, 41],
    event: [1, 1, 0, 1, 0, 1, 1],
    covariates: { psa: [1.2, 3.4, 0.8, 5.1, 2.2, 0.6, 4.4] },
  };

  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(RegressionError);
      expect(e).toBeInstanceOf(SlndStatsError);
      return (e as RegressionError).code;
    }
    return undefined;
  };

  it('a covariate with no variance: REGRESSION_CONSTANT_COVARIATE naming it', () => {
    const data = { ...base, covariates: { ...base.covariates, rt: [1, 1, 1, 1, 1, 1, 1] } };
    expect(codeOf(() => coxRegression(data))).toBe('REGRESSION_CONSTANT_COVARIATE');
    expect(() => coxRegression(data)).toThrow(/"rt" has no variance/);
  });

  it('fewer events than parameters: REGRESSION_TOO_FEW_EVENTS', () => {
    const data = {
      ...base,
      event: [0, 0, 0, 1, 0, 0, 0],
      covariates: { ...base.covariates, nodes: [1, 2, 1, 3, 2, 1, 2] },
    };
    expect(codeOf(() => coxRegression(data))).toBe('REGRESSION_TOO_FEW_EVENTS');
    expect(codeOf(() => coxRegression({ ...base, event: [0, 0, 0, 0, 0, 0, 0] }))).toBe(
      'REGRESSION_TOO_FEW_EVENTS',
    );
  });

  it('collinear covariates, or one constant within every stratum: REGRESSION_COLLINEAR', () => {
    const twice = base.covariates.psa.map((v) => 2 * v + 1);
    expect(
      codeOf(() => coxRegression({ ...base, covariates: { ...base.covariates, twice } })),
    ).toBe('REGRESSION_COLLINEAR');
    const centre = ['a', 'a', 'a', 'b', 'b', 'b', 'b'];
    const byCentre = [1, 1, 1, 0, 0, 0, 0];
    expect(
      codeOf(() =>
        coxRegression({
          ...base,
          strata: centre,
          covariates: { ...base.covariates, byCentre },
        }),
      ),
    ).toBe('REGRESSION_COLLINEAR');
  });

  it('an infinite estimate (monotone likelihood): REGRESSION_MONOTONE_LIKELIHOOD, not a huge number', () => {
    // every death before the last is in the rt = 1 group: the partial likelihood rises without
    // bound in beta_rt (R's coxph returns beta about 30 and warns "coefficient may be infinite")
    const data = {
      time: [5, 8, 12, 20, 25, 30],
      event: [1, 1, 0, 1, 0, 1],
      covariates: { rt: [1, 1, 0, 1, 0, 0] },
    };
    let error: unknown;
    try {
      coxRegression(data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegressionError);
    expect((error as RegressionError).code).toBe('REGRESSION_MONOTONE_LIKELIHOOD');
    expect((error as RegressionError).variables).toEqual(['rt']);
    expect((error as RegressionError).separation).toBe(true);
    // one more event in the rt = 0 group makes the estimate finite
    const finite = coxRegression({
      ...data,
      event: [1, 1, 1, 1, 0, 1],
      covariates: { rt: [1, 1, 0, 1, 0, 0] },
    });
    expect(finite.converged).toBe(true);
  });

  it('NaN, infinite and negative values: RangeError naming the field and row', () => {
    const nan = { ...base, covariates: { psa: [1.2, 3.4, Number.NaN, 5.1, 2.2, 0.6, 4.4] } };
    expect(() => coxRegression(nan)).toThrow(RangeError);
    expect(() => coxRegression(nan)).toThrow(
      'data.covariates.psa[2] must be a finite number. Value: NaN.',
    );
    expect(() => coxRegression({ ...base, time: [5, 8, -1, 20, 25, 30, 41] })).toThrow(
      'data.time[2] must be a finite number >= 0. Value: -1.',
    );
    expect(() =>
      coxRegression({ ...base, time: [5, 8, 12, Number.POSITIVE_INFINITY, 25, 30, 41] }),
    ).toThrow(RangeError);
    expect(() => coxRegression({ ...base, event: [1, 1, 0, 2, 0, 1, 1] })).toThrow(
      'data.event[3] must be 0 or 1 (or a boolean). Value: 2.',
    );
  });

  it('wrong types: TypeError naming the argument', () => {
    expect(() => coxRegression(null as never)).toThrow(TypeError);
    expect(() =>
      coxRegression({ ...base, covariates: { psa: ['1', 2, 3, 4, 5, 6, 7] } } as never),
    ).toThrow('data.covariates.psa[0] must be a number. Value: "1".');
    expect(() => coxRegression({ ...base, covariates: [1, 2] } as never)).toThrow(TypeError);
    expect(() => coxRegression({ ...base, event: 'yes' } as never)).toThrow(TypeError);
    expect(() => coxRegression({ rows: [{}], time: 'time' } as never)).toThrow(
      /data\.time must be an accessor function/,
    );
    expect(() => coxRegression({ ...base, strata: [1, 'a', 1, 1, 1, 1, 1] })).toThrow(TypeError);
  });

  // issue 11 items 4 and 14: columns are read strictly (no coercion of strings, Dates, valueOf),
  // and a hole in rows is named instead of reaching the accessor as undefined.
  it('columns and rows as strictly as each other; a hole in rows is a TypeError naming it', () => {
    for (const bad of ['5', true, new Date(5), { valueOf: () => 5 }, null]) {
      const time = [bad, 8, 12, 20, 25, 30, 41];
      expect(() => coxRegression({ ...base, time } as never)).toThrow(
        /^data\.time\[0\] must be a number/,
      );
    }
    const row = (t: number, e: number, x: number) => ({ t, e, x });
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    const rows = [row(5, 1, 1), , row(12, 0, 2), row(20, 1, 0), row(25, 1, 3)];
    expect(() =>
      coxRegression({
        rows,
        time: (r: { t: number }) => r.t,
        event: (r: { e: number }) => r.e,
        covariates: { x: (r: { x: number }) => r.x },
      } as never),
    ).toThrow(/^data\.rows\[1\] must be given: data\.rows is a sparse array/);
  });

  it('mismatched lengths: RangeError naming the column', () => {
    expect(() => coxRegression({ ...base, event: [1, 1, 0] })).toThrow(
      'data.event must have the same length as data.time (7). Value: length 3.',
    );
    expect(() => coxRegression({ ...base, covariates: { psa: [1, 2] } })).toThrow(
      /data\.covariates\.psa must have the same length/,
    );
    expect(() => coxRegression({ ...base, strata: ['a'] })).toThrow(RangeError);
  });

  it('no covariate, and bad options: RangeError', () => {
    expect(() => coxRegression({ ...base, covariates: {} })).toThrow(RangeError);
    expect(() => coxRegression(base, { ties: 'exact' as never })).toThrow(
      "options.ties must be one of 'efron', 'breslow'. Value: \"exact\".",
    );
    expect(() => coxRegression(base, { confLevel: 1 })).toThrow(RangeError);
    expect(() => coxRegression(base, { maxIterations: 0 })).toThrow(RangeError);
    expect(() => coxRegression(base, { tolerance: -1 })).toThrow(RangeError);
  });
});

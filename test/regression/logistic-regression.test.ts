import { describe, expect, it } from 'vitest';
import { logisticRegression, RegressionError } from '../../src/regression/index.js';
import { expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { expectFiniteOrNull, expectMatrixMatches, fixture, TOL } from './_fixture.js';

const INTERVALS = ['profile', 'wald'] as const;

describe('logisticRegression ML against R glm() / summary.glm() / exact profile limits', () => {
  for (const [name, c] of Object.entries(fixture.logistic)) {
    const ref = c.ml;
    if (ref === undefined) continue;
    for (const interval of INTERVALS) {
      it(`${name}, ${interval} limits`, () => {
        const fit = logisticRegression(c.data, { interval, confLevel: ref.confLevel });
        expect(fit.method).toBe('ml');
        expect(fit.n).toBe(ref.n);
        expect(fit.events).toBe(ref.events);
        expect(fit.separation).toBe(false);
        expect(fit.converged).toBe(true);
        // glm's IRLS, step for step: the same iteration count
        expect(fit.iterations).toBe(ref.iterations);
        expect(fit.coefficients.map((co) => co.name)).toEqual(
          ref.coefficients.map((co) => co.name),
        );
        fit.coefficients.forEach((co, j) => {
          const r = ref.coefficients[j]!;
          const at = { ...TOL, label: co.name };
          expectClose(co.estimate, r.estimate, at);
          expectClose(co.oddsRatio, r.oddsRatio, at);
          expectClose(co.stdErr, r.stdErr, at);
          expectClose(co.z, r.z, at);
          expectClose(co.pValue, r.pValue!, at);
          expectClose(co.lower, r[interval].lower, { ...at, label: `${co.name} lower` });
          expectClose(co.upper, r[interval].upper, { ...at, label: `${co.name} upper` });
        });
        expectMatrixMatches(fit.variance, ref.variance, 'variance');
        expectClose(fit.logLikelihood, ref.logLikelihood, { ...TOL, label: 'logLik' });
        expectClose(fit.deviance, ref.deviance!, { ...TOL, label: 'deviance' });
        expectClose(fit.nullDeviance, ref.nullDeviance!, { ...TOL, label: 'null deviance' });
        expectClose(fit.aic, ref.aic, { ...TOL, label: 'aic' });
      });
    }
  }

  it("the exact profile limits are not MASS's spline-read ones (kept for docs/regression.md)", () => {
    // The fixture holds both; the library matches the exact roots, which differ from MASS's
    // confint() beyond 1e-8 (up to ~1e-4 relative on birthwt).
    const c = fixture.logistic['birthwt']!;
    const fit = logisticRegression(c.data);
    const gaps = fit.coefficients.flatMap((co, j) => {
      const mass = c.ml!.coefficients[j]!.massConfint!;
      return [
        Math.abs(co.lower! - mass.lower) / mass.lower,
        Math.abs(co.upper! - mass.upper) / mass.upper,
      ];
    });
    expect(Math.max(...gaps)).toBeGreaterThan(1e-6);
    expect(Math.max(...gaps)).toBeLessThan(1e-3);
  });
});

describe('logisticRegression Firth against R logistf()', () => {
  for (const [name, c] of Object.entries(fixture.logistic)) {
    const ref = c.firth;
    if (ref === undefined) continue;
    for (const interval of INTERVALS) {
      it(`${name}, ${interval} (${interval === 'profile' ? 'logistf defaults' : 'pl = FALSE'})`, () => {
        const fit = logisticRegression(c.data, {
          method: 'firth',
          interval,
          confLevel: ref.confLevel,
        });
        expect(fit.method).toBe('firth');
        expect(fit.separation).toBe(c.separated);
        expect(fit.converged).toBe(true);
        fit.coefficients.forEach((co, j) => {
          const r = ref.coefficients[j]!;
          const at = { ...TOL, label: co.name };
          expectClose(co.estimate, r.estimate, at);
          expectClose(co.oddsRatio, r.oddsRatio, at);
          expectClose(co.stdErr, r.stdErr, at);
          expectClose(co.z, r.z, at);
          // logistf writes 1 - pchisq(...): an absolute error near 1e-16 for small p
          expectClose(co.pValue, r[interval].pValue!, { ...at, label: `${co.name} p` });
          expectClose(co.lower, r[interval].lower, { ...at, label: `${co.name} lower` });
          expectClose(co.upper, r[interval].upper, { ...at, label: `${co.name} upper` });
        });
        expectMatrixMatches(fit.variance, ref.variance, 'variance');
        expectClose(fit.logLikelihood, ref.logLikelihood, { ...TOL, label: 'penalised logLik' });
        expectClose(fit.deviance, -2 * ref.logLikelihood, { ...TOL, label: 'deviance' });
        expectClose(fit.nullDeviance, -2 * ref.nullLogLikelihood!, { ...TOL, label: 'null' });
        expectClose(fit.aic, ref.aic, { ...TOL, label: 'extractAIC' });
      });
    }
  }
});

describe('logisticRegression: separation', () => {
  // every x above 2.5 responds: complete separation by a continuous covariate
  const complete = {
    outcome: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
    covariates: { x: [0.5, 1.1, 1.4, 1.9, 2.2, 2.4, 2.6, 2.9, 3.3, 3.8, 4.1, 4.6] },
  };

  it('ML on separated data throws REGRESSION_SEPARATION instead of diverging', () => {
    for (const data of [
      complete,
      fixture.logistic['separated']!.data,
      fixture.logistic['quasiSeparated']!.data,
    ]) {
      let error: unknown;
      try {
        logisticRegression(data);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RegressionError);
      expect((error as RegressionError).code).toBe('REGRESSION_SEPARATION');
      expect((error as RegressionError).separation).toBe(true);
    }
  });

  it('Firth on complete separation gives finite estimates and limits, with separation: true', () => {
    const fit = logisticRegression(complete, { method: 'firth' });
    expect(fit.separation).toBe(true);
    expectFiniteOrNull(fit);
    for (const co of fit.coefficients) {
      expect(co.lower).not.toBeNull();
      expect(co.upper).not.toBeNull();
      expect(co.lower!).toBeLessThan(co.oddsRatio!);
      expect(co.upper!).toBeGreaterThan(co.oddsRatio!);
    }
  });

  it('data that are not separated are fitted by ML (separation: false)', () => {
    const overlap = {
      outcome: [0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1],
      covariates: complete.covariates,
    };
    expect(logisticRegression(overlap).separation).toBe(false);
    expect(logisticRegression(overlap, { method: 'firth' }).separation).toBe(false);
  });
});

describe('logisticRegression: input forms', () => {
  const c = fixture.logistic['trial']!;

  it('rows with accessors, typed columns and plain columns give the same fit', () => {
    const plain = logisticRegression(c.data, { method: 'firth' });
    const typed = logisticRegression(
      {
        outcome: Uint8Array.from(c.data.outcome),
        covariates: Object.fromEntries(
          Object.entries(c.data.covariates).map(([k, v]) => [k, Float64Array.from(v)]),
        ),
      },
      { method: 'firth' },
    );
    const rows = c.data.outcome.map((y, i) => ({
      response: y === 1,
      psa: c.data.covariates['psa']![i]!,
      isup: c.data.covariates['isup']![i]!,
      nodes: c.data.covariates['nodes']![i]!,
      rt: c.data.covariates['rt']![i]!,
    }));
    type Row = (typeof rows)[number];
    const fromRows = logisticRegression(
      {
        rows,
        outcome: (r: Row) => r.response,
        covariates: {
          psa: (r: Row) => r.psa,
          isup: (r: Row) => r.isup,
          nodes: (r: Row) => r.nodes,
          rt: (r: Row) => r.rt,
        },
      },
      { method: 'firth' },
    );
    expect(typed).toEqual(plain);
    expect(fromRows).toEqual(plain);
  });

  it('does not mutate its input and returns plain JSON data without NaN', () => {
    const data = deepFreeze(structuredClone(fixture.logistic['birthwtSmall']!.data));
    for (const method of ['ml', 'firth'] as const) {
      const fit = logisticRegression(data, { method });
      expectFiniteOrNull(fit);
      expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
    }
  });
});

describe('logisticRegression: bad input', () => {
  const base = {
    outcome: [0, 1, 0, 1, 1, 0, 1, 0, 0, 1],
    covariates: { psa: [4.1, 0.9, 2.2, 1.1, 3.0, 5.2, 0.4, 2.8, 1.7, 2.5] },
  };
  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(RegressionError);
      return (e as RegressionError).code;
    }
    return undefined;
  };

  it('a covariate with no variance: REGRESSION_CONSTANT_COVARIATE', () => {
    const data = { ...base, covariates: { ...base.covariates, rt: new Array(10).fill(0) } };
    expect(codeOf(() => logisticRegression(data))).toBe('REGRESSION_CONSTANT_COVARIATE');
    expect(codeOf(() => logisticRegression(data, { method: 'firth' }))).toBe(
      'REGRESSION_CONSTANT_COVARIATE',
    );
  });

  it('fewer events than parameters: REGRESSION_TOO_FEW_EVENTS', () => {
    const data = { ...base, outcome: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0] };
    expect(codeOf(() => logisticRegression(data, { method: 'firth' }))).toBe(
      'REGRESSION_TOO_FEW_EVENTS',
    );
  });

  it('collinear covariates: REGRESSION_COLLINEAR', () => {
    const data = {
      ...base,
      covariates: { ...base.covariates, logPsa: base.covariates.psa.map((v) => 3 - v) },
    };
    expect(codeOf(() => logisticRegression(data))).toBe('REGRESSION_COLLINEAR');
  });

  it('NaN, outcomes not 0/1, wrong types, mismatched lengths: errors naming the field', () => {
    const nan = { ...base, covariates: { psa: [...base.covariates.psa.slice(0, 9), Number.NaN] } };
    expect(() => logisticRegression(nan)).toThrow(
      'data.covariates.psa[9] must be a finite number. Value: NaN.',
    );
    expect(() =>
      logisticRegression({ ...base, outcome: [...base.outcome.slice(0, 9), 0.5] }),
    ).toThrow(RangeError);
    expect(() => logisticRegression({ ...base, outcome: 'yes' } as never)).toThrow(TypeError);
    expect(() => logisticRegression({ ...base, covariates: { psa: [1, 2, 3] } })).toThrow(
      'data.covariates.psa must have the same length as data.outcome (10). Value: length 3.',
    );
    expect(() =>
      logisticRegression({ ...base, covariates: { '(Intercept)': base.covariates.psa } }),
    ).toThrow(RangeError);
  });

  it('bad options: RangeError', () => {
    expect(() => logisticRegression(base, { method: 'exact' as never })).toThrow(
      "options.method must be one of 'ml', 'firth'. Value: \"exact\".",
    );
    expect(() => logisticRegression(base, { interval: 'spline' as never })).toThrow(RangeError);
    expect(() => logisticRegression(base, { confLevel: 0 })).toThrow(RangeError);
  });
});

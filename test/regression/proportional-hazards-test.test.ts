import { describe, expect, it } from 'vitest';
import { coxRegression, proportionalHazardsTest } from '../../src/regression/index.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { coxColumns, expectFiniteOrNull, expectTestMatches, fixture } from './_fixture.js';

const TRANSFORMS = ['km', 'rank', 'identity'] as const;

describe('proportionalHazardsTest against R cox.zph() (survival >= 3.0)', () => {
  for (const [name, c] of Object.entries(fixture.cox)) {
    for (const ref of c.fits.filter((f) => f.confLevel === 0.95)) {
      for (const transform of TRANSFORMS) {
        it(`${name}, ties = ${ref.ties}, transform = '${transform}'`, () => {
          const fit = coxRegression(coxColumns(c, ref.stratified), { ties: ref.ties });
          const zph = proportionalHazardsTest(fit, { transform });
          const want = ref.zph[transform];
          expect(zph.transform).toBe(transform);
          expect(zph.terms.map((t) => t.name)).toEqual(want.terms.map((t) => t.name));
          zph.terms.forEach((t, j) => {
            expectTestMatches(t, want.terms[j]!, t.name);
          });
          expectTestMatches(zph.global, want.global, 'GLOBAL');
        });
      }
    }
  }
});

describe('proportionalHazardsTest: the fit as data', () => {
  const c = fixture.cox['trialStrata']!;
  const fit = coxRegression(coxColumns(c, true));

  it("defaults to 'km', and works on a fit that went through JSON", () => {
    const revived = JSON.parse(JSON.stringify(fit));
    expect(proportionalHazardsTest(revived)).toEqual(
      proportionalHazardsTest(fit, { transform: 'km' }),
    );
  });

  it('does not mutate the fit, and gives no NaN', () => {
    const frozen = deepFreeze(structuredClone(fit));
    const zph = proportionalHazardsTest(frozen, { transform: 'rank' });
    expectFiniteOrNull(zph);
  });

  it('rejects what is not a Cox fit, a damaged model and an unknown transform', () => {
    expect(() => proportionalHazardsTest(null as never)).toThrow(TypeError);
    expect(() => proportionalHazardsTest({ ...fit, model: undefined } as never)).toThrow(
      'fit.model must be an object. Value: undefined.',
    );
    const short = { ...fit, model: { ...fit.model, linearPredictor: [1, 2] } };
    expect(() => proportionalHazardsTest(short)).toThrow(RangeError);
    expect(() => proportionalHazardsTest(fit, { transform: 'log' as never })).toThrow(
      "options.transform must be one of 'km', 'rank', 'identity'. Value: \"log\".",
    );
  });
});

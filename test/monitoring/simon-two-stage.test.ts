import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/monitoring.json';
import { simonTwoStage } from '../../src/monitoring/simon-two-stage.js';
import { expectClose } from '../_helpers/close.js';
import { random } from '../fixtures-random/_random.js';

const TOL = { rel: 1e-10, abs: 1e-10 };
const designOf = (d: { r1: number; n1: number; r: number; n: number }) => [d.r1, d.n1, d.r, d.n];

describe('simonTwoStage', () => {
  for (const c of fixtures.simon) {
    it(`equals clinfun ph2simon(${c.p0}, ${c.p1}, ${c.alpha}, ${c.beta})`, () => {
      const s = simonTwoStage({
        nullRate: c.p0,
        targetRate: c.p1,
        alpha: c.alpha,
        beta: c.beta,
        nMax: c.nMax,
      });
      for (const [mine, ref] of [
        [s.optimal, c.optimal],
        [s.minimax, c.minimax],
      ] as const) {
        expect(designOf(mine)).toEqual(designOf(ref));
        expectClose(mine.expectedSizeNull, ref.expectedSizeNull, TOL);
        expectClose(mine.earlyStopNull, ref.earlyStopNull, TOL);
        expectClose(mine.actualAlpha, ref.actualAlpha, TOL);
        expectClose(mine.actualPower, ref.actualPower, TOL);
        // clinfun's oc.twostage.bdry: P(reject | p0), P(reject | p1), PET(p0), EN(p0)
        expectClose(mine.actualAlpha, ref.ocTwostage[0], TOL);
        expectClose(mine.actualPower, ref.ocTwostage[1], TOL);
        expect(mine.actualAlpha).toBeLessThan(c.alpha);
        expect(mine.actualPower).toBeGreaterThan(1 - c.beta);
      }
    });
  }

  it('gives the known designs', () => {
    const cases = [
      [
        [0.1, 0.3, 0.05, 0.2],
        [1, 10, 5, 29],
        [1, 15, 5, 25],
      ],
      [
        [0.2, 0.4, 0.1, 0.1],
        [3, 17, 10, 37],
        [3, 19, 10, 36],
      ],
      [
        [0.05, 0.2, 0.1, 0.1],
        [0, 12, 3, 37],
        [0, 18, 3, 32],
      ],
      [
        [0.25, 0.45, 0.05, 0.1],
        [6, 22, 19, 57],
        [6, 26, 17, 49],
      ],
    ] as const;
    for (const [[nullRate, targetRate, alpha, beta], optimal, minimax] of cases) {
      const s = simonTwoStage({ nullRate, targetRate, alpha, beta });
      expect(designOf(s.optimal)).toEqual(optimal);
      expect(designOf(s.minimax)).toEqual(minimax);
    }
    const s = simonTwoStage({ nullRate: 0.1, targetRate: 0.3, alpha: 0.05, beta: 0.2 });
    expectClose(s.optimal.expectedSizeNull, 15.01, { abs: 5e-3 });
    expectClose(s.optimal.earlyStopNull, 0.736, { abs: 5e-4 });
  });

  it('breaks an exact tie in EN as ph2simon does: the smaller n (issue 12 item 3)', () => {
    // (3, 7, 8, 14) and (2, 5, 9, 16) both have EN exactly 10.5 at nullRate = 0.5; PET summed by
    // complement made the first 10.500000000000002 and the strict < kept n = 16
    const ref = random.simon.find((c) => c.issue12 === 3)!;
    const s = simonTwoStage({
      nullRate: ref.p0,
      targetRate: ref.p1,
      alpha: ref.alpha,
      beta: ref.beta,
      nMax: ref.nMax,
    });
    expect(designOf(s.optimal)).toEqual(designOf(ref.optimal!));
    expect(s.optimal.n).toBeLessThan(16);
    expectClose(s.optimal.expectedSizeNull, ref.optimal!.expectedSizeNull, TOL);
  });

  it('runs nMax = 100 well under a second', () => {
    const start = performance.now();
    simonTwoStage({ nullRate: 0.2, targetRate: 0.4, alpha: 0.1, beta: 0.1, nMax: 100 });
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('rejects bad parameters and infeasible searches naming them', () => {
    const ok = { nullRate: 0.1, targetRate: 0.3, alpha: 0.05, beta: 0.2 };
    expect(() => simonTwoStage({ ...ok, nullRate: 1.1 })).toThrow(/nullRate.*Value: 1.1/);
    expect(() => simonTwoStage({ ...ok, targetRate: 0.05 })).toThrow(
      /nullRate must be < options.targetRate/,
    );
    expect(() => simonTwoStage({ ...ok, alpha: 0 })).toThrow(/alpha.*Value: 0/);
    expect(() => simonTwoStage({ ...ok, nMax: 1001 })).toThrow(/nMax.*1001/);
    expect(() => simonTwoStage({ ...ok, nMax: 10 })).toThrow(/nMax: no two-stage design/);
  });
});

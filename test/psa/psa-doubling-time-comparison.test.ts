import { describe, expect, it } from 'vitest';
import { psaDoublingTimeComparison } from '../../src/psa/psa-doubling-time-comparison.js';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon-signed-rank.js';
import { expectClose } from '../_helpers/close.js';
import { makePatient } from '../_helpers/patient.js';

/** A patient whose PSA doubles every `preDays` before and every `postDays` after the sLND. */
function patientWith(id: string, preDays: number, postDays: number) {
  const psa = [];
  for (let k = 0; k < 3; k++) {
    const date = new Date(Date.UTC(2023, 2, 1 + k * 100)).toISOString().slice(0, 10);
    psa.push({ date, value: 0.5 * 2 ** ((k * 100) / preDays) });
  }
  for (let k = 0; k < 4; k++) {
    const date = new Date(Date.UTC(2024, 1, 21 + k * 60)).toISOString().slice(0, 10);
    psa.push({ date, value: 0.4 * 2 ** ((k * 60) / postDays) });
  }
  return makePatient({ id, psa });
}

describe('psaDoublingTimeComparison', () => {
  const patients = [
    patientWith('A', 60, 120),
    patientWith('B', 90, 200),
    patientWith('C', 120, 100),
    patientWith('D', 45, 300),
    patientWith('E', 80, 95),
    makePatient({ id: 'F', psa: [] }),
  ];

  it('pairs the log-slopes and tests post against pre as wilcox.test(paired = TRUE)', () => {
    const result = psaDoublingTimeComparison(patients);
    expect(result.n).toBe(5);
    expect(result.pairs.map((p) => p.patientId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const expected = wilcoxonSignedRank(
      result.pairs.map((p) => p.postSlopePerMonth),
      result.pairs.map((p) => p.preSlopePerMonth),
    );
    expect(result.wilcoxon).toEqual({
      statistic: expected!.statistic,
      pValue: expected!.pValue,
      method: expected!.method,
    });
    // Changes: two slowed, one accelerated... V = rank of the one positive change.
    expect(result.wilcoxon!.method).toBe('Wilcoxon signed rank exact test');
    const changes = result.pairs.map((p) => p.change).sort((a, b) => a - b);
    expectClose(result.medianChange, changes[2]);
    expectClose(result.iqr![0], changes[1]);
    expectClose(result.iqr![1], changes[3]);
  });

  it('lists every patient left out, with the reason', () => {
    const result = psaDoublingTimeComparison(patients);
    expect(result.excluded).toEqual([
      { patientId: 'F', category: 'not-evaluable', reason: expect.stringMatching(/pre-sLND/) },
    ]);
  });

  it('gives the median (IQR) doubling time before and after among patients whose PSA rises', () => {
    const { summary } = psaDoublingTimeComparison(patients);
    const months = (days: number[]) => days.map((d) => d / 30.4375).sort((a, b) => a - b);
    const pre = months([60, 90, 120, 45, 80]);
    const post = months([120, 200, 100, 300, 95]);
    expect(summary.pre.n).toBe(5);
    expect(summary.post.n).toBe(5);
    expectClose(summary.pre.median, pre[2], { rel: 1e-9 });
    expectClose(summary.pre.q1, pre[1], { rel: 1e-9 });
    expectClose(summary.post.median, post[2], { rel: 1e-9 });
    expectClose(summary.post.q3, post[3], { rel: 1e-9 });
    expect(psaDoublingTimeComparison([]).summary).toEqual({
      pre: { n: 0, median: null, q1: null, q3: null },
      post: { n: 0, median: null, q1: null, q3: null },
    });
  });

  it('returns nulls for an empty cohort and names a malformed patient', () => {
    expect(psaDoublingTimeComparison([])).toMatchObject({
      n: 0,
      medianChange: null,
      iqr: null,
      wilcoxon: null,
    });
    const bad = makePatient({ id: 'X', psa: [{ date: '2024-01-01', value: -1 }] });
    expect(() => psaDoublingTimeComparison([bad])).toThrow(/patients\[0\].*psa\[0\]\.value/);
  });
});

import { describe, expect, it } from 'vitest';
import { CHOLESKY_TOLERANCE, ldlFactor, ldlInverse, ldlSolve } from '../../src/stats/cholesky.js';
import { expectClose } from '../_helpers/close.js';

const multiply = (a: readonly (readonly number[])[], x: ArrayLike<number>) =>
  a.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));

describe('ldlFactor, ldlSolve, ldlInverse', () => {
  const spd = [
    [4, 2, 0.6],
    [2, 3, 0.4],
    [0.6, 0.4, 2],
  ];

  it('solves a full-rank system: A x = b', () => {
    const f = ldlFactor(spd);
    expect(f.rank).toBe(3);
    expect(f.positiveSemiDefinite).toBe(true);
    const b = [1, -2, 0.5];
    const x = ldlSolve(f, b);
    multiply(spd, x).forEach((v, i) => {
      expectClose(v, b[i]!, { rel: 1e-14, abs: 1e-14 });
    });
  });

  it('inverts a full-rank matrix: A A^-1 = I', () => {
    const inv = ldlInverse(ldlFactor(spd));
    for (let j = 0; j < 3; j++) {
      const col = inv.map((row) => row[j]!);
      multiply(spd, col).forEach((v, i) => {
        expectClose(v, i === j ? 1 : 0, { abs: 1e-14 });
      });
    }
  });

  it('reports the rank of a singular matrix and zeroes the dropped direction', () => {
    // Row 3 = row 1 + row 2: rank 2.
    const singular = [
      [2, 1, 3],
      [1, 2, 3],
      [3, 3, 6],
    ];
    const f = ldlFactor(singular);
    expect(f.rank).toBe(2);
    expect(f.diagonal[2]).toBe(0);
    const x = ldlSolve(f, [1, 1, 2]);
    expect(x[2]).toBe(0);
    // b is in the column space: the generalised solution still reproduces it.
    multiply(singular, x).forEach((v, i) => {
      expectClose(v, [1, 1, 2][i]!, { abs: 1e-13 });
    });
    const inv = ldlInverse(f);
    expect(inv[2]).toEqual([0, 0, 0]);
    expect(inv.map((r) => r[2])).toEqual([0, 0, 0]);
  });

  it('drops pivots below tolerance x the largest diagonal, and flags a negative one', () => {
    expect(
      ldlFactor([
        [1, 0],
        [0, CHOLESKY_TOLERANCE / 2],
      ]).rank,
    ).toBe(1);
    expect(
      ldlFactor([
        [1, 0],
        [0, CHOLESKY_TOLERANCE * 2],
      ]).rank,
    ).toBe(2);
    expect(
      ldlFactor([
        [0, 0],
        [0, 0],
      ]).rank,
    ).toBe(0);
    const negative = ldlFactor([
      [1, 0],
      [0, -1],
    ]);
    expect(negative.rank).toBe(1);
    expect(negative.positiveSemiDefinite).toBe(false);
  });

  it('does not modify its input', () => {
    const copy = spd.map((r) => [...r]);
    ldlFactor(spd);
    expect(spd).toEqual(copy);
  });
});

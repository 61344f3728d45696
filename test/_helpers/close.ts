import { expect } from 'vitest';

/**
 * Asserts |actual - expected| <= max(rel * |expected|, abs). Never `toBe` on floats computed
 * two ways. `null` must match `null` (R's NA).
 */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  { rel = 1e-9, abs = 1e-12, label = '' }: { rel?: number; abs?: number; label?: string } = {},
): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).toBeTypeOf('number');
  const a = actual as number;
  if (!Number.isFinite(expected)) {
    expect(a, label).toBe(expected);
    return;
  }
  const tol = Math.max(rel * Math.abs(expected), abs);
  if (!(Math.abs(a - expected) <= tol)) {
    expect.fail(
      `${label} expected ${expected}, got ${a} (|diff| ${Math.abs(a - expected)} > ${tol})`,
    );
  }
}

/** expectClose element by element, with equal lengths. */
export function expectAllClose(
  actual: ArrayLike<number | null>,
  expected: ArrayLike<number | null>,
  options: { rel?: number; abs?: number; label?: string } = {},
): void {
  expect(actual.length, `${options.label ?? ''} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expectClose(actual[i], expected[i], { ...options, label: `${options.label ?? ''}[${i}]` });
  }
}

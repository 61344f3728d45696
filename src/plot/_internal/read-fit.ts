import { assertArray, assertFiniteNumber, assertInteger, assertObject } from '../../_lib/assert.js';
import { describeValue } from '../../_lib/describe-value.js';
import type { KaplanMeierFit } from '../../survival/kaplan-meier.js';

// Internal: checks a Kaplan-Meier fit handed to the plot. It may come from `kaplanMeier` or
// from JSON written elsewhere, so the columns the plot reads are checked, naming the entry.

function column(name: string, fit: Record<string, unknown>, key: string): readonly unknown[] {
  const value = fit[key];
  assertArray(`${name}.${key}`, value);
  return value;
}

/**
 * Throws unless `fit` has the columns of a {@link KaplanMeierFit} the plot draws: `time`
 * (finite, >= 0, ascending), `nRisk` and `nCensor` (integers >= 0), `survival` (in [0, 1]),
 * `lower` and `upper` (in [0, 1] or null), all of one length, and `n` an integer >= 0.
 */
export function readFit(name: string, fit: unknown): KaplanMeierFit {
  assertObject(name, fit);
  const f = fit as Record<string, unknown>;
  assertInteger(`${name}.n`, f['n']);
  const time = column(name, f, 'time');
  const m = time.length;
  for (const key of ['nRisk', 'nCensor', 'survival', 'lower', 'upper']) {
    const length = column(name, f, key).length;
    if (length !== m) {
      throw new RangeError(
        `${name}.${key} must have the length of ${name}.time (${m}). Value: an array of length ${length}.`,
      );
    }
  }
  const nRisk = f['nRisk'] as readonly unknown[];
  const nCensor = f['nCensor'] as readonly unknown[];
  const survival = f['survival'] as readonly unknown[];
  for (let i = 0; i < m; i++) {
    const t = time[i];
    assertFiniteNumber(`${name}.time[${i}]`, t);
    if (t < 0) {
      throw new RangeError(`${name}.time[${i}] must be >= 0. Value: ${describeValue(t)}.`);
    }
    if (i > 0 && t < (time[i - 1] as number)) {
      throw new RangeError(
        `${name}.time must be ascending. Value: ${name}.time[${i - 1}] = ${describeValue(time[i - 1])}, ${name}.time[${i}] = ${describeValue(t)}.`,
      );
    }
    assertInteger(`${name}.nRisk[${i}]`, nRisk[i]);
    assertInteger(`${name}.nCensor[${i}]`, nCensor[i]);
    assertProbability(`${name}.survival[${i}]`, survival[i]);
    for (const key of ['lower', 'upper']) {
      const limit = (f[key] as readonly unknown[])[i];
      if (limit !== null) assertProbability(`${name}.${key}[${i}]`, limit);
    }
  }
  return fit as KaplanMeierFit;
}

function assertProbability(name: string, value: unknown): void {
  assertFiniteNumber(name, value);
  if (value < 0 || value > 1) {
    throw new RangeError(`${name} must be in [0, 1]. Value: ${describeValue(value)}.`);
  }
}

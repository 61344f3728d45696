import { fail } from './fail.js';

/**
 * Throws `REGRESSION_CONSTANT_COVARIATE` naming every covariate whose values are all equal: such
 * a column carries no information about its coefficient (R would return NA for it).
 */
export function checkVariation(names: readonly string[], columns: readonly Float64Array[]): void {
  const constant = names.filter((_, j) => {
    const col = columns[j]!;
    for (let i = 1; i < col.length; i++) if (col[i] !== col[0]) return false;
    return true;
  });
  if (constant.length > 0) {
    throw fail(
      'REGRESSION_CONSTANT_COVARIATE',
      `The covariate${constant.length > 1 ? 's' : ''} ${constant.map((c) => `"${c}"`).join(', ')} ${constant.length > 1 ? 'have' : 'has'} no variance: every value is the same, so no coefficient can be estimated.`,
      constant,
    );
  }
}

/** Throws `REGRESSION_TOO_FEW_EVENTS` when there are fewer events than parameters to estimate. */
export function checkEvents(events: number, parameters: number, what: string): void {
  if (events < parameters) {
    throw fail(
      'REGRESSION_TOO_FEW_EVENTS',
      `The model has ${parameters} parameter${parameters === 1 ? '' : 's'} but the data have only ${events} ${what}${events === 1 ? '' : 's'}: at least one ${what} per parameter is needed.`,
    );
  }
}

import { RegressionError, type RegressionErrorCode } from '../regression-error.js';

/**
 * Builds a {@link RegressionError} to throw. A function with a `code` parameter, so that the
 * error-code scan behind docs/errors.md (test/bad-inputs/errors-doc.test.ts) finds every code
 * passed to it.
 */
export function fail(
  code: RegressionErrorCode,
  message: string,
  variables: readonly string[] = [],
): RegressionError {
  return new RegressionError(code, message, variables);
}

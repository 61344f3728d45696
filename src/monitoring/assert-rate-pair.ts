import { assertOpenUnitInterval } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';

// Internal: the check every design function makes of its acceptable and unacceptable rates.

/**
 * Throws unless both rates are in (0, 1) and the first is below the second.
 *
 * @throws {TypeError} when a rate is not a number.
 * @throws {RangeError} when a rate is outside (0, 1) or `low >= high`, naming both.
 * @example assertRatePair('p0', 0.1, 'p1', 0.3); // passes
 */
export function assertRatePair(
  lowName: string,
  low: unknown,
  highName: string,
  high: unknown,
): void {
  assertOpenUnitInterval(lowName, low);
  assertOpenUnitInterval(highName, high);
  if (low >= high) {
    throw new RangeError(
      `${lowName} must be < ${highName}. Value: ${lowName} = ${describeValue(low)}, ${highName} = ${describeValue(high)}.`,
    );
  }
}

import { assertArray, assertInteger } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';

// Internal: the check every monitoring function makes of its `looks` argument.

/**
 * Throws unless `looks` is a non-empty array of integers >= 1 in strictly increasing order
 * (cumulative patient counts at the interim analyses), the last at most `maxPatients`.
 *
 * @param name - the argument's name, used in the message.
 * @param looks - the value to check.
 * @param minLength - the fewest looks allowed (clinfun's `toxbdry` needs two).
 * @param maxPatients - the most patients at the last look (see monitoring-limits.ts).
 * @throws {TypeError} when `looks` is not an array or holds a non-number.
 * @throws {RangeError} when it is too short, holds a non-integer or a value < 1, does not
 *   increase strictly, or ends above `maxPatients`.
 * @example assertLooks('looks', [10, 20, 30]); // passes
 */
export function assertLooks(
  name: string,
  looks: unknown,
  minLength = 1,
  maxPatients = Number.POSITIVE_INFINITY,
): asserts looks is readonly number[] {
  assertArray(name, looks);
  if (looks.length < minLength) {
    throw new RangeError(
      `${name} must hold at least ${minLength} look${minLength === 1 ? '' : 's'}. Value: ${describeValue(looks)}.`,
    );
  }
  // Strictly increasing integers >= 1: more looks than maxPatients cannot all fit under it.
  if (looks.length > maxPatients) {
    throw new RangeError(
      `${name} must hold at most ${maxPatients} looks, the last at most ${maxPatients} patients. Value: ${describeValue(looks)}.`,
    );
  }
  for (let i = 0; i < looks.length; i++) {
    assertInteger(`${name}[${i}]`, looks[i], 1);
    if (i > 0 && (looks[i] as number) <= (looks[i - 1] as number)) {
      throw new RangeError(
        `${name} must be strictly increasing cumulative patient counts. Value: ${name}[${i - 1}] = ${describeValue(looks[i - 1])}, ${name}[${i}] = ${describeValue(looks[i])}.`,
      );
    }
  }
  const last = looks.length - 1;
  if ((looks[last] as number) > maxPatients) {
    throw new RangeError(
      `${name} must end at <= ${maxPatients} patients (the limit of the exact computation, docs/limits.md). Value: ${name}[${last}] = ${describeValue(looks[last])}.`,
    );
  }
}

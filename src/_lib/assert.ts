import { describeValue } from './describe-value.js';

// Argument checks shared by the public functions. Each names the argument and quotes the
// value: a wrong type is a TypeError, a value of the right type outside its domain a RangeError.

/** Throws unless `value` is a finite number. */
export function assertFiniteNumber(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number. Value: ${describeValue(value)}.`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number. Value: ${describeValue(value)}.`);
  }
}

/** Throws unless `value` is a finite number >= 0. */
export function assertNonNegative(name: string, value: unknown): asserts value is number {
  assertFiniteNumber(name, value);
  if (value < 0) {
    throw new RangeError(`${name} must be >= 0. Value: ${describeValue(value)}.`);
  }
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(name: string, value: unknown): asserts value is number {
  assertFiniteNumber(name, value);
  if (value <= 0) {
    throw new RangeError(`${name} must be > 0. Value: ${describeValue(value)}.`);
  }
}

/** Throws unless `value` is an integer >= `min`. */
export function assertInteger(name: string, value: unknown, min = 0): asserts value is number {
  assertFiniteNumber(name, value);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}. Value: ${describeValue(value)}.`);
  }
}

/** Throws unless `value` is a number strictly between 0 and 1 (a rate or a confidence level). */
export function assertOpenUnitInterval(name: string, value: unknown): asserts value is number {
  assertFiniteNumber(name, value);
  if (value <= 0 || value >= 1) {
    throw new RangeError(`${name} must be in (0, 1). Value: ${describeValue(value)}.`);
  }
}

/**
 * Throws unless `value` is an array without holes. A sparse array (`[a, , b]`, or one grown by
 * setting `length`) is refused naming its first hole: `forEach`, `map` and `filter` skip holes,
 * so the entry would be dropped without a word and N would change.
 */
export function assertArray(name: string, value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${name} must be an array. Value: ${describeValue(value)}.`);
  }
  const hole = firstHole(value);
  if (hole !== -1) {
    throw new TypeError(
      `${name}[${hole}] must be given: ${name} is a sparse array with a hole there. Value: ${describeValue(value)} with a hole at index ${hole}.`,
    );
  }
}

/** The index of the first hole of a sparse array, or -1 when every index up to length holds a value. */
export function firstHole(array: readonly unknown[]): number {
  for (let i = 0; i < array.length; i++) if (!(i in array)) return i;
  return -1;
}

/** Throws unless `value` is a string. */
export function assertString(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw new TypeError(`${name} must be a string. Value: ${describeValue(value)}.`);
  }
}

/** Throws unless `value` is a non-null object (not an array). */
export function assertObject<T>(name: string, value: T): asserts value is T & object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object. Value: ${describeValue(value)}.`);
  }
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(
      `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}. Value: ${describeValue(value)}.`,
    );
  }
}

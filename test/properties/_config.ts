import { fc } from '@fast-check/vitest';

// Shared settings of the property suite (test/properties/*.test.ts).
//
// Every property runs RUNS (1,000) cases from a FIXED seed, so CI is deterministic: the seed is
// FC_SEED from the environment, default 20261127. To explore other cases, run
//   FC_SEED=12345 npx vitest run test/properties
// To reproduce a failure, fast-check prints "seed: S, path: P" with the counterexample; replay
// exactly that case (and its shrinking) with
//   FC_SEED=S FC_PATH=P npx vitest run test/properties/<file> -t '<property name>'
// (FC_PATH applies to every property it runs, hence the -t filter).

const rawSeed = process.env['FC_SEED'] ?? '20261127';
/** The fast-check seed: FC_SEED, else 20261127. */
export const SEED = Number(rawSeed);
if (!Number.isInteger(SEED)) {
  throw new RangeError(`FC_SEED must be an integer. Value: ${JSON.stringify(rawSeed)}.`);
}

/** Runs per property. */
export const RUNS = 1000;

const path = process.env['FC_PATH'];

/** fast-check parameters of every property: fixed seed, 1,000 runs, optional replay path. */
export const PARAMS: {
  readonly seed: number;
  readonly numRuns: number;
  readonly path?: string;
  readonly endOnFailure?: boolean;
} = {
  seed: SEED,
  numRuns: RUNS,
  ...(path === undefined || path === '' ? {} : { path, endOnFailure: true }),
};

/** Vitest timeout of one property (1,000 runs), generous for a slow 2-core CI machine. */
export const TIMEOUT = 60_000;

/**
 * Freezes an object graph in place (objects and arrays, recursively), so that a function that
 * writes to its input throws a TypeError (ES modules run in strict mode). Typed arrays are left
 * alone: freezing a non-empty one is itself a TypeError.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A deep copy of plain JSON-like data (what the library takes as input). */
export function deepCopy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The paths of every NaN (and, as a result never holds one either, every infinity) found by a
 * recursive walk over own enumerable properties of objects and arrays (typed arrays included).
 * Empty when the value is clean.
 */
export function nonFinitePaths(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < arr.length; i++) out.push(...nonFinitePaths(arr[i], `${path}[${i}]`, seen));
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    out.push(
      ...nonFinitePaths(v, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, seen),
    );
  }
  return out;
}

/** A survival time: mostly small integers (many ties, time 0), sometimes wider or fractional. */
export const survivalTime: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }) },
  {
    weight: 1,
    arbitrary: fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }),
  },
);

/** An event indicator as the library takes it: 0/1 or a boolean. */
export const eventFlag: fc.Arbitrary<0 | 1 | boolean> = fc.oneof(
  fc.constantFrom<0 | 1>(0, 1),
  fc.boolean(),
);

/** Rows { time, event }: 0..60 of them; all censored and all events made likely. */
export const survivalRows = (
  time: fc.Arbitrary<number> = survivalTime,
  { minLength = 0, maxLength = 60 } = {},
): fc.Arbitrary<{ time: number; event: 0 | 1 | boolean }[]> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.array(fc.record({ time, event: eventFlag }), { minLength, maxLength }),
    },
    // all censored / all events
    {
      weight: 1,
      arbitrary: fc.array(fc.record({ time, event: fc.constant<0>(0) }), { minLength, maxLength }),
    },
    {
      weight: 1,
      arbitrary: fc.array(fc.record({ time, event: fc.constant<1>(1) }), { minLength, maxLength }),
    },
  );

/** A permutation of `items` (every element once). */
export const permutationOf = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

/**
 * `simulateCohort` options: the simulator is the generator of valid patients (far simpler than
 * building arbitrary valid ones). n is kept small (1..12): the simulator costs about 0.1 ms per
 * patient, and every run simulates a cohort.
 */
export const cohortOptions: fc.Arbitrary<{ n: number; seed: number }> = fc.record({
  n: fc.integer({ min: 1, max: 12 }),
  seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
});

/** A stopping rule as `evaluateStoppingRule`/`safetyMonitor` take it: boundary, SPRT or Simon. */
export const stoppingRule = fc.oneof(
  fc.record({
    slope: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
    upperIntercept: fc.double({ min: 0.5, max: 5, noNaN: true }),
    lowerIntercept: fc.double({ min: -5, max: -0.5, noNaN: true }),
  }),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 })
    .map((looks) => looks.sort((a, b) => a - b))
    .chain((looks) =>
      fc.record({
        looks: fc.constant(looks),
        maxAllowed: fc.tuple(...looks.map((n) => fc.integer({ min: -1, max: n }))),
      }),
    ),
  fc
    .record({ n1: fc.integer({ min: 1, max: 15 }), extra: fc.integer({ min: 1, max: 15 }) })
    .chain(({ n1, extra }) =>
      fc.record({
        n1: fc.constant(n1),
        n: fc.constant(n1 + extra),
        r1: fc.integer({ min: 0, max: n1 - 1 }),
        r: fc.integer({ min: n1, max: n1 + extra - 1 }),
      }),
    ),
);

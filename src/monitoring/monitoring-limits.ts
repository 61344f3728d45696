// The work limits of the exact monitoring computations (docs/limits.md, "Stopping rules and
// monitoring"). Their cost grows with the square of the patients at the last look (every event
// count of every look), so an unbounded argument ran for minutes or ran out of memory: a rule
// with a look after each of 20,000 patients, or looks [10, 1e8] (issue 11 item 11). Each limit is
// sized so that the largest case allowed finishes in a few seconds, and is refused beyond with
// a RangeError that names the argument.

/**
 * The most patients at the last look of `toxicityBoundary`, `bayesianToxicityBoundary` and
 * `boundaryOperatingCharacteristics`: ten times a large phase II safety cohort. The slowest
 * case allowed, a toxicity boundary with a look after each of 1,000 patients, `gridSize` 200 and
 * `maxIterations` 100, takes under 4 seconds on a 2-core machine.
 */
export const MAX_LOOK_PATIENTS = 1000;

/**
 * The most event rates at which operating characteristics are computed: `toxicityBoundary`'s
 * `gridSize` and the length of `boundaryOperatingCharacteristics`'s `p`. 200 rates draw any
 * operating-characteristic curve smoothly.
 */
export const MAX_RATES = 200;

/**
 * The most refinement steps of `toxicityBoundary`'s search (`maxIterations`; clinfun's default is 10):
 * after about 60 halvings the bracket of nominal levels cannot shrink further in double
 * precision.
 */
export const MAX_SEARCH_STEPS = 100;

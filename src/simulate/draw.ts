import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Uniform random draws from one seeded generator (it advances in place). */
export interface Draw {
  /** Uniform on [0, 1). */
  readonly unit: () => number;
  /** Uniform integer on [from, to]. */
  readonly int: (from: number, to: number) => number;
  /** Uniform on [from, to). */
  readonly between: (from: number, to: number) => number;
  /** True with probability p. */
  readonly chance: (p: number) => boolean;
  /** Standard normal (Box-Muller). */
  readonly normal: () => number;
  /** Exponential time (days) with the given probability of falling within `horizon` days. */
  readonly exponential: (pWithin: number, horizon: number) => number;
  readonly pick: <T>(items: readonly T[]) => T;
  /** One of the values, with probability proportional to its weight (one uniform draw). */
  readonly weighted: <T>(table: readonly (readonly [T, number])[]) => T;
}

/** The draws of one generator. */
export function makeDraw(rng: RandomGenerator): Draw {
  const unit = () => uniformFloat64(rng);
  return {
    unit,
    int: (from, to) => uniformInt(rng, from, to),
    between: (from, to) => from + (to - from) * unit(),
    chance: (p) => unit() < p,
    normal: () => Math.sqrt(-2 * Math.log(1 - unit())) * Math.cos(2 * Math.PI * unit()),
    exponential: (pWithin, horizon) => (-Math.log(1 - unit()) * horizon) / -Math.log(1 - pWithin),
    pick: (items) => items[uniformInt(rng, 0, items.length - 1)]!,
    weighted: (table) => {
      let u = unit() * table.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, w] of table) {
        if (u < w) return value;
        u -= w;
      }
      return table[table.length - 1]![0];
    },
  };
}

/** The independent streams of one seed. */
export interface DrawStreams {
  /** The course of every patient: xoroshiro128+ seeded with the seed, as since the first release. */
  readonly course: Draw;
  /** The baseline characteristics: the same generator jumped ahead 2^64 draws. */
  readonly baseline: Draw;
  /** The patient flow (not operated, screening): jumped ahead 2 x 2^64 draws. */
  readonly flow: Draw;
}

/**
 * Three streams of one seed that never overlap: the generator seeded with `seed`, and copies of
 * it jumped ahead by 2^64 and 2 x 2^64 draws (xoroshiro128+'s jump). Whatever one stream draws
 * leaves the others' numbers unchanged, so new fields drawn from a new stream leave every
 * earlier field of a seed as it was.
 */
export function drawStreams(seed: number): DrawStreams {
  const course = xoroshiro128plus(seed);
  const baseline = xoroshiro128plus(seed);
  baseline.jump();
  const flow = baseline.clone();
  flow.jump();
  return { course: makeDraw(course), baseline: makeDraw(baseline), flow: makeDraw(flow) };
}

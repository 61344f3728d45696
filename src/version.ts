// The package version, written into the build by tsup's `define` (and by vitest's) from
// package.json, so the browser-safe entry never reads a file.
declare const __SLND_STATS_VERSION__: string;

/** The version of slnd-stats, e.g. `0.1.0`. */
export const VERSION: string =
  typeof __SLND_STATS_VERSION__ === 'string' ? __SLND_STATS_VERSION__ : '0.0.0-dev';

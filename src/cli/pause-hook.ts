import { setTimeout as sleep } from 'node:timers/promises';
import type { CliIo } from './cli-io.js';

/**
 * A test hook: after writing this file of the report (e.g. `report.html`) into the temporary
 * folder, the command says so on stderr and waits, so a test can interrupt it at that moment.
 */
const PAUSE_HOOK = 'SLND_STATS_TEST_PAUSE_AFTER';

/** The {@link PAUSE_HOOK} test hook, or nothing when the variable is not set. */
export function pauseHook(
  io: CliIo,
  signal: AbortSignal,
): ((file: string) => Promise<void>) | undefined {
  const after = process.env[PAUSE_HOOK];
  if (after === undefined || after === '') return undefined;
  return async (file) => {
    if (file !== after) return;
    io.err(`slnd-stats: paused after writing ${file} (${PAUSE_HOOK})`);
    await sleep(60_000, undefined, { signal });
  };
}

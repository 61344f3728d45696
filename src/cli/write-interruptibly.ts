import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';

/** Exit statuses of a run interrupted while writing: 128 + the signal's number, as shells do. */
const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs `write` with SIGINT and SIGTERM turned into an abort: the writer removes its temporary
 * folder and leaves --out as it was, and the command exits 130 or 143. Outside this window the
 * signals keep their default action: before writing there is nothing to clean up.
 *
 * @returns the paths written, or the exit status when interrupted.
 */
export async function writeInterruptibly(
  io: CliIo,
  out: string,
  write: (signal: AbortSignal) => Promise<string[]>,
): Promise<string[] | number> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => controller.abort(name);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await write(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      const name = controller.signal.reason as keyof typeof SIGNAL_STATUS;
      io.err(`slnd-stats: interrupted by ${name}; no report written (--out ${out} is as it was).`);
      return SIGNAL_STATUS[name];
    }
    // The file system's refusal (ENOTDIR, EACCES, ENOSPC, ...) is about the --out the user gave.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new UsageError(
        `--out ${out}: cannot write the report: ${(error as Error).message}; nothing was written`,
      );
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

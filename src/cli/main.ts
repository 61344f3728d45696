// The `slnd-stats` command (node only): report, validate, schema. Exit status 0 on success,
// 2 for a problem with the user's data or arguments (reported, never a stack trace; any
// SlndStatsError counts as one), 1 for an internal error, 130 or 143 when interrupted by
// SIGINT or SIGTERM while writing. See docs/errors.md.
import { SlndStatsError } from '../errors.js';
import { printableLine } from '../node/printable-line.js';
import { VERSION } from '../version.js';
import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';
import { reportCommand } from './report-command.js';
import { schemaCommand } from './schema-command.js';
import { UsageError } from './usage-error.js';
import { validateCommand } from './validate-command.js';

export type { CliIo } from './cli-io.js';
export { MAX_PRINTED_ISSUES } from './print-issues.js';

/**
 * Each line of `text` as {@link printableLine} makes it: control characters (terminal
 * escapes, BEL, CR, NUL, C1), bidirectional overrides and other invisible characters from the
 * data are written as `\uXXXX`, and a line is at most 1,000 characters.
 */
function printable(write: (text: string) => void): (text: string) => void {
  return (text) => write(text.split('\n').map(printableLine).join('\n'));
}

/**
 * Runs the command line `args` (without `node` and the script) and resolves to the exit status:
 * 0 done, 2 a problem with the data or the arguments (nothing written), 1 an internal error,
 * 130 or 143 interrupted by SIGINT or SIGTERM while writing (nothing written). Every line it
 * prints is printable text, whatever the data holds.
 *
 * @param args - the arguments, e.g. `['report', 'cohort.json', '--out', 'out']`.
 * @param io - where the output and the messages go (default stdout and stderr).
 * @returns the exit status.
 * @throws never: every error becomes a message and a status.
 * @example process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(
  args: readonly string[],
  io: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t) },
): Promise<number> {
  const safe: CliIo = { out: printable(io.out), err: printable(io.err) };
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      safe.out(HELP.main);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      safe.out(VERSION);
      return 0;
    }
    if (command === 'report') return await reportCommand(rest, safe);
    if (command === 'validate') return validateCommand(rest, safe);
    if (command === 'schema') return schemaCommand(rest, safe);
    throw new UsageError(`unknown command "${command}"; see slnd-stats --help`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      safe.err(`slnd-stats: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof SlndStatsError) {
      // A data error the reader's checks did not catch (e.g. from an analysis), or an --out
      // the report cannot replace: still the user's to fix, so exit 2 with its stable code,
      // never a stack trace.
      safe.err(`slnd-stats: ${error.message} (${error.code})`);
      return 2;
    }
    safe.err(`slnd-stats: internal error: ${(error as Error).message ?? String(error)}`);
    if (process.env['SLND_STATS_DEBUG']) safe.err(String((error as Error).stack));
    return 1;
  }
}

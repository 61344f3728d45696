import { parseArgs } from 'node:util';
import { validateCohortFile } from '../node/validate-cohort-file.js';
import type { CliIo } from './cli-io.js';
import { CSV_OPTIONS, csvOptions } from './csv-options.js';
import { HELP } from './help.js';
import { printIssues } from './print-issues.js';
import { requireCurrentFolder } from './require-current-folder.js';
import { unknownColumnsNote } from './unknown-columns-note.js';
import { UsageError } from './usage-error.js';

/**
 * `slnd-stats validate INPUT [options]`: lists every warning and problem of the cohort.
 *
 * @returns the exit status: 0 valid, 2 not.
 */
export function validateCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h', default: false }, ...CSV_OPTIONS },
  });
  if (values.help) {
    io.out(HELP.validate);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one INPUT');
  const input = positionals[0] as string;
  const options = csvOptions(values, input);
  requireCurrentFolder(values.map === undefined ? [input] : [input, values.map]);
  const read = validateCohortFile(input, options);
  printIssues(io.err, read.warnings, 'warning: ', 'warning');
  unknownColumnsNote(io.err, read);
  if (read.ok) {
    io.out(`${input}: valid, ${read.patients.length} patients.`);
    return 0;
  }
  io.err(`${input}: ${read.issues.length} problem(s):`);
  printIssues(io.err, read.issues, '  ', 'problem');
  return 2;
}

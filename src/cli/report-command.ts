import { validateCohortFile } from '../node/validate-cohort-file.js';
import { writeReport } from '../node/write-report.js';
import { buildTrialReport } from '../report/build-trial-report.js';
import { analysisOptions } from './analysis-options.js';
import type { CliIo } from './cli-io.js';
import { cohortToReport } from './cohort-to-report.js';
import { csvOptions } from './csv-options.js';
import { exampleCohortPath } from './example-cohort-path.js';
import { HELP } from './help.js';
import { parseReportArgs } from './parse-report-args.js';
import { pauseHook } from './pause-hook.js';
import { printIssues } from './print-issues.js';
import { printWritten } from './print-written.js';
import { readFormats } from './read-formats.js';
import { requireCurrentFolder } from './require-current-folder.js';
import { unknownColumnsNote } from './unknown-columns-note.js';
import { UsageError } from './usage-error.js';
import { writeInterruptibly } from './write-interruptibly.js';

/**
 * `slnd-stats report [INPUT] [options]`: reads the cohort (the bundled example without INPUT),
 * analyses it and writes the report into --out, then prints its summary.
 *
 * @returns the exit status: 0 written, 2 a problem with the data, 130/143 interrupted.
 */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseReportArgs(args);
  if (values.help) {
    io.out(HELP.report);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`report takes one INPUT, got ${positionals.length}`);
  // An empty --out would resolve to the current folder and replace it.
  if (values.out === '') throw new UsageError('--out must name a folder. Value: "".');
  const formats = readFormats(values.format);
  requireCurrentFolder([
    ...positionals,
    values.out,
    ...(values.map === undefined ? [] : [values.map]),
  ]);
  const example = positionals[0] === undefined;
  const input = positionals[0] ?? exampleCohortPath();
  const read = validateCohortFile(input, csvOptions(values, input));
  // The warnings first, also when the input has problems: a column left out (a misspelt name)
  // is often why a required one is missing.
  if (!values.quiet) {
    printIssues(io.err, read.warnings, 'warning: ', 'warning');
    unknownColumnsNote(io.err, read);
  }
  const cohort = cohortToReport(io, input, read, values['exclude-invalid']);
  if (typeof cohort === 'number') return cohort;
  const analysis = analysisOptions(io, input, cohort.patients, values);
  if (typeof analysis === 'number') return analysis;
  const built = buildTrialReport(cohort.patients, {
    ...analysis,
    excluded: cohort.excluded,
    inputWarnings: read.warnings,
    // The patient flow given with the cohort; a screening with a problem of its own is left out
    // (with --exclude-invalid), never reported as if it added up.
    notOperated: read.notOperated,
    ...(read.screening === null || read.issues.some((i) => i.path.startsWith('screening'))
      ? {}
      : { screening: read.screening }),
    ...(example
      ? { title: 'Salvage lymph node dissection trial: endpoint report (synthetic example cohort)' }
      : {}),
  });
  const full =
    read.source.sha256 === null
      ? built
      : {
          ...built,
          source: {
            path: example ? 'examples/example-cohort.json' : input,
            sha256: read.source.sha256,
          },
        };
  const written = await writeInterruptibly(io, values.out, (signal) =>
    writeReport(full, values.out, formats, {
      signal,
      inputPath: read.source.path,
      onFileWritten: pauseHook(io, signal),
    }),
  );
  if (typeof written === 'number') return written;
  if (!values.quiet) printWritten(io, full, written, formats);
  return 0;
}

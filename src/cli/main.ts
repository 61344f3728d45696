// The `slnd-stats` command (node only): report, validate, schema. Exit status 0 on success,
// 2 for a problem with the user's data or arguments (reported, never a stack trace; any
// SlndStatsError counts as one), 1 for an internal error, 130 or 143 when interrupted by
// SIGINT or SIGTERM while writing. See docs/errors.md.
import { existsSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SlndStatsError } from '../errors.js';
import type { CohortInputIssue } from '../input/cohort-input-error.js';
import { columnMappingJsonSchema } from '../input/column-mapping-schema.js';
import { CSV_DIALECTS, type CsvDialect } from '../input/csv-dialect.js';
import type { UnknownColumns } from '../input/validate-cohort-csv.js';
import { cohortAsOf } from '../model/cohort-as-of.js';
import { cohortJsonSchema } from '../model/cohort-schema.js';
import { isCalendarDate, isIsoDate, MAX_YEAR, MIN_YEAR } from '../model/iso-date.js';
import type { Patient } from '../model/types.js';
import { printableLine } from '../node/printable-line.js';
import {
  type ValidateCohortFileOptions,
  type ValidateCohortFileResult,
  validateCohortFile,
} from '../node/validate-cohort-file.js';
import { type ReportFormat, writeReport } from '../node/write-report.js';
import { reportSummary } from '../render/report-summary.js';
import { buildTrialReport, type TrialReportOptions } from '../report/build-trial-report.js';
import { DEFAULT_STOPPING_RULE, stoppingRuleFromSpec } from '../report/stopping-rule-spec.js';
import type { ExcludedPatient, TrialReport } from '../report/trial-report.js';
import { VERSION } from '../version.js';

/** Where the command writes its text; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const HELP = {
  main: `slnd-stats ${VERSION}: statistics for the sLND prostate cancer trial

Usage:
  slnd-stats report [INPUT] [options]   every endpoint, with plots, as HTML, Markdown and JSON
  slnd-stats validate INPUT [options]   list every problem in a cohort (nothing else)
  slnd-stats schema [--mapping]         print the JSON Schema of a cohort (or mapping) file

INPUT is a cohort JSON file or a folder of CSV files (patients.csv, psa.csv,
complications.csv, optional testosterone.csv, not-operated.csv, screening.csv); see
docs/data-format.md. Without INPUT, report uses the bundled synthetic example cohort.

  -h, --help      help (also after a command)
  -v, --version   the version`,
  report: `Usage: slnd-stats report [INPUT] [options]

Writes report.html, report.md (with plots/*.svg) and report.json, and prints a summary.

Options:
  --out DIR            folder to write to (default: slnd-stats-report)
  --format LIST        any of html,md,json (default: html,md,json)
  --as-of DATE         data cut, YYYY-MM-DD (default: the latest last follow-up)
  --rule SPEC          safety stopping rule, one of
                         pocock:P0,P1,N  obf:P0,P1,N  bayes:MAXRATE,THRESHOLD,N
                       (default: ${DEFAULT_STOPPING_RULE}, marked in the report as a default)
  --crpc SOURCE        castration resistance: recorded (default) or derived from each
                       patient's PSA and testosterone
  --crpc-definition D  eau (default) or pcwg3: the definition the labs are checked against
  --exclude-invalid    analyse the valid patients; list every excluded one with its reasons
  --quiet              print nothing on success
  -h, --help           this help

CSV folder options (report and validate):
  --unknown-columns M  a column the layout does not know: warn (default; printed, then
                       left out), ignore, or error
  --csv-dialect D      standard (default: "," decimal point, YYYY-MM-DD) or de (";",
                       decimal comma, DD.MM.YYYY, ja/nein); never guessed
  --map FILE           a column mapping (JSON): the export's own column names and codes
                       onto this layout (docs/data-format.md, "Column mappings")

The folder is replaced as a whole, atomically: it is either the complete new report or as it
was. It must be new, empty or hold only an earlier report.

Exit status: 0 written, 2 a problem with the data or the arguments (nothing written), 1 an
internal error, 130/143 interrupted by SIGINT/SIGTERM (nothing written).`,
  validate: `Usage: slnd-stats validate INPUT [options]

Checks a cohort JSON file or CSV folder and lists every problem with its file, line,
column or patient and field, and every warning. Exit status 0 when valid, 2 otherwise.

CSV folder options (report and validate):
  --unknown-columns M  a column the layout does not know: warn (default; printed, then
                       left out), ignore, or error
  --csv-dialect D      standard (default: "," decimal point, YYYY-MM-DD) or de (";",
                       decimal comma, DD.MM.YYYY, ja/nein); never guessed
  --map FILE           a column mapping (JSON): the export's own column names and codes
                       onto this layout (docs/data-format.md, "Column mappings")
  -h, --help           this help`,
  schema: `Usage: slnd-stats schema [--mapping]

Prints the JSON Schema (2020-12) of a cohort file, or with --mapping of a column
mapping file (--map).`,
} as const;

/** A problem with the user's input: reported without a stack trace, exit status 2. */
class UsageError extends Error {}

/**
 * The most issues (and, separately, warnings) printed; the rest are counted. A cohort with
 * thousands of problems has one or two mistakes repeated: the first hundred show them, and the
 * output stays readable (a million identical rows once gave a million warning lines).
 */
export const MAX_PRINTED_ISSUES = 100;

/** Exit statuses of a run interrupted while writing: 128 + the signal's number, as shells do. */
const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * A test hook: after writing this file of the report (e.g. `report.html`) into the temporary
 * folder, the command says so on stderr and waits, so a test can interrupt it at that moment.
 */
const PAUSE_HOOK = 'SLND_STATS_TEST_PAUSE_AFTER';

/** The current folder, or null when it no longer exists (deleted while the shell was in it). */
function currentFolder(): string | null {
  try {
    return process.cwd();
  } catch {
    return null;
  }
}

/** Throws a UsageError when the current folder is gone and one of `paths` is relative to it. */
function requireCurrentFolder(paths: readonly string[]): void {
  if (currentFolder() !== null) return;
  const relativePath = paths.find((p) => !isAbsolute(p));
  if (relativePath !== undefined) {
    throw new UsageError(
      `the current folder no longer exists (deleted or moved), so the relative path ` +
        `"${relativePath}" leads nowhere: cd to an existing folder, or give absolute paths`,
    );
  }
}

/** Prints the first {@link MAX_PRINTED_ISSUES} of `issues`, each after `prefix`, then a count. */
function printIssues(
  write: (text: string) => void,
  issues: readonly CohortInputIssue[],
  prefix: string,
  what: string,
): void {
  for (const issue of issues.slice(0, MAX_PRINTED_ISSUES)) write(`${prefix}${issue.message}`);
  const more = issues.length - MAX_PRINTED_ISSUES;
  if (more > 0) write(`${prefix}... and ${more} more ${what}(s), not shown`);
}

/** The bundled synthetic example cohort, beside the build (dist/) or the sources (src/cli/). */
function exampleCohortPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    '../examples/example-cohort.json',
    '../../examples/example-cohort.json',
  ]) {
    const path = join(here, candidate);
    if (existsSync(path)) return path;
  }
  throw new Error('the bundled example cohort (examples/example-cohort.json) is missing');
}

const FORMATS: readonly ReportFormat[] = ['html', 'md', 'json'];

/** The options of report and validate about a CSV folder, as parseArgs reads them. */
const CSV_OPTIONS = {
  'unknown-columns': { type: 'string' },
  'csv-dialect': { type: 'string' },
  map: { type: 'string' },
} as const;

/** `--unknown-columns` values and the library's `unknownColumns` they stand for. */
const UNKNOWN_COLUMNS_FLAG: Readonly<Record<string, UnknownColumns>> = {
  warn: 'warning',
  ignore: 'ignore',
  error: 'error',
};

/**
 * The reading options of `--unknown-columns` (default warn), `--csv-dialect` and `--map`,
 * checked. They are about the columns of a CSV folder: given for a JSON file, they are an
 * error rather than silently without effect.
 */
function csvOptions(
  values: { 'unknown-columns'?: string; 'csv-dialect'?: string; map?: string },
  input: string,
): ValidateCohortFileOptions {
  const given = (['unknown-columns', 'csv-dialect', 'map'] as const).filter(
    (name) => values[name] !== undefined,
  );
  if (given.length > 0 && extname(input).toLowerCase() === '.json') {
    throw new UsageError(
      `--${given[0]} is about the columns of a folder of CSV files; ${input} is a cohort JSON file, which has one form`,
    );
  }
  const unknown = values['unknown-columns'] ?? 'warn';
  if (!Object.hasOwn(UNKNOWN_COLUMNS_FLAG, unknown)) {
    throw new UsageError(`--unknown-columns must be warn, ignore or error. Value: "${unknown}".`);
  }
  const dialect = values['csv-dialect'] ?? 'standard';
  if (!(CSV_DIALECTS as readonly string[]).includes(dialect)) {
    throw new UsageError(`--csv-dialect must be standard or de. Value: "${dialect}".`);
  }
  if (values.map === '') throw new UsageError('--map must name a column mapping file. Value: "".');
  return {
    unknownColumns: UNKNOWN_COLUMNS_FLAG[unknown]!,
    csvDialect: dialect as CsvDialect,
    ...(values.map === undefined ? {} : { columnMapping: values.map }),
  };
}

/** A note after the warnings when columns were left out, saying how to refuse or hide them. */
function unknownColumnsNote(write: (text: string) => void, read: ValidateCohortFileResult): void {
  const left = read.warnings.filter((w) => w.code === 'unknown_column').length;
  if (left === 0) return;
  write(
    `note: ${left} column(s) the layout does not know were left out (warnings above); ` +
      '--unknown-columns error refuses them, --unknown-columns ignore hides them',
  );
}

/** The arguments of `report`, as parseArgs reads them. */
function parseReportArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'slnd-stats-report' },
      format: { type: 'string', default: 'html,md,json' },
      'as-of': { type: 'string' },
      rule: { type: 'string' },
      crpc: { type: 'string' },
      'crpc-definition': { type: 'string' },
      'exclude-invalid': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...CSV_OPTIONS,
    },
  });
}

type ReportValues = ReturnType<typeof parseReportArgs>['values'];

async function report(args: string[], io: CliIo): Promise<number> {
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

/** `--format` read: a comma-separated list of html, md and json. */
function readFormats(format: string): ReportFormat[] {
  const formats = format.split(',').map((f) => f.trim());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`--format: "${f}" is not one of ${FORMATS.join(', ')}`);
    }
  }
  return formats as ReportFormat[];
}

/**
 * The patients to report on: all of them when the input is valid; with --exclude-invalid the
 * valid ones, every other listed with its reasons. Otherwise (problems, or no patient left) the
 * problems are printed and the exit status 2 returned.
 */
function cohortToReport(
  io: CliIo,
  input: string,
  read: ValidateCohortFileResult,
  excludeInvalid: boolean,
): { patients: Patient[]; excluded: ExcludedPatient[] } | number {
  let patients = read.patients;
  const excluded: ExcludedPatient[] = [];
  if (!read.ok) {
    if (!excludeInvalid || read.validPatients.length === 0) {
      io.err(`${input}: ${read.issues.length} problem(s); no report written.`);
      printIssues(io.err, read.issues, '  ', 'problem');
      if (excludeInvalid) io.err('No valid patient is left to analyse.');
      return 2;
    }
    const reasons = new Map<string | null, string[]>();
    for (const issue of read.issues) {
      reasons.set(issue.patientId, [...(reasons.get(issue.patientId) ?? []), issue.message]);
    }
    for (const [patientId, list] of reasons) excluded.push({ patientId, reasons: list });
    patients = read.validPatients;
  }
  if (patients === null || patients.length === 0) {
    // An empty cohort (a CSV export with only headers) would give a report of nothing, with a
    // data cut of 1970-01-01: say so instead.
    io.err(`${input}: the cohort has no patients; no report written.`);
    return 2;
  }
  return { patients, excluded };
}

/**
 * The analysis options `--as-of`, `--rule`, `--crpc` and `--crpc-definition`, checked. They
 * are the user's to fix: checked here, so that an error from the analysis itself stays an
 * internal error (exit 1) rather than passing for a usage error. A data cut before every
 * surgery is reported, with the exit status 2 returned.
 */
function analysisOptions(
  io: CliIo,
  input: string,
  patients: readonly Patient[],
  values: ReportValues,
): TrialReportOptions | number {
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new UsageError(
      isCalendarDate(asOf)
        ? `--as-of must be a date in the years ${MIN_YEAR}-${MAX_YEAR}. Value: "${asOf}".`
        : `--as-of must be a calendar date written YYYY-MM-DD. Value: "${asOf}".`,
    );
  }
  if (asOf !== undefined && cohortAsOf(patients, asOf).patients.length === 0) {
    // A cut before every surgery leaves no patient: as for an empty cohort, no report of none.
    const first = patients.reduce((a, p) => (p.surgeryDate < a ? p.surgeryDate : a), '9999-12-31');
    io.err(
      `${input}: no patient was operated on or before --as-of ${asOf} (the first sLND is on ` +
        `${first}); no report written.`,
    );
    return 2;
  }
  if (values.rule !== undefined) {
    try {
      stoppingRuleFromSpec(values.rule);
    } catch (error) {
      throw new UsageError(`--rule: ${(error as Error).message}`);
    }
  }
  const crpc = values.crpc;
  if (crpc !== undefined && crpc !== 'recorded' && crpc !== 'derived') {
    throw new UsageError(`--crpc must be recorded or derived. Value: "${crpc}".`);
  }
  const crpcDefinition = values['crpc-definition'];
  if (crpcDefinition !== undefined && crpcDefinition !== 'eau' && crpcDefinition !== 'pcwg3') {
    throw new UsageError(`--crpc-definition must be eau or pcwg3. Value: "${crpcDefinition}".`);
  }
  return {
    ...(asOf === undefined ? {} : { asOf }),
    ...(values.rule === undefined ? {} : { rule: values.rule }),
    ...(crpc === undefined ? {} : { castrationResistance: crpc }),
    ...(crpcDefinition === undefined ? {} : { castrationResistanceDefinition: crpcDefinition }),
  };
}

/** The summary of the report, then the files written (relative to the current folder). */
function printWritten(
  io: CliIo,
  full: TrialReport,
  written: readonly string[],
  formats: readonly ReportFormat[],
): void {
  io.out(reportSummary(full));
  const cwd = currentFolder();
  const shown = written
    .filter((p) => !p.includes(`${sep}plots${sep}`))
    .map((p) => {
      if (cwd === null) return p;
      const r = relative(cwd, p);
      return r.startsWith('..') ? p : r;
    });
  const plots = formats.includes('md') ? ' (plots in plots/)' : '';
  io.out(`\nWrote ${shown.join(', ')}${plots}`);
}

/**
 * Runs `write` with SIGINT and SIGTERM turned into an abort: the writer removes its temporary
 * folder and leaves --out as it was, and the command exits 130 or 143. Outside this window the
 * signals keep their default action: before writing there is nothing to clean up.
 *
 * @returns the paths written, or the exit status when interrupted.
 */
async function writeInterruptibly(
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

/** The {@link PAUSE_HOOK} test hook, or nothing when the variable is not set. */
function pauseHook(io: CliIo, signal: AbortSignal): ((file: string) => Promise<void>) | undefined {
  const after = process.env[PAUSE_HOOK];
  if (after === undefined || after === '') return undefined;
  return async (file) => {
    if (file !== after) return;
    io.err(`slnd-stats: paused after writing ${file} (${PAUSE_HOOK})`);
    await sleep(60_000, undefined, { signal });
  };
}

function validate(args: string[], io: CliIo): number {
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

function schema(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: {
      mapping: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) io.out(HELP.schema);
  else {
    const json = values.mapping ? columnMappingJsonSchema() : cohortJsonSchema();
    io.out(JSON.stringify(json, null, 2));
  }
  return 0;
}

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
    if (command === 'report') return await report(rest, safe);
    if (command === 'validate') return validate(rest, safe);
    if (command === 'schema') return schema(rest, safe);
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

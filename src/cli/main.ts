// The `slnd-stats` command (node only): report, validate, schema. Exit status 0 on success,
// 2 for a problem with the user's data or arguments (reported, never a stack trace; any
// SlndStatsError counts as one), 1 for an internal error. See docs/errors.md.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SlndStatsError } from '../errors.js';
import { cohortJsonSchema } from '../model/cohort-schema.js';
import { isIsoDate } from '../model/iso-date.js';
import { readCohort } from '../node/read-cohort.js';
import { type ReportFormat, writeReport } from '../node/write-report.js';
import { reportSummary } from '../render/report-summary.js';
import { buildTrialReport } from '../report/build-trial-report.js';
import { DEFAULT_STOPPING_RULE, stoppingRuleFromSpec } from '../report/stopping-rule-spec.js';
import type { ExcludedPatient } from '../report/trial-report.js';
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
  slnd-stats validate INPUT             list every problem in a cohort (nothing else)
  slnd-stats schema                     print the JSON Schema of a cohort file

INPUT is a cohort JSON file or a folder of CSV files (patients.csv, psa.csv,
complications.csv, optional testosterone.csv); see docs/data-format.md.
Without INPUT, report uses the bundled synthetic example cohort.

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

Exit status: 0 written, 2 a problem with the data or the arguments, 1 an internal error.`,
  validate: `Usage: slnd-stats validate INPUT

Checks a cohort JSON file or CSV folder and lists every problem with its file, line,
column or patient and field. Exit status 0 when valid, 2 otherwise.`,
  schema: `Usage: slnd-stats schema

Prints the JSON Schema (2020-12) of a cohort file.`,
} as const;

/** A problem with the user's input: reported without a stack trace, exit status 2. */
class UsageError extends Error {}

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

function report(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
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
    },
  });
  if (values.help) {
    io.out(HELP.report);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`report takes one INPUT, got ${positionals.length}`);
  const formats = values.format.split(',').map((f) => f.trim());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`--format: "${f}" is not one of ${FORMATS.join(', ')}`);
    }
  }
  const example = positionals[0] === undefined;
  const input = positionals[0] ?? exampleCohortPath();
  const read = readCohort(input);
  let patients = read.patients;
  const excluded: ExcludedPatient[] = [];
  if (!read.ok) {
    if (!values['exclude-invalid'] || read.validPatients.length === 0) {
      io.err(`${input}: ${read.issues.length} problem(s); no report written.`);
      for (const issue of read.issues) io.err(`  ${issue.message}`);
      if (values['exclude-invalid']) io.err('No valid patient is left to analyse.');
      return 2;
    }
    const reasons = new Map<string | null, string[]>();
    for (const issue of read.issues) {
      reasons.set(issue.patientId, [...(reasons.get(issue.patientId) ?? []), issue.message]);
    }
    for (const [patientId, list] of reasons) excluded.push({ patientId, reasons: list });
    patients = read.validPatients;
  }
  for (const warning of read.warnings) if (!values.quiet) io.err(`warning: ${warning.message}`);
  if (patients === null || patients.length === 0) {
    // An empty cohort (a CSV export with only headers) would give a report of nothing, with a
    // data cut of 1970-01-01: say so instead.
    io.err(`${input}: the cohort has no patients; no report written.`);
    return 2;
  }

  // The options are the user's to fix: checked here, so that an error from the analysis itself
  // stays an internal error (exit 1) rather than passing for a usage error.
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new UsageError(`--as-of must be a calendar date written YYYY-MM-DD. Value: "${asOf}".`);
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
  const built = buildTrialReport(patients, {
    ...(asOf === undefined ? {} : { asOf }),
    ...(values.rule === undefined ? {} : { rule: values.rule }),
    ...(crpc === undefined ? {} : { castrationResistance: crpc }),
    ...(crpcDefinition === undefined ? {} : { castrationResistanceDefinition: crpcDefinition }),
    excluded,
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
  let written: string[];
  try {
    written = writeReport(full, values.out, formats as ReportFormat[]);
  } catch (error) {
    // The file system's refusal (ENOTDIR, EACCES, ENOSPC, ...) is about the --out the user gave.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new UsageError(
        `--out ${values.out}: cannot write the report: ${(error as Error).message}`,
      );
    }
    throw error;
  }
  if (!values.quiet) {
    io.out(reportSummary(full));
    const shown = written
      .filter((p) => !p.includes(`${sep}plots${sep}`))
      .map((p) => {
        const r = relative(process.cwd(), p);
        return r.startsWith('..') ? p : r;
      });
    io.out(`\nWrote ${shown.join(', ')} (plots in plots/)`);
  }
  return 0;
}

function validate(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(HELP.validate);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one INPUT');
  const read = readCohort(positionals[0] as string);
  for (const warning of read.warnings) io.err(`warning: ${warning.message}`);
  if (read.ok) {
    io.out(`${positionals[0]}: valid, ${read.patients.length} patients.`);
    return 0;
  }
  io.err(`${positionals[0]}: ${read.issues.length} problem(s):`);
  for (const issue of read.issues) io.err(`  ${issue.message}`);
  return 2;
}

/**
 * Runs the command line `args` (without `node` and the script) and returns the exit status.
 *
 * @example process.exitCode = runCli(process.argv.slice(2));
 */
export function runCli(
  args: readonly string[],
  io: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t) },
): number {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(HELP.main);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.out(VERSION);
      return 0;
    }
    if (command === 'report') return report(rest, io);
    if (command === 'validate') return validate(rest, io);
    if (command === 'schema') {
      if (rest.includes('-h') || rest.includes('--help')) io.out(HELP.schema);
      else io.out(JSON.stringify(cohortJsonSchema(), null, 2));
      return 0;
    }
    throw new UsageError(`unknown command "${command}"; see slnd-stats --help`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`slnd-stats: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof SlndStatsError) {
      // A data error the reader's checks did not catch (e.g. from an analysis): still the
      // user's data, so exit 2 with its stable code, never a stack trace.
      io.err(`slnd-stats: ${error.message} (${error.code})`);
      return 2;
    }
    io.err(`slnd-stats: internal error: ${(error as Error).message ?? String(error)}`);
    if (process.env['SLND_STATS_DEBUG']) io.err(String((error as Error).stack));
    return 1;
  }
}

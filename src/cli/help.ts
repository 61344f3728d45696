import { DEFAULT_STOPPING_RULE } from '../report/stopping-rule-spec.js';
import { VERSION } from '../version.js';

/** The help texts: of the command, and of each subcommand. */
/** The CSV folder options, the same for `report` and `validate`. */
const CSV_OPTIONS = `CSV folder options (report and validate):
  --unknown-columns M  a column the layout does not know: warn (default; printed, then
                       left out), ignore, or error
  --csv-dialect D      standard (default: "," decimal point, YYYY-MM-DD) or de (";",
                       decimal comma, DD.MM.YYYY, ja/nein); never guessed
  --map FILE           a column mapping (JSON): the export's own column names and codes
                       onto this layout (docs/data-format.md, "Column mappings")`;

export const HELP = {
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

${CSV_OPTIONS}

The folder is replaced as a whole, atomically: it is either the complete new report or as it
was. It must be new, empty or hold only an earlier report.

Exit status: 0 written, 2 a problem with the data or the arguments (nothing written), 1 an
internal error, 130/143 interrupted by SIGINT/SIGTERM (nothing written).`,
  validate: `Usage: slnd-stats validate INPUT [options]

Checks a cohort JSON file or CSV folder and lists every problem with its file, line,
column or patient and field, and every warning. Exit status 0 when valid, 2 otherwise.

${CSV_OPTIONS}
  -h, --help           this help`,
  schema: `Usage: slnd-stats schema [--mapping]

Prints the JSON Schema (2020-12) of a cohort file, or with --mapping of a column
mapping file (--map).`,
} as const;

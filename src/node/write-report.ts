import { assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { reportDocument } from '../render/report-document.js';
import { htmlPage } from '../render/report-html.js';
import { blocksToMarkdown } from '../render/report-markdown.js';
import type { TrialReport } from '../report/trial-report.js';
import { type ReportFile, replaceReportFolder } from './replace-report-folder.js';

/** The formats `writeReport` can write. */
export type ReportFormat = 'html' | 'md' | 'json';

const FORMATS: readonly ReportFormat[] = ['html', 'md', 'json'];

/** How {@link writeReport} writes. */
export interface WriteReportOptions {
  /**
   * Stops the writing (e.g. on SIGINT): the temporary folder is removed, `outDir` is left as it
   * was, and the promise rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
  /**
   * The cohort the report was read from: refused (`REPORT_OUT_HOLDS_INPUT`) when it lies inside
   * `outDir`, since replacing the folder would delete it.
   */
  readonly inputPath?: string;
  /**
   * Awaited after each file is written into the temporary folder, with its path inside the
   * report folder (`report.html`, `plots/km-overall.svg`).
   */
  readonly onFileWritten?: (file: string) => void | Promise<void>;
}

/** The files of a report in `formats`, rendered in memory before anything is written. */
function reportFiles(report: TrialReport, formats: readonly ReportFormat[]): ReportFile[] {
  const files: ReportFile[] = [];
  // The blocks, plots included, are built once for the HTML, the Markdown and the SVG files.
  const blocks = formats.includes('html') || formats.includes('md') ? reportDocument(report) : [];
  if (formats.includes('html')) {
    files.push({ name: 'report.html', text: htmlPage(report.title, blocks) });
  }
  if (formats.includes('md')) {
    files.push({ name: 'report.md', text: blocksToMarkdown(blocks) });
    for (const block of blocks) {
      if (block.kind === 'figure') files.push({ name: block.file, text: block.svg });
    }
  }
  if (formats.includes('json')) {
    files.push({ name: 'report.json', text: `${JSON.stringify(report, null, 2)}\n` });
  }
  return files;
}

/**
 * Writes a report to a folder (node only): `report.html` (self-contained), `report.md` with its
 * plots as `plots/*.svg`, and `report.json` (the report's plain data: every number it shows).
 *
 * The folder is either the complete new report or untouched: every file is written into a
 * temporary folder beside it, which is then renamed into place, replacing an earlier report as
 * a whole (so no file of the earlier report stays beside the new ones). On a full disk, any
 * other failure or an abort, the temporary folder is removed and the folder is as it was. No
 * file is ever written through a symbolic link. Because the folder is replaced, it must be new,
 * empty or hold only an earlier report (`report.*`, `plots/*.svg`); anything else is refused.
 *
 * @param report - a report from `buildTrialReport`.
 * @param outDir - the folder; its parent folders are created when missing.
 * @param formats - which files to write (default all three).
 * @param options - an abort signal, the input path to protect, a hook after each file.
 * @returns the absolute paths written.
 * @throws {TypeError} when `outDir` is not a non-empty string or `formats` is not an array.
 * @throws {RangeError} when a format is not `html`, `md` or `json`.
 * @throws {SlndStatsError} `REPORT_OUT_LINK` when `outDir` is or holds a symbolic link,
 *   `REPORT_OUT_NOT_A_REPORT` when it is a file or holds anything but an earlier report,
 *   `REPORT_OUT_HOLDS_INPUT` when it holds `options.inputPath`, `REPORT_OUT_HOLDS_CWD` when it
 *   is (or holds) the current folder.
 * @throws {Error} the file system's error when the folder cannot be written (ENOSPC, EACCES,
 *   ENOTDIR, ...); `options.signal.reason` when aborted.
 * @example await writeReport(report, 'out', ['html', 'json']);
 */
export async function writeReport(
  report: TrialReport,
  outDir: string,
  formats: readonly ReportFormat[] = FORMATS,
  options: WriteReportOptions = {},
): Promise<string[]> {
  assertObject('report', report);
  if (typeof outDir !== 'string' || outDir === '') {
    throw new TypeError(`outDir must be a non-empty string. Value: ${describeValue(outDir)}.`);
  }
  if (!Array.isArray(formats)) {
    throw new TypeError(`formats must be an array. Value: ${describeValue(formats)}.`);
  }
  for (const [i, format] of formats.entries()) assertOneOf(`formats[${i}]`, format, FORMATS);
  return replaceReportFolder(outDir, reportFiles(report, formats), options);
}

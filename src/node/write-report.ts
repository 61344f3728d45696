import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reportDocument } from '../render/report-document.js';
import { reportToHtml } from '../render/report-html.js';
import { reportToMarkdown } from '../render/report-markdown.js';
import type { TrialReport } from '../report/trial-report.js';

/** The formats `writeReport` can write. */
export type ReportFormat = 'html' | 'md' | 'json';

/**
 * Writes a report to a folder (node only): `report.html` (self-contained), `report.md` with its
 * plots as `plots/*.svg`, and `report.json` (the report's plain data: every number it shows).
 *
 * @param report - a report from `buildTrialReport`.
 * @param outDir - the folder, created when missing.
 * @param formats - which files to write (default all three).
 * @returns the absolute paths written.
 * @throws {Error} when the folder cannot be written (the file system's error).
 * @example writeReport(report, 'out', ['html', 'json']);
 */
export function writeReport(
  report: TrialReport,
  outDir: string,
  formats: readonly ReportFormat[] = ['html', 'md', 'json'],
): string[] {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    written.push(path);
  };
  if (formats.includes('html')) write('report.html', reportToHtml(report));
  if (formats.includes('md')) {
    write('report.md', reportToMarkdown(report));
    mkdirSync(join(dir, 'plots'), { recursive: true });
    for (const block of reportDocument(report)) {
      if (block.kind === 'figure') write(block.file, block.svg);
    }
  }
  if (formats.includes('json')) write('report.json', `${JSON.stringify(report, null, 2)}\n`);
  return written;
}

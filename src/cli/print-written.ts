import { relative, sep } from 'node:path';
import type { ReportFormat } from '../node/write-report.js';
import { reportSummary } from '../render/report-summary.js';
import type { TrialReport } from '../report/trial-report.js';
import type { CliIo } from './cli-io.js';
import { currentFolder } from './current-folder.js';

/** The summary of the report, then the files written (relative to the current folder). */
export function printWritten(
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

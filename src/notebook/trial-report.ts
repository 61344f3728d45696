import type { Patient } from '../model/types.js';
import { reportDocument } from '../render/report-document.js';
import { blocksToHtml } from '../render/report-html.js';
import { reportToMarkdown } from '../render/report-markdown.js';
import { reportSummary } from '../render/report-summary.js';
import {
  buildTrialReport as buildTrialReportData,
  type TrialCohort,
  type TrialReportOptions,
} from '../report/build-trial-report.js';
import type { TrialReport } from '../report/trial-report.js';
import { attachDisplay, type Displayable } from './attach-display.js';

/**
 * `buildTrialReport` from `src/report` with notebook display
 * attached: the same plain data (what `report.json` holds), plus non-enumerable `toHTML()` (the
 * report's body with its plots), `toMarkdown()` and `[Symbol.for('Jupyter.display')]()`; its
 * text form is the terminal summary.
 *
 * @param cohortOrPatients - the cohort as `parseCohort` returns it, or valid patients.
 * @param options - as the plain `buildTrialReport`'s.
 * @throws {TypeError|RangeError} as the report (a malformed date or rule names it).
 * @example buildTrialReport(simulateCohort({ n: 60, seed: 1 }).patients).toHTML();
 */
export function buildTrialReport(
  cohortOrPatients: readonly Patient[] | TrialCohort,
  options: TrialReportOptions = {},
): TrialReport & Displayable {
  const report = buildTrialReportData(cohortOrPatients, options);
  return attachDisplay(report, {
    text: () => reportSummary(report),
    html: () => blocksToHtml(reportDocument(report)),
    markdown: () => reportToMarkdown(report),
  });
}

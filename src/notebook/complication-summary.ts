import {
  type ComplicationSummary,
  type ComplicationSummaryOptions,
  complicationSummary as complicationSummaryData,
} from '../complications/complication-summary.js';
import type { Patient } from '../model/types.js';
import { percent, percentInterval } from '../render/format.js';
import { blocksToHtml } from '../render/report-html.js';
import { blocksToMarkdown } from '../render/report-markdown.js';
import { complicationBlocks } from '../render/sections/complications.js';
import { attachDisplay, type Displayable } from './attach-display.js';

/**
 * `complicationSummary` from `src/complications` with notebook
 * display attached: the same plain data, plus non-enumerable `toHTML()`, `toMarkdown()` and
 * `[Symbol.for('Jupyter.display')]()` showing the rates table.
 *
 * @param patients - the cohort.
 * @param options - `windowDays` (90), `method`, `confLevel`, `majorThreshold`.
 * @throws {TypeError|RangeError} as the summary.
 * @example complicationSummary(patients).toMarkdown();
 */
export function complicationSummary(
  patients: readonly Patient[],
  options: ComplicationSummaryOptions = {},
): ComplicationSummary & Displayable {
  const summary = complicationSummaryData(patients, options);
  return attachDisplay(summary, {
    text: () =>
      summary.rows
        .map(
          (r) =>
            `${r.label}: ${r.count}/${r.n} ${percent(r.estimate)} (${percentInterval(r.lower, r.upper)})`,
        )
        .join('\n'),
    html: () => blocksToHtml(complicationBlocks(summary)),
    markdown: () => blocksToMarkdown(complicationBlocks(summary)),
  });
}

import {
  type ComplicationSummary,
  type ComplicationSummaryOptions,
  complicationSummary as complicationSummaryData,
} from '../complications/complication-summary.js';
import type { Patient } from '../model/types.js';
import { attachDisplay, type Displayable } from '../render/attach-display.js';
import { fixed, percent, percentInterval } from '../render/format.js';
import type { Block } from '../render/report-document.js';
import { blocksToHtml } from '../render/report-html.js';
import { blocksToMarkdown } from '../render/report-markdown.js';

function blocks(summary: ComplicationSummary): Block[] {
  return [
    {
      kind: 'table',
      header: [
        'Worst grade per patient',
        'Patients',
        'Rate',
        `${Math.round(summary.confLevel * 100)}% CI`,
      ],
      numeric: [1, 2],
      rows: summary.rows.map((r) => [
        r.label,
        `${r.count}/${r.n}`,
        percent(r.rate),
        percentInterval(r.lower, r.upper),
      ]),
    },
    {
      kind: 'paragraph',
      text: `${summary.totalEvents} complication(s) within ${summary.windowDays} days; CCI median ${fixed(summary.cci.median, 1)} (IQR ${fixed(summary.cci.q1, 1)} to ${fixed(summary.cci.q3, 1)}).`,
    },
    ...(summary.notes.length > 0 ? [{ kind: 'list' as const, items: summary.notes }] : []),
  ];
}

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
            `${r.label}: ${r.count}/${r.n} ${percent(r.rate)} (${percentInterval(r.lower, r.upper)})`,
        )
        .join('\n'),
    html: () => blocksToHtml(blocks(summary)),
    markdown: () => blocksToMarkdown(blocks(summary)),
  });
}

import { fixed } from '../render/format.js';
import type { Block } from '../render/report-document.js';
import { blocksToHtml } from '../render/report-html.js';
import { blocksToMarkdown } from '../render/report-markdown.js';
import {
  type GroupedSurvivalInput,
  type LogRankOptions,
  type LogRankResult,
  logRank as logRankData,
} from '../survival/log-rank.js';
import { attachDisplay, type Displayable } from './attach-display.js';

function blocks(test: LogRankResult): Block[] {
  return [
    {
      kind: 'table',
      header: ['group', 'observed', 'expected', '(O-E)^2/E'],
      numeric: [1, 2, 3],
      rows: test.groups.map((g, i) => {
        const o = test.observed[i] ?? 0;
        const e = test.expected[i] ?? 0;
        return [
          String(g),
          String(o),
          fixed(e, 2),
          e > 0 ? fixed(((o - e) * (o - e)) / e, 3) : 'NA',
        ];
      }),
    },
    {
      kind: 'paragraph',
      text: `Chisq = ${fixed(test.statistic, 3)} on ${test.df} degrees of freedom, p = ${test.pValue === null ? 'NA' : test.pValue.toPrecision(4)}`,
    },
  ];
}

/**
 * `logRank` from `src/survival` (R's `survdiff`) with notebook display
 * attached: the same plain data, plus non-enumerable `toHTML()`, `toMarkdown()` and
 * `[Symbol.for('Jupyter.display')]()` showing the observed and expected table as R prints it.
 *
 * @param input - rows or columns of `{ time, event, group, stratum? }`.
 * @param options - `rho` (0: log-rank; 1: Peto-Peto).
 * @throws {TypeError|RangeError} as the test.
 * @example logRank({ time: [1, 2, 3, 4], event: [1, 1, 1, 0], group: ['a', 'b', 'a', 'b'] }).toHTML();
 */
export function logRank(
  input: GroupedSurvivalInput,
  options: LogRankOptions = {},
): LogRankResult & Displayable {
  const test = logRankData(input, options);
  return attachDisplay(test, {
    text: () => (blocks(test)[1] as { text: string }).text,
    html: () => blocksToHtml(blocks(test)),
    markdown: () => blocksToMarkdown(blocks(test)),
  });
}

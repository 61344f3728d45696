// slnd-stats/notebook: everything the main entry and slnd-stats/csv export, with display for
// notebooks, plus the report's renderings (HTML, Markdown, text). One import gives results their
// display and reads CSV exports:
//
//   import * as slnd from 'slnd-stats/notebook';
//   slnd.kaplanMeier(records); // Deno's Jupyter kernel shows the curve and its table
//
// The five functions below return the same plain data as the main entry's functions of the same
// names (identical keys and JSON), with non-enumerable display members attached; a name exported
// here takes the place of the main entry's (an explicit export shadows `export *`). The main
// entry stays free of rendering and plotting code, so a browser bundle of an analysis never
// carries this module's code.

export * from '../index.js';
export * from '../input/index.js';
export type { Block } from '../render/block.js';
export { reportDocument } from '../render/report-document.js';
export { blocksToHtml, reportToHtml } from '../render/report-html.js';
export { blocksToMarkdown, escapeMarkdown, reportToMarkdown } from '../render/report-markdown.js';
export { reportSummary } from '../render/report-summary.js';
export {
  type Displayable,
  type DisplayableWithSvg,
  type DisplayViews,
  JUPYTER_DISPLAY,
  type MimeBundle,
} from './attach-display.js';
export { complicationSummary } from './complication-summary.js';
export { evaluateStoppingRule } from './evaluate-stopping-rule.js';
export { kaplanMeier } from './kaplan-meier.js';
export { logRank } from './log-rank.js';
export { buildTrialReport } from './trial-report.js';

import { visibleText } from '../_lib/visible-text.js';
import type { TrialReport } from '../report/trial-report.js';
import type { Block } from './block.js';
import { reportDocument } from './report-document.js';

/**
 * Escapes text for Markdown (CommonMark and GitHub's) so that it renders as itself, and reads as
 * itself in the file, with no HTML entity in it:
 * - invisible and display-controlling characters become visible escapes, and line breaks and
 *   tabs spaces (`visibleText`), so data can neither start a new block nor hide;
 * - every character that could start inline markup (emphasis, strike-through, code, links,
 *   images, HTML, entities, table cells, headings) is backslash-escaped, which CommonMark allows
 *   for any ASCII punctuation;
 * - GitHub's autolinks are broken: the `:` of `http://` and `https://`, the `.` of `www.` and
 *   every `@` (e-mail, `mailto:`, `xmpp:`) are escaped too.
 */
export function escapeMarkdown(text: string): string {
  return visibleText(text)
    .replace(/([\\`*_[\]|#<>&~@])/g, '\\$1')
    .replace(/(https?):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.');
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const numeric = new Set(block.numeric ?? []);
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const rule = `| ${block.header.map((_, i) => (numeric.has(i) ? '---:' : '---')).join(' | ')} |`;
  return [row(block.header), rule, ...block.rows.map(row)].join('\n');
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'callout':
      return `> **${escapeMarkdown(block.text)}**`;
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    case 'table':
      return table(block);
    case 'figure':
      return `![${escapeMarkdown(block.caption)}](${block.file})`;
  }
}

/** Renders report blocks as Markdown; every text is escaped. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

/**
 * The report as Markdown (GitHub-flavoured tables). Plots are linked as the SVG files that
 * `writeReport` writes beside `report.md` (`plots/*.svg`).
 *
 * @param report - a report from `buildTrialReport`.
 * @returns the Markdown text, ending with a newline.
 * @example writeFileSync('report.md', reportToMarkdown(report));
 */
export function reportToMarkdown(report: TrialReport): string {
  return blocksToMarkdown(reportDocument(report));
}

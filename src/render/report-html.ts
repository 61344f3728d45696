import { escapeXml } from '../_lib/escape-xml.js';
import type { TrialReport } from '../report/trial-report.js';
import type { Block } from './block.js';
import { reportDocument } from './report-document.js';

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:980px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.8rem 0;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .7rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.num,th.num{text-align:right}td.num{white-space:nowrap}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{color:#555;font-size:.9rem}
.callout{padding:.6rem .9rem;border-radius:4px;margin:.8rem 0;font-weight:600}
.callout.ok{background:#e7f5ea;border-left:4px solid #2e7d32}.callout.warn{background:#fff4e0;border-left:4px solid #b26a00}.callout.alert{background:#fdecea;border-left:4px solid #c62828}.callout.note{background:#eef3fb;border-left:4px solid #1565c0}
`;

function table(block: Extract<Block, { kind: 'table' }>): string {
  const numeric = new Set(block.numeric ?? []);
  const cell = (tag: 'th' | 'td', text: string, i: number) =>
    `<${tag}${numeric.has(i) ? ' class="num"' : ''}>${escapeXml(text)}</${tag}>`;
  const head = `<tr>${block.header.map((h, i) => cell('th', h, i)).join('')}</tr>`;
  const body = block.rows
    .map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeXml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeXml(block.text)}</p>`;
    case 'callout':
      return `<p class="callout ${block.tone}">${escapeXml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return table(block);
    case 'figure':
      return `<figure>${block.svg}<figcaption>${escapeXml(block.caption)}</figcaption></figure>`;
  }
}

/**
 * Renders report blocks as HTML fragments: every text from the data is escaped; the figures are
 * the library's own SVG, whose data strings the plot functions escape.
 */
export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks.map(blockToHtml).join('\n');
}

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no external
 * resource (a Content-Security-Policy forbids any), every data string HTML-escaped.
 *
 * @param report - a report from `buildTrialReport`.
 * @returns the page, ending with a newline.
 * @example writeFileSync('report.html', reportToHtml(report));
 */
export function reportToHtml(report: TrialReport): string {
  return htmlPage(report.title, reportDocument(report));
}

/** The HTML page of blocks already built (internal: writeReport builds the blocks once). */
export function htmlPage(title: string, blocks: readonly Block[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${blocksToHtml(blocks)}
</body>
</html>
`;
}

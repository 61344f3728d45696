// Any string from the data (ids, reasons, the title) renders as the same literal text in the
// report's HTML (parsed by parse5, the HTML standard's parser), its Markdown (rendered by
// micromark with GitHub's extensions) and its SVG plots: never as an element, an attribute, a
// link, emphasis or a new block (issue 11, item 5). "The same text" is the text as the report
// shows it: visibleText's escapes for invisible and control characters, white space collapsed
// (HTML and Markdown both collapse it).
import { fc, test } from '@fast-check/vitest';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5';
import { describe, expect } from 'vitest';
import { visibleText } from '../../src/_lib/visible-text.js';
import type { Patient } from '../../src/model/types.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { kaplanMeierPlot } from '../../src/plot/kaplan-meier-plot.js';
import { waterfallPlot } from '../../src/plot/waterfall-plot.js';
import { reportToHtml } from '../../src/render/report-html.js';
import { reportToMarkdown } from '../../src/render/report-markdown.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { PARAMS, TIMEOUT } from './_config.js';

type Node = DefaultTreeAdapterMap['node'];

/** The elements our renderers write; anything else came from data. */
const HTML_ELEMENTS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'h3',
  'p',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'blockquote',
  'strong',
  'img',
  // the plots
  'svg',
  'g',
  'path',
  'line',
  'rect',
  'text',
  'desc',
  'circle',
  'polygon',
  'polyline',
  'defs',
  'pattern',
  'clippath',
  'tspan',
]);

/** Elements, attributes and text of a parsed tree. */
function walk(node: Node, out: { tags: string[]; attrs: [string, string][]; text: string[] }) {
  if (node.nodeName === '#text') out.text.push((node as { value: string }).value);
  if ('tagName' in node) {
    out.tags.push(node.tagName.toLowerCase());
    for (const a of node.attrs) out.attrs.push([a.name, a.value]);
  }
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) walk(child as Node, out);
  if ('content' in node) walk(node.content as unknown as Node, out);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Asserts the tree holds only our elements and safe attributes, and every string as text. */
function expectOnlyText(root: Node, strings: readonly string[], where: string) {
  const out = { tags: [] as string[], attrs: [] as [string, string][], text: [] as string[] };
  walk(root, out);
  const foreign = out.tags.filter((t) => !HTML_ELEMENTS.has(t));
  if (foreign.length > 0) expect.fail(`${where}: elements from data: ${foreign.join(', ')}`);
  for (const [name, value] of out.attrs) {
    if (/^on/i.test(name)) expect.fail(`${where}: event attribute ${name}`);
    if (/^(href|src|xlink:href)$/i.test(name) && !/^plots\/[a-z-]+\.svg$/.test(value)) {
      expect.fail(`${where}: ${name}="${value}"`);
    }
  }
  const text = squash(out.text.join(' '));
  for (const s of strings) {
    const shown = squash(visibleText(s));
    if (shown !== '' && !text.includes(shown)) {
      expect.fail(
        `${where}: ${JSON.stringify(s)} is not shown as the text ${JSON.stringify(shown)}`,
      );
    }
  }
}

/** Any Unicode text, lone surrogates and control characters included. */
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 24 });
/** Text made to hit markup: pipes, brackets, autolinks, HTML, entities, CR, bidi overrides. */
const markupText = fc
  .array(
    fc.constantFrom(
      '|',
      '[',
      ']',
      '(',
      ')',
      '*',
      '_',
      '~~',
      '`',
      '#',
      '<',
      '>',
      '&amp;',
      '&#x41;',
      '<b>',
      '<script>',
      '\r',
      '\n',
      '\r===\r',
      '\r- ',
      '\r1. ',
      'www.a.org',
      'http://x.org/',
      'a@b.com',
      'mailto:a@b.c',
      '\u001b[31m',
      '\u0007',
      '\u0000',
      '\u202e',
      '\u200b',
      '\\',
      '!',
      '"',
      "'",
      ' ',
      'P07',
      'x',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const dataText = fc.oneof(anyText, markupText);

const render = (md: string) =>
  micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

describe('data strings in the report', () => {
  test.prop(
    [
      fc.uniqueArray(dataText, { minLength: 1, maxLength: 3 }),
      dataText,
      fc.record({ id: dataText, reason: dataText }),
    ],
    { ...PARAMS, numRuns: 300 },
  )(
    'render as their own text in HTML, Markdown and SVG, never as markup',
    (ids, title, excluded) => {
      // No patient has a PSA on day 42 +- 14, so every id is in the not-evaluable table.
      const patients: Patient[] = ids.map((id) => ({
        id,
        surgeryDate: '2024-01-10',
        psa: [],
        complications: [{ date: '2024-01-12', grade: 'II', description: title }],
        lastFollowUpDate: '2024-12-01',
      }));
      const validated = validateCohort(patients);
      fc.pre(validated.ok); // a blank id is refused, as it should be
      if (!validated.ok) return;
      const report = buildTrialReport(validated.patients, {
        rule: 'pocock:0.1,0.3,5',
        title,
        excluded: [{ patientId: excluded.id, reasons: [excluded.reason] }],
      });
      const strings = [...ids, title, excluded.id, excluded.reason];
      expectOnlyText(parse(reportToHtml(report)) as unknown as Node, strings, 'report.html');
      const md = reportToMarkdown(report);
      expectOnlyText(parseFragment(render(md)) as unknown as Node, strings, 'report.md');
      // The plots: ids as waterfall bars (their tooltips), the title as the curve's label.
      const waterfall = waterfallPlot(
        ids.map((patientId) => ({ patientId, percentChange: -50 })),
        { title },
      );
      expectOnlyText(parseFragment(waterfall) as unknown as Node, [...ids, title], 'waterfall svg');
      const km = kaplanMeierPlot([{ label: title, fit: report.survival[0]!.fit }], { title });
      expectOnlyText(parseFragment(km) as unknown as Node, [title], 'Kaplan-Meier svg');
    },
    TIMEOUT,
  );
});

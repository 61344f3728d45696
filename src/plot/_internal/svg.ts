// Internal: the string-building primitives every plot uses. Markup is only ever built through
// `element`, whose element and attribute names come from this code, never from the data, and
// whose attribute values and text are XML-escaped here, so a label cannot inject markup.

// Text escaping is shared with the HTML report: src/_lib/escape-xml.ts.
import { escapeXml } from '../../_lib/escape-xml.js';

export { escapeXml };

/** An attribute value: strings are escaped, numbers formatted, null/undefined/false left out. */
export type AttributeValue = string | number | boolean | null | undefined;

/**
 * A coordinate or length as text: rounded to 2 decimals, shortest form, no "-0", so the same
 * input always gives the same bytes whatever arithmetic path produced the number.
 */
export function formatNumber(value: number): string {
  // The plots' arguments are bounded (docs/limits.md, "Numbers and plots") so that no number
  // drawn can be NaN or infinite; one that is would be a bug here, never written as "Infinity".
  if (!Number.isFinite(value)) {
    throw new RangeError(`a plot number must be finite (a bug in slnd-stats). Value: ${value}.`);
  }
  // Past 2^53 / 100 there are no decimals to round, and value * 100 could overflow.
  const rounded = Math.abs(value) >= 2 ** 46 ? value : Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Renders `<name attrs>content</name>`, or `<name attrs/>` when content is undefined. */
export function element(
  name: string,
  attributes: Readonly<Record<string, AttributeValue>>,
  content?: string,
): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    const text =
      value === true ? key : typeof value === 'number' ? formatNumber(value) : escapeXml(value);
    out += ` ${key}="${text}"`;
  }
  return content === undefined ? `${out}/>` : `${out}>${content}</${name}>`;
}

/** A `<text>` element whose content is the escaped `value`. */
export function textElement(
  attributes: Readonly<Record<string, AttributeValue>>,
  value: string,
): string {
  return element('text', attributes, escapeXml(value));
}

/** A `<title>` child (a tooltip in browsers) holding the escaped `value`. */
export function titleElement(value: string): string {
  return element('title', {}, escapeXml(value));
}

/** System font stack: nothing is fetched from the network. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Base font size in pixels. */
export const FONT_SIZE = 12;

/**
 * An estimate of the rendered width of `value` at `fontSize`: there are no font metrics
 * without a DOM, so 0.56 em per character (a generous average for sans-serif faces) is used
 * to leave room for labels; layout errs on the wide side.
 */
export function textWidth(value: string, fontSize = FONT_SIZE): number {
  return [...value].length * fontSize * 0.56;
}

/** The parts of a finished SVG document. */
export interface SvgDocument {
  readonly width: number;
  readonly height: number;
  readonly idPrefix: string;
  /** Accessible name (the `<title>`); also drawn as a heading when `heading` is true. */
  readonly title: string;
  /** Accessible description (the `<desc>`). */
  readonly description: string;
  /** Markup inside `<defs>` (patterns), if any. */
  readonly defs?: string;
  /** The drawing, already built with `element`. */
  readonly body: string;
}

/**
 * Wraps a drawing into a standalone SVG document: `xmlns`, `width`/`height` and a matching
 * `viewBox` (so it scales when styled with CSS), `role="img"` with `aria-labelledby` pointing at
 * its `<title>` and `<desc>`, a white background (readable in dark-themed notebooks) and
 * presentation attributes only: a `<style>` element in inline SVG would leak into the page.
 */
export function svgDocument(doc: SvgDocument): string {
  const titleId = `${doc.idPrefix}-title`;
  const descId = `${doc.idPrefix}-desc`;
  const inner =
    '\n' +
    element('title', { id: titleId }, escapeXml(doc.title)) +
    '\n' +
    element('desc', { id: descId }, escapeXml(doc.description)) +
    '\n' +
    (doc.defs ? element('defs', {}, doc.defs) + '\n' : '') +
    element('rect', { width: doc.width, height: doc.height, fill: '#ffffff' }) +
    '\n' +
    doc.body +
    '\n';
  return (
    element(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width: doc.width,
        height: doc.height,
        viewBox: `0 0 ${formatNumber(doc.width)} ${formatNumber(doc.height)}`,
        role: 'img',
        'aria-labelledby': `${titleId} ${descId}`,
        'font-family': FONT_FAMILY,
        'font-size': FONT_SIZE,
      },
      inner,
    ) + '\n'
  );
}

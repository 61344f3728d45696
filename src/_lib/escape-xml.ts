import { visibleText } from './visible-text.js';

const SPECIAL = /[&<>"']/;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text from the data as XML or HTML text or a double-quoted attribute value: first made
 * visible (`visibleText`: control and invisible characters as `\uXXXX`, line breaks as spaces,
 * so nothing XML 1.0 forbids is left and the reader sees what is there), then the five special
 * characters (& < > " ') escaped. Shared by the SVG plots and the HTML report.
 *
 * @example escapeXml('<b a="1">\u001b'); // => '&lt;b a=&quot;1&quot;&gt;\\u001b'
 */
export function escapeXml(value: string): string {
  const visible = visibleText(value);
  return SPECIAL.test(visible) ? visible.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : visible;
}

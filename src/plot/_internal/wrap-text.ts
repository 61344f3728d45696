import { visibleText } from '../../_lib/visible-text.js';
import { FONT_SIZE, textWidth } from './svg.js';

// Internal: breaking text into lines for the boxes of the flow diagram. There are no font
// metrics without a DOM, so widths are `textWidth`'s estimate, which errs on the wide side.

/** A no-break space: joins two words into one for the wrapping, and is written as a space. */
export const GLUE = '\u00a0';

/**
 * Breaks `value` into lines no wider than `maxWidth` pixels at `fontSize`: greedily at runs of
 * spaces, tabs and line breaks; a word wider than a line is cut between characters (code
 * points). Words joined by a no-break space (`GLUE`, U+00A0) stay on one line if they fit, and
 * the no-break space is written as a plain space. Every line holds at least one character, so
 * a box narrower than one character still ends. Blank text gives one empty line.
 *
 * The text is measured as it will be shown: first made visible (`visibleText`: a control
 * character becomes a 6-character `\uXXXX` escape), so hostile text cannot overflow its box.
 *
 * Each word is measured once and the widths added up (`textWidth` is additive: a width per
 * character), so the work is linear in the length of the text, however long.
 */
export function wrapText(value: string, maxWidth: number, fontSize = FONT_SIZE): string[] {
  const lines: string[] = [];
  const space = textWidth(' ', fontSize);
  let line = '';
  let width = 0;
  // Not /\s+/: it would split at the no-break space too.
  for (const word of visibleText(value).split(/[ \t\n\r\f\v\u2028\u2029]+/)) {
    if (word === '') continue;
    const w = textWidth(word, fontSize);
    if (line !== '' && width + space + w <= maxWidth) {
      line += ` ${word}`;
      width += space + w;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    width = 0;
    if (w <= maxWidth) {
      line = word;
      width = w;
      continue;
    }
    // A word wider than the box (an id, a URL): cut it wherever the line is full.
    for (const char of word) {
      const c = textWidth(char, fontSize);
      if (line !== '' && width + c > maxWidth) {
        lines.push(line);
        line = '';
        width = 0;
      }
      line += char;
      width += c;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replaceAll(GLUE, ' '));
}

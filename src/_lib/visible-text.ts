// Text from the data shown to a person (a report, a plot, a terminal) must read as what it is.
// Characters that are invisible or that act on the display instead of being shown are written
// as visible escapes: C0 and C1 control characters (ESC starts terminal sequences, BEL rings,
// NUL truncates, CR returns the cursor), DEL, the bidirectional marks, embeddings, overrides and
// isolates (RLO reverses the text after it), zero-width characters, the byte-order mark, the
// soft hyphen, the noncharacters U+FFFE and U+FFFF (XML forbids them), and lone surrogates
// (which no encoding can write). Line breaks and tabs are
// white space in every output format, so they become one space.

/** What visibleText escapes: see the file comment. */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any character visibleText changes (HIDDEN, line breaks, tabs, any surrogate). */
const ANY =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]/;

/**
 * `text` with line breaks (LF, CR, CRLF, U+2028, U+2029) and tabs as single spaces, and every
 * invisible or display-controlling character (see the file comment) as a visible `\uXXXX`
 * escape: `"P07\u001b[31m"` reads `P07\u001b[31m`, never as a colour change.
 *
 * Internal: used by every renderer before its own escaping.
 *
 * @example visibleText('a\u202eb\r\nc'); // => 'a\\u202eb c'
 */
export function visibleText(text: string): string {
  // Most text has none of these: one scan, and the string comes back as it is.
  if (!ANY.test(text)) return text;
  return text
    .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    .replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

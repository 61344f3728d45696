// A line of a message as a terminal must receive it. Ids, keys, values and file names come from
// the data, and a terminal acts on some characters instead of showing them: ESC starts colour,
// cursor and title sequences (OSC 8 makes links, OSC 52 writes the clipboard), 0x9b is a
// one-byte CSI, BEL rings, CR returns to the start of the line so the rest overwrites it, NUL
// and other controls are invisible, and the bidirectional overrides (RLO) reverse the text
// after them. Each is shown as the escape a JSON string would use, so `P07\u001b[2J` is read,
// never executed. A line is also bounded, so one 256 KiB id cannot become 256 KiB of output.

/** The longest line printed: the start and the end are kept, the middle is cut. */
export const MAX_LINE_CHARS = 1000;

/**
 * Control characters (C0 with tab, CR and line feed, DEL, C1), format characters (bidi
 * controls, zero-width characters, the byte-order mark), line and paragraph separators, and
 * lone surrogates.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function escapeUnits(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `text` as one printable line: every control, format or separator character (line feeds
 * included) as a visible `\uXXXX` escape, and a line longer than {@link MAX_LINE_CHARS} cut in
 * the middle, saying how many characters were left out.
 *
 * @param text - one line of a message (split a text on `\n` first to keep its lines).
 * @returns the line, safe to write to a terminal.
 * @throws never.
 * @example printableLine('patient P07\u001b]0;owned\u0007'); // => 'patient P07\\u001b]0;owned\\u0007'
 */
export function printableLine(text: string): string {
  const escaped = text.replace(HIDDEN, escapeUnits);
  if (escaped.length <= MAX_LINE_CHARS) return escaped;
  const keep = (MAX_LINE_CHARS - 40) / 2;
  // Never cut a surrogate pair in two: that would print a character no encoding can write.
  let head = escaped.slice(0, keep);
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  let tail = escaped.slice(-keep);
  if (/^[\udc00-\udfff]/.test(tail)) tail = tail.slice(1);
  const cut = escaped.length - head.length - tail.length;
  return `${head} [... ${cut} characters cut ...] ${tail}`;
}

/** The longest quoted value a message carries; a longer one is cut and its length given. */
const MAX_QUOTED = 80;

// What JSON.stringify leaves raw but a terminal acts on or a reader cannot see: DEL and the C1
// controls (0x9b is a one-byte CSI, 0x9d an OSC), format characters (bidirectional overrides
// such as RLO, zero-width characters, the byte-order mark) and the line and paragraph
// separators. JSON.stringify already escapes C0 controls (ESC, BEL, NUL, CR) and lone
// surrogates.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Each UTF-16 unit of `c` as `\uXXXX`: the form JSON itself uses, so the quote stays JSON. */
function escapeUnits(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** `JSON.stringify` with every invisible or display-controlling character escaped. */
function visibleJson(value: unknown): string {
  return JSON.stringify(value).replace(HIDDEN, escapeUnits);
}

/**
 * Renders a value for an error message: strings quoted, everything else as JSON or its type.
 * Whatever the value holds, the result is one line of visible text: control characters
 * (terminal escapes, BEL, NUL, CR, C1), bidirectional overrides and other invisible
 * characters are written as `\uXXXX` escapes, and a string longer than 80 characters is cut
 * (its length given), so a message can neither act on the terminal nor grow with its data.
 *
 * @param value - anything.
 * @returns a short, printable description.
 * @throws never.
 * @example describeValue('P07\u001b[31m'); // => '"P07\\u001b[31m"'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > MAX_QUOTED
      ? `${visibleJson(value.slice(0, MAX_QUOTED - 3))}... (${value.length} characters)`
      : visibleJson(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  try {
    const json = visibleJson(value);
    return json.length > MAX_QUOTED ? `${json.slice(0, MAX_QUOTED - 3)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

// Keys that occur twice in one JSON object. RFC 8259 (section 4) says names "SHOULD be unique"
// and leaves duplicates to the parser; JSON.parse keeps the last silently, so
// `{"patients": [...], "patients": []}` reads as a valid cohort of no patients and
// `"value": -5, "value": 1.2` hides an invalid value. A file is checked with this scanner after
// JSON.parse has accepted it; `parseCohort` gets objects, which cannot hold a key twice.
import { describeValue } from '../_lib/describe-value.js';

/** A key seen a second time in one object: where, and where it was first. */
export interface JsonDuplicateKey {
  /** The key, unescaped (`"\u0061"` and `"a"` are one key, as for JSON.parse). */
  readonly key: string;
  /** Path of the duplicated member from the root, e.g. `patients[3].psa[0].value`. */
  readonly path: string;
  /** 1-based line and column (UTF-16 code units, as `jsonErrorPlace`) of the repeated key. */
  readonly line: number;
  readonly column: number;
  /** Line and column of the key's first occurrence in the object. */
  readonly firstLine: number;
  readonly firstColumn: number;
}

/** One open object or array: the keys an object has seen so far, or the index in an array. */
interface Frame {
  /** For an object, each key with its place `[line, column]`; null for an array. */
  readonly keys: Map<string, readonly [number, number]> | null;
  /** The current member's key (objects) or element index (arrays), for the path. */
  member: string | number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function pathOf(stack: readonly Frame[]): string {
  let path = '';
  for (const frame of stack) {
    const m = frame.member;
    if (typeof m === 'number') path += `[${m}]`;
    else if (IDENTIFIER.test(m)) path += path === '' ? m : `.${m}`;
    else path += `[${describeValue(m)}]`;
  }
  return path;
}

/**
 * Every key that occurs twice (or more) in one object of a JSON text that `JSON.parse` has
 * accepted, in the order of the text. A loop over an explicit stack, never recursion, so deep
 * nesting cannot overflow the call stack; linear in the length of the text.
 *
 * @param text - a valid JSON text (without a byte-order mark).
 * @param max - how many duplicates to return (all are counted in `total`).
 * @returns the first `max` duplicates, and how many there are.
 * @throws never (text that is not JSON gives no duplicates, or some of them).
 * @example jsonDuplicateKeys('{"a": 1,\n "a": 2}').duplicates[0]; // => { key: 'a', line: 2, column: 2, ... }
 */
export function jsonDuplicateKeys(
  text: string,
  max = 100,
): { duplicates: JsonDuplicateKey[]; total: number } {
  const duplicates: JsonDuplicateKey[] = [];
  let total = 0;
  const stack: Frame[] = [];
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = ++i;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ':') i++;
    else if (c === '{' || c === '[') {
      stack.push({ keys: c === '{' ? new Map() : null, member: 0 });
      expectKey = c === '{';
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top !== undefined && typeof top.member === 'number') top.member++;
      expectKey = top?.keys !== null;
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top !== undefined && top.keys !== null) {
        const key = keyText(text.slice(i, end));
        top.member = key;
        const column = i - lineStart + 1;
        const first = top.keys.get(key);
        if (first === undefined) top.keys.set(key, [line, column]);
        else if (++total <= max) {
          duplicates.push({
            key,
            path: pathOf(stack),
            line,
            column,
            firstLine: first[0],
            firstColumn: first[1],
          });
        }
        expectKey = false;
      }
      i = end;
    } else {
      // A number, true, false or null: up to the next delimiter.
      i++;
      while (i < text.length && !' \t\r\n,:]}'.includes(text[i]!)) i++;
    }
  }
  return { duplicates, total };
}

/** A key as JSON.parse reads it (escapes decoded); the raw text if it is not a JSON string. */
function keyText(quoted: string): string {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

/** The offset just past the string that opens at `start` (a JSON string has no raw newline). */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

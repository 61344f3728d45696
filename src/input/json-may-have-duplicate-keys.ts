// A fast, exact test that a JSON text has no key written twice in one object, by counting: the
// scanner of json-duplicate-keys.ts walks every character of the text in JavaScript (five
// times JSON.parse's time), which a registry-sized cohort should not pay when, as almost
// always, there is no duplicate.
//
// Why counting is exact. Outside strings, a ':' in JSON only ever follows a key; inside
// strings, a ':' is written either as itself or as the escape \u003a. So the text holds
//   (':' characters) + ('\u003a' escapes) = keys written + ':' in the decoded strings,
// except that a '\u003a' counted inside an escaped backslash ("\\u003a") adds to the left
// side only. The parsed value holds keys kept + ':' in its strings. Each duplicate removes a
// key (and the strings of the value it replaced) from the parsed side and from nothing else,
// so the two sides are equal only when no key was written twice; when they differ, the
// scanner decides (and lists the duplicates, if any).

/**
 * False when `parsed` (JSON.parse of `text`) certainly holds every key `text` writes, i.e. no
 * object of the text has a key twice; true when it may not (then scan with
 * `jsonDuplicateKeys`). Linear, with no recursion (an explicit stack for deep nesting).
 *
 * @example mayHaveDuplicateKeys('{"a":1,"a":2}', { a: 2 }); // => true
 * @example mayHaveDuplicateKeys('{"a":"x:y"}', { a: 'x:y' }); // => false
 */
export function mayHaveDuplicateKeys(text: string, parsed: unknown): boolean {
  let written = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) written += 1;
  for (let i = text.indexOf('\\u003'); i >= 0; i = text.indexOf('\\u003', i + 1)) {
    const c = text.charCodeAt(i + 5);
    if (c === 0x61 || c === 0x41) written += 1; // a, A
  }
  let kept = 0;
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      kept += colons(value);
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        kept += 1 + colons(key);
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return written !== kept;
}

function colons(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n += 1;
  return n;
}

// Where a JSON text stops being JSON, for an error message that names a line and column even
// when the engine's own message does not (Node 20's "Unexpected token" messages name no place).

/**
 * Line and column (1-based) of a JSON.parse error. V8 names a character offset ("at position
 * 42"), and from Node 22 also "(line 3 column 5)"; messages naming neither give null.
 */
export function jsonErrorPlace(
  text: string,
  message: string,
): { line: number | null; column: number | null } {
  const both = /line (\d+) column (\d+)/.exec(message);
  if (both !== null) return { line: Number(both[1]), column: Number(both[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position !== null) {
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
  // Node 20's "Unexpected token ']', "[1,]" is not valid JSON" (a trailing comma, NaN, a
  // comment) and "Unexpected end of JSON input" name no place: find it by scanning the text.
  const offset = jsonErrorOffset(text);
  if (offset === null) return { line: null, column: null };
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 8259 forbids them in strings.
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const JSON_SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * The offset of the first character at which `text` stops being JSON (RFC 8259), its length
 * when it ends early, or null when it is valid. A loop over an explicit stack, never recursion,
 * so deeply nested input cannot overflow the call stack.
 */
function jsonErrorOffset(text: string): number | null {
  const stack: string[] = [];
  // value: a value must come; key: a member name; colon; after: a value just ended.
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' = 'value';
  let i = 0;
  const match = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) return state === 'after' && stack.length === 0 ? null : i;
    const c = text[i]!;
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ',') state = top === '{' ? 'key' : 'value';
      else if (c === (top === '{' ? '}' : ']')) stack.pop();
      else return i;
      i++;
    } else if (state === 'colon') {
      if (c !== ':') return i;
      state = 'value';
      i++;
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && c === '}') {
        stack.pop();
        state = 'after';
        i++;
      } else if (c === '"' && match(JSON_STRING)) state = 'colon';
      else return i;
    } else if (state === 'valueOrClose' && c === ']') {
      stack.pop();
      state = 'after';
      i++;
    } else if (c === '{' || c === '[') {
      stack.push(c);
      state = c === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
    } else if ((c === '"' && match(JSON_STRING)) || match(JSON_SCALAR)) state = 'after';
    else return i;
  }
}

// describeValue quotes a value in every message of the library: whatever a string holds, the
// quote must be one line of visible text (issue 11, item 7: terminal escapes in ids and keys
// reached the terminal), and short (item 8: a 256 KiB value made 52 MB of output).
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/_lib/describe-value.js';

/** Anything a terminal acts on or a reader cannot see. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('describeValue', () => {
  it('quotes strings and writes other values as JSON or their kind', () => {
    expect(describeValue('P07')).toBe('"P07"');
    expect(describeValue(-0.5)).toBe('-0.5');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue([1, 2])).toBe('an array of length 2');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue(() => 1)).toBe('a function');
  });

  it.each([
    ['ESC (a colour sequence)', '\u001b[31mred', '"\\u001b[31mred"'],
    ['OSC with BEL (a window title)', '\u001b]0;owned\u0007', '"\\u001b]0;owned\\u0007"'],
    ['NUL', 'P\u0000', '"P\\u0000"'],
    ['CR', 'P07\rP99', '"P07\\rP99"'],
    ['DEL', 'P\u007f', '"P\\u007f"'],
    ['C1 CSI (0x9b)', '\u009b2J', '"\\u009b2J"'],
    ['C1 OSC (0x9d)', '\u009d0;x\u009c', '"\\u009d0;x\\u009c"'],
    ['RLO (bidi override)', 'abc\u202edef', '"abc\\u202edef"'],
    ['a bidi isolate', '\u2067x\u2069', '"\\u2067x\\u2069"'],
    ['a zero-width space', 'P07\u200b', '"P07\\u200b"'],
    ['the line separator', 'a\u2028b', '"a\\u2028b"'],
    ['a byte-order mark', '\ufeffP', '"\\ufeffP"'],
    ['a lone surrogate', 'x\ud800', '"x\\ud800"'],
  ])('writes %s as a visible escape', (_, value, quoted) => {
    const described = describeValue(value);
    expect(described).toBe(quoted);
    expect(described).not.toMatch(HIDDEN);
    // The quote is still JSON: it reads back as the value.
    expect(JSON.parse(described)).toBe(value);
  });

  it('escapes inside objects too', () => {
    const described = describeValue({ '\u001b[2J': '\u009b\u202e' });
    expect(described).not.toMatch(HIDDEN);
    expect(described).toBe('{"\\u001b[2J":"\\u009b\\u202e"}');
  });

  it('keeps printable text as it is (accents, scripts, emoji)', () => {
    expect(describeValue('Lymphozele über Port')).toBe('"Lymphozele über Port"');
    expect(describeValue('غدة ليمفاوية')).toBe('"غدة ليمفاوية"');
    expect(describeValue('😀')).toBe('"😀"');
  });

  it('cuts a long string and gives its length, escapes included', () => {
    const long = `\u001b${'x'.repeat(262_143)}`;
    const described = describeValue(long);
    expect(described.length).toBeLessThan(120);
    expect(described).toMatch(/^"\\u001bx+"\.\.\. \(262144 characters\)$/);
  });
});

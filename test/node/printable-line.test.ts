// Issue 11, items 7 and 8: a line printed to a terminal holds nothing the terminal acts on, and
// is bounded whatever the data holds.
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, printableLine } from '../../src/node/printable-line.js';

const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('printableLine', () => {
  it.each([
    ['ESC and a CSI sequence', 'P\u001b[2J', 'P\\u001b[2J'],
    ['OSC ended by BEL', '\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['C1 CSI', '\u009b31m', '\\u009b31m'],
    ['CR and LF', 'a\rb\nc', 'a\\u000db\\u000ac'],
    ['a tab and NUL', 'a\tb\u0000', 'a\\u0009b\\u0000'],
    ['RLO and an isolate', '\u202eabc\u2066', '\\u202eabc\\u2066'],
    ['a lone surrogate', 'x\udc00y', 'x\\udc00y'],
    ['a tag character (astral)', 'x\u{e0001}', 'x\\udb40\\udc01'],
  ])('escapes %s', (_, text, shown) => {
    expect(printableLine(text)).toBe(shown);
  });

  it('keeps printable text, accents, scripts and emoji as they are', () => {
    const text = 'psa.csv line 4: patient Müller-07 (غدة) 😀: must be >= 0';
    expect(printableLine(text)).toBe(text);
  });

  it('cuts a long line in the middle, keeping both ends and saying how much was cut', () => {
    const line = printableLine(`start ${'x'.repeat(300_000)}\u001b end`);
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(line).toMatch(/^start x+ \[\.\.\. \d+ characters cut \.\.\.\] x+\\u001b end$/);
    expect(line).not.toMatch(HIDDEN);
  });

  it('never cuts a surrogate pair in two', () => {
    for (let shift = 0; shift < 2; shift++) {
      const line = printableLine(`${'a'.repeat(shift)}${'😀'.repeat(1000)}`);
      expect(line).not.toMatch(HIDDEN);
      expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/_lib/escape-xml.js';
import { visibleText } from '../../src/_lib/visible-text.js';

describe('visibleText', () => {
  it('shows control, bidi and invisible characters as \\u escapes', () => {
    expect(visibleText('P07\u001b[31m')).toBe('P07\\u001b[31m');
    expect(visibleText('a\u0000b\u0007c\u007fd\u009be')).toBe('a\\u0000b\\u0007c\\u007fd\\u009be');
    expect(visibleText('x\u202ey\u2066z\u200b\ufeff\u00ad')).toBe(
      'x\\u202ey\\u2066z\\u200b\\ufeff\\u00ad',
    );
  });

  it('turns line breaks and tabs into spaces, one per break', () => {
    expect(visibleText('a\r\nb\rc\nd\te\u2028f\u2029g')).toBe('a b c d e f g');
  });

  it('escapes lone surrogates and keeps pairs (astral characters) as they are', () => {
    expect(visibleText('a\ud800b\udc00c')).toBe('a\\ud800b\\udc00c');
    expect(visibleText('\ud83d\ude00 é ü 中')).toBe('\ud83d\ude00 é ü 中');
  });
});

describe('escapeXml', () => {
  it('makes text visible first, then escapes the five XML characters', () => {
    expect(escapeXml('<b a="1">\u001b\'&')).toBe('&lt;b a=&quot;1&quot;&gt;\\u001b&#39;&amp;');
  });
});

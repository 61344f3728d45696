import { describe, expect, it } from 'vitest';
import { element, escapeXml, formatNumber, textWidth } from '../../src/plot/_internal/svg.js';

describe('escapeXml', () => {
  it('escapes & < > " \' and shows characters XML forbids as visible escapes', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
    expect(escapeXml('x\u0000y\u0007z\u001f\uffff')).toBe('x\\u0000y\\u0007z\\u001f\\uffff');
    expect(escapeXml('tab\tnew\nline')).toBe('tab new line');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});

describe('formatNumber', () => {
  it('rounds to 2 decimals in the shortest form, without -0', () => {
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatNumber(453.32000000000005)).toBe('453.32');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-1.5)).toBe('-1.5');
  });

  // issue 11 item 13: 1e308 * 100 overflowed, and "Infinity" was written into the SVG.
  it('writes large numbers as they are and refuses a non-finite one', () => {
    expect(formatNumber(1e308)).toBe('1e+308');
    expect(formatNumber(-(2 ** 53))).toBe('-9007199254740992');
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatNumber(Number.NaN)).toThrow(/must be finite/);
  });
});

describe('element', () => {
  it('escapes attribute values, formats numbers and leaves out empty attributes', () => {
    expect(element('rect', { x: 1.005 + 1e-9, fill: '"red"', stroke: undefined, id: null })).toBe(
      '<rect x="1.01" fill="&quot;red&quot;"/>',
    );
    expect(element('g', { class: 'a' }, '<line/>')).toBe('<g class="a"><line/></g>');
  });
});

describe('textWidth', () => {
  it('grows with the number of characters (code points)', () => {
    expect(textWidth('abcd')).toBe(2 * textWidth('ab'));
    expect(textWidth('…')).toBe(textWidth('a'));
  });
});

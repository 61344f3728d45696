import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { attachDisplay, JUPYTER_DISPLAY } from '../../src/notebook/attach-display.js';

describe('attachDisplay', () => {
  it('adds non-enumerable display members and leaves the data as it was', () => {
    const value = { a: 1, b: [2, 3] };
    const shown = attachDisplay(value, {
      text: () => 'A one',
      html: () => '<p>A</p>',
      markdown: () => '**A**',
      svg: () => '<svg/>',
    });
    expect(shown).toBe(value);
    expect(Object.keys(shown)).toEqual(['a', 'b']);
    expect(JSON.stringify(shown)).toBe('{"a":1,"b":[2,3]}');
    expect({ ...shown }).toEqual({ a: 1, b: [2, 3] });
    expect(shown[JUPYTER_DISPLAY]()).toEqual({
      'text/plain': 'A one',
      'text/html': '<p>A</p>',
      'image/svg+xml': '<svg/>',
    });
    expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'));
    expect(shown.toMarkdown()).toBe('**A**');
    expect(shown.toSVG?.()).toBe('<svg/>');
    expect(inspect(shown)).toBe('A one');
  });

  it('gives no SVG member without a picture', () => {
    const shown = attachDisplay({}, { text: () => 't', html: () => 'h', markdown: () => 'm' });
    expect(shown.toSVG).toBeUndefined();
    expect(Object.keys(shown[JUPYTER_DISPLAY]())).toEqual(['text/plain', 'text/html']);
  });
});

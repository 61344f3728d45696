import { expect } from 'vitest';

// Checks shared by the plot tests: the output is a well-formed SVG document built only from
// the elements and attributes the plots write, so nothing from the data became markup.

const ELEMENTS = new Set([
  'svg',
  'title',
  'desc',
  'defs',
  'pattern',
  'rect',
  'line',
  'path',
  'circle',
  'text',
  'g',
]);

const ATTRIBUTES = new Set([
  'xmlns',
  'width',
  'height',
  'viewBox',
  'role',
  'aria-labelledby',
  'font-family',
  'font-size',
  'font-weight',
  'id',
  'class',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'd',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'text-anchor',
  'transform',
  'patternUnits',
  'patternTransform',
]);

/** Asserts `svg` is one well-formed `<svg>` element with known tags, attributes and entities. */
export function expectSafeSvg(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
  expect(svg).not.toMatch(/<script|<img|<style|<foreignObject|href|javascript:/i);
  expect(svg.match(/http/g)?.length).toBe(1);
  const stack: string[] = [];
  const tag = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+="[^"<]*")*)\s*(\/?)>/g;
  let end = 0;
  for (const m of svg.matchAll(tag)) {
    const between = svg.slice(end, m.index);
    expect(between, `text before ${m[0]}`).not.toMatch(/[<>]/);
    expect(between.replace(/&(amp|lt|gt|quot|#39);/g, ''), 'bare &').not.toContain('&');
    end = m.index + m[0].length;
    const [, closing, name, attrs, selfClosing] = m as unknown as string[];
    expect(ELEMENTS.has(name!), `element ${name}`).toBe(true);
    for (const a of attrs!.matchAll(/\s+([^\s=]+)="([^"]*)"/g)) {
      expect(ATTRIBUTES.has(a[1]!), `attribute ${a[1]}`).toBe(true);
      expect(a[2]!.replace(/&(amp|lt|gt|quot|#39);/g, ''), 'bare & in attribute').not.toMatch(
        /[&<>]/,
      );
    }
    if (closing) expect(stack.pop(), `closing ${name}`).toBe(name);
    else if (!selfClosing) stack.push(name!);
    if (stack.length === 0) expect(svg.slice(end).trim(), 'after </svg>').toBe('');
  }
  expect(stack).toEqual([]);
}

/** The `d` attributes of the paths with class `cls`. */
export function pathsOf(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<path class="${cls}" d="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

/** How many elements carry class `cls`. */
export function countClass(svg: string, cls: string): number {
  return svg.split(`class="${cls}"`).length - 1;
}

/** The text content of `<text>` elements with class `cls`, in document order. */
export function textsOf(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map(
    (m) => m[1]!,
  );
}

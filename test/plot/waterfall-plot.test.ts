import { describe, expect, it } from 'vitest';
import { type WaterfallBar, waterfallPlot } from '../../src/plot/waterfall-plot.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { countClass, expectSafeSvg } from './_svg.js';

const bars: readonly WaterfallBar[] = deepFreeze([
  { patientId: 'SLND-001', percentChange: -95, undetectable: true },
  { patientId: 'SLND-002', percentChange: 40 },
  { patientId: 'SLND-003', percentChange: -60 },
  { patientId: 'SLND-004', percentChange: 180 },
  { patientId: 'SLND-005', percentChange: -20 },
  { patientId: 'SLND-006', percentChange: 0 },
  { patientId: 'SLND-007', percentChange: -99.5, undetectable: true },
  { patientId: 'SLND-008', percentChange: 12.5 },
]);

/** The `<title>` tooltips of the bars, in drawing order (left to right). */
const tooltips = (svg: string): string[] =>
  [...svg.matchAll(/<rect class="waterfall-bar"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]!);

/** The bars' rectangles as numbers: x, y, width, height. */
const rects = (svg: string): { x: number; y: number; height: number }[] =>
  [
    ...svg.matchAll(
      /<rect class="waterfall-bar" x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
    ),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), height: Number(m[3]) }));

describe('waterfallPlot', () => {
  const svg = waterfallPlot(bars, { title: 'PSA 6 weeks after sLND' });

  it('is a standalone SVG document with a viewBox, size, role, title and description', () => {
    expectSafeSvg(svg);
    expect(svg).toContain('width="720" height="420" viewBox="0 0 720 420" role="img"');
    expect(svg).toContain('<title id="slnd-waterfall-title">PSA 6 weeks after sLND</title>');
    expect(svg).toMatch(/<desc id="slnd-waterfall-desc">[^<]*8 patient\(s\): 3 rise\(s\), 4 fall/);
    expect(svg).toContain('>Change from pre-sLND PSA (%)</text>');
  });

  it('draws one bar per patient, sorted from the largest rise to the largest fall', () => {
    expect(countClass(svg, 'waterfall-bar')).toBe(bars.length);
    expect(tooltips(svg)).toEqual([
      'SLND-004: +180% (drawn cut at +100%)',
      'SLND-002: +40%',
      'SLND-008: +12.5%',
      'SLND-006: 0%',
      'SLND-005: -20%',
      'SLND-003: -60%',
      'SLND-001: -95% (undetectable PSA: a bound)',
      'SLND-007: -99.5% (undetectable PSA: a bound)',
    ]);
    const xs = rects(svg).map((r) => r.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('cuts rises above +100% at the top of the axis and marks them', () => {
    expect(countClass(svg, 'waterfall-clipped')).toBe(1);
    const [clipped, rise40] = rects(svg);
    const top =
      Number(
        svg.match(
          /<text x="[\d.]+" y="([\d.]+)" text-anchor="end" fill="#333333">\+100<\/text>/,
        )![1],
      ) - 4;
    expect(clipped!.y).toBe(top);
    expect(rise40!.height).toBeLessThan(clipped!.height);
    expect(svg).toContain('>Rise above +100% (cut)</text>');
  });

  it('hatches undetectable bars with a pattern whose id derives from idPrefix', () => {
    expect(svg.match(/fill="url\(#slnd-waterfall-undetectable\)"/g)).toHaveLength(3); // 2 bars + legend
    expect(svg).toContain('<pattern id="slnd-waterfall-undetectable"');
    const plain = waterfallPlot([{ patientId: 'a', percentChange: -10 }], { idPrefix: 'w2' });
    expect(plain).not.toContain('<pattern');
    expect(plain).not.toContain('Undetectable');
    expect(waterfallPlot(bars, { idPrefix: 'w3' })).toContain('url(#w3-undetectable)');
  });

  it('keeps a 0% patient visible, 1 pixel high', () => {
    expect(rects(svg)[3]!.height).toBe(1);
  });

  it('draws the reference lines, -50% by default', () => {
    expect(countClass(svg, 'waterfall-reference')).toBe(1);
    expect(svg).toContain('>-50%</text>');
    const two = waterfallPlot(bars, { referenceLines: [-50, -90] });
    expect(countClass(two, 'waterfall-reference')).toBe(2);
    expect(two).toContain('>-90%</text>');
    expect(countClass(waterfallPlot(bars, { referenceLines: [] }), 'waterfall-reference')).toBe(0);
  });

  it('writes ids under the bars only up to 40 bars', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ patientId: `P${i}`, percentChange: i - 20 }));
    const idTexts = (out: string) =>
      out.match(/<g class="waterfall-ids">(.*?)<\/g>/)![1]!.split('<text').length - 1;
    expect(idTexts(waterfallPlot(many(40)))).toBe(40);
    expect(idTexts(waterfallPlot(many(41)))).toBe(0);
    expect(tooltips(waterfallPlot(many(41)))).toHaveLength(41);
    expect(idTexts(waterfallPlot(many(41), { showIds: true }))).toBe(41);
    expect(idTexts(waterfallPlot(bars, { showIds: false }))).toBe(0);
  });

  it('draws an empty plot for no patients', () => {
    const empty = waterfallPlot([]);
    expectSafeSvg(empty);
    expect(countClass(empty, 'waterfall-bar')).toBe(0);
    expect(empty).toContain('>No patients</text>');
  });

  it('is deterministic: same input, same bytes', () => {
    expect(waterfallPlot(bars, { title: 'PSA 6 weeks after sLND' })).toBe(svg);
    expect(waterfallPlot([...bars], { title: 'PSA 6 weeks after sLND' })).toBe(svg);
    expect(svg).not.toMatch(/\d\.\d{3}/);
  });

  it('escapes ids in labels and tooltips, so data never becomes markup', () => {
    const out = waterfallPlot([
      { patientId: '<script>alert(1)</script>', percentChange: -75 },
      { patientId: '"><img onerror=x>', percentChange: 20 },
    ]);
    expectSafeSvg(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;: -75%</title>');
    expect(out).toContain('<title>&quot;&gt;&lt;img onerror=x&gt;: +20%</title>');
  });

  it('rejects bad arguments, naming them and their value', () => {
    expect(() => waterfallPlot('bars' as never)).toThrow(TypeError);
    expect(() => waterfallPlot('bars' as never)).toThrow(/bars must be an array\. Value: "bars"/);
    expect(() => waterfallPlot([{ patientId: 'a', percentChange: Number.NaN }])).toThrow(
      RangeError,
    );
    expect(() => waterfallPlot([bars[0]!, { patientId: 'a', percentChange: Number.NaN }])).toThrow(
      /bars\[1\]\.percentChange.*NaN/,
    );
    expect(() => waterfallPlot([{ patientId: 'a', percentChange: -150 }])).toThrow(
      /bars\[0\]\.percentChange must be >= -100.*-150/,
    );
    expect(() => waterfallPlot([{ patientId: 7, percentChange: 1 }] as never)).toThrow(
      /bars\[0\].patientId must be a string\. Value: 7/,
    );
    expect(() =>
      waterfallPlot([{ patientId: 'a', percentChange: 1, undetectable: 'yes' }] as never),
    ).toThrow(TypeError);
    expect(() => waterfallPlot(bars, { referenceLines: [-120] })).toThrow(
      /options\.referenceLines\[0\].*-120/,
    );
    expect(() => waterfallPlot(bars, { clampAt: 0 })).toThrow(/options\.clampAt.*0/);
    expect(() => waterfallPlot(bars, { height: 160 })).toThrow(/options\.height/);
  });

  // issue 11 item 6: Math.max(...idWidths) overflowed the stack for a large cohort.
  it('draws 150,000 bars with their ids (no spread of the bars into a call)', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => ({
      patientId: `P${i}`,
      percentChange: (i % 300) - 100,
    }));
    const out = waterfallPlot(many, { showIds: true, width: 40_000 });
    expect(countClass(out, 'waterfall-bar')).toBe(150_000);
  }, 30_000);

  // issue 11 item 13: a clampAt of 1e308 wrote "Infinity" into the SVG.
  it('refuses a clampAt above 1,000,000 percent; huge changes and the limits stay finite', () => {
    expect(() => waterfallPlot(bars, { clampAt: 1e308 })).toThrow(
      'options.clampAt must be > 0 and <= 1000000 (percent). Value: 1e+308.',
    );
    expect(() => waterfallPlot(bars, { width: 1e308 })).toThrow(/^options\.width must be <= 40000/);
    const out = waterfallPlot([...bars, { patientId: 'huge', percentChange: 1e308 }], {
      clampAt: 1_000_000,
      referenceLines: [1_000_000],
      width: 40_000,
      height: 40_000,
    });
    expect(out).not.toMatch(/Infinity|NaN/);
    expect(out).toContain('<title>huge: +1e+308% (drawn cut at +1000000%)</title>');
    expectSafeSvg(out);
  });

  it('matches the file snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/waterfall-plot.svg');
  });
});

import { describe, expect, it } from 'vitest';
import { bayesianToxicityBoundary } from '../../src/monitoring/bayesian-toxicity-boundary.js';
import { toxicityBoundary } from '../../src/monitoring/toxicity-boundary.js';
import { type BoundaryPlotInput, boundaryPlot } from '../../src/plot/boundary-plot.js';
import { expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { countClass, expectSafeSvg, pathsOf } from './_svg.js';

const input: BoundaryPlotInput = deepFreeze({
  looks: [5, 10, 15, 20],
  maxAllowed: [2, 3, 4, 5],
  observed: [
    { patients: 5, events: 1 },
    { patients: 10, events: 4 },
  ],
  decision: 'stop' as const,
});

/** Centres of the circles with class `cls`, as numbers. */
const centres = (svg: string, cls: string): [number, number][] =>
  [...svg.matchAll(new RegExp(`<circle class="${cls}" cx="([\\d.]+)" cy="([\\d.]+)"`, 'g'))].map(
    (m) => [Number(m[1]), Number(m[2])],
  );

/** The y-axis ticks as [value, pixel y] pairs. */
const ticks = (svg: string): [number, number][] =>
  [
    ...svg.matchAll(
      /<text x="[\d.]+" y="([\d.]+)" text-anchor="end" fill="#333333">(\d+)<\/text>/g,
    ),
  ].map((m) => [Number(m[2]), Number(m[1]) - 4]);

/** The pixel y of `value`, interpolated between the y-axis ticks (the axis is linear). */
const tickY = (svg: string, value: number): number => {
  const t = ticks(svg);
  const [v0, y0] = t[0]!;
  const [v1, y1] = t.at(-1)!;
  return Math.round((y0 + ((value - v0) * (y1 - y0)) / (v1 - v0)) * 100) / 100;
};

describe('boundaryPlot', () => {
  const svg = boundaryPlot(input, { title: 'Major complications, 90 days' });

  it('is a standalone SVG document with a viewBox, size, role, title and description', () => {
    expectSafeSvg(svg);
    expect(svg).toContain('width="640" height="400" viewBox="0 0 640 400" role="img"');
    expect(svg).toContain('<title id="slnd-boundary-title">Major complications, 90 days</title>');
    expect(svg).toContain(
      'stop if more than 2 of 5, stop if more than 3 of 10, stop if more than 4 of 15, stop if more than 5 of 20. Observed: 4 event(s) in 10 patient(s). Decision: stop.',
    );
    expect(svg).toContain('>Evaluable patients</text>');
    expect(svg).toContain('>Cumulative events</text>');
  });

  it('draws the boundary as a step line with the stop region above it and a mark per look', () => {
    expect(pathsOf(svg, 'boundary-line')).toHaveLength(1);
    expect(pathsOf(svg, 'boundary-stop-region')).toHaveLength(1);
    const marks = centres(svg, 'boundary-look');
    expect(marks).toHaveLength(4);
    input.maxAllowed.forEach((m, i) => {
      expectClose(marks[i]![1], tickY(svg, m), { abs: 0.011 });
    });
    // stepBefore: from (0, b0) level to the first look, then up at each look
    const d = pathsOf(svg, 'boundary-line')[0]!;
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expectClose(ys[0], tickY(svg, 2), { abs: 0.011 });
    expectClose(ys.at(-1), tickY(svg, 5), { abs: 0.011 });
  });

  it('draws the observed path and marks the point above the boundary at a look', () => {
    expect(pathsOf(svg, 'boundary-path')).toHaveLength(1);
    const points = centres(svg, 'boundary-observed');
    expect(points).toHaveLength(2);
    expectClose(points[1]![1], tickY(svg, 4), { abs: 0.011 });
    expect(svg).toMatch(/<circle class="boundary-observed"[^>]*r="5" fill="#D55E00"/);
    expect(svg).toContain('>Boundary crossed</text>');
    expect(svg).toContain('>Decision: stop</text>');
  });

  it('draws a boundary alone, without observed data or decision', () => {
    const bare = boundaryPlot({ looks: [10, 20], maxAllowed: [1, 3] });
    expectSafeSvg(bare);
    expect(countClass(bare, 'boundary-observed')).toBe(0);
    expect(pathsOf(bare, 'boundary-path')).toHaveLength(0);
    expect(bare).not.toContain('Decision');
  });

  it("takes toxicityBoundary's boundary as maxAllowed", () => {
    const tb = toxicityBoundary({
      acceptableRate: 0.2,
      unacceptableRate: 0.35,
      looks: [20, 40, 60, 75],
    });
    const out = boundaryPlot({ looks: tb.looks, maxAllowed: tb.lower.boundary });
    const marks = centres(out, 'boundary-look');
    expect(marks).toHaveLength(4);
    expectClose(marks[0]![1], tickY(out, tb.lower.boundary[0]!), { abs: 0.011 });
  });

  it("takes bayesianToxicityBoundary's result as is, drawing 'never stops' at the look size", () => {
    const rule = bayesianToxicityBoundary({
      maxAcceptableRate: 0.3,
      posteriorThreshold: 0.99,
      looks: [1, 2, 10],
    });
    expect(rule.stopAt[0]).toBeNull(); // one patient can never show P(rate > 0.3) > 0.99
    expect(rule.maxAllowed[0]).toBe(1);
    const out = boundaryPlot(rule);
    expectSafeSvg(out);
    const marks = centres(out, 'boundary-look');
    expect(marks).toHaveLength(3);
    expectClose(marks[0]![1], tickY(out, 1), { abs: 0.011 });
  });

  it('is deterministic: same input, same bytes', () => {
    expect(boundaryPlot(input, { title: 'Major complications, 90 days' })).toBe(svg);
    expect(svg).not.toMatch(/\d\.\d{3}/);
  });

  it('escapes titles and labels, so they never become markup', () => {
    const out = boundaryPlot(input, {
      title: '<script>alert(1)</script>',
      xLabel: '"><img onerror=x>',
    });
    expectSafeSvg(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('rejects bad arguments, naming them and their value', () => {
    expect(() => boundaryPlot(null as never)).toThrow(/input must be an object\. Value: null/);
    expect(() => boundaryPlot({ looks: 5, maxAllowed: [1] } as never)).toThrow(TypeError);
    expect(() => boundaryPlot({ looks: [], maxAllowed: [] })).toThrow(RangeError);
    expect(() => boundaryPlot({ looks: [10, 5], maxAllowed: [1, 2] })).toThrow(
      /input\.looks must be strictly increasing.*10.*5/,
    );
    expect(() => boundaryPlot({ looks: [Number.NaN], maxAllowed: [1] })).toThrow(
      /input\.looks\[0\].*NaN/,
    );
    expect(() => boundaryPlot({ looks: [5, 10], maxAllowed: [1] })).toThrow(
      /input\.maxAllowed must have one entry per look/,
    );
    expect(() => boundaryPlot({ looks: [5], maxAllowed: [-2] })).toThrow(
      /input\.maxAllowed\[0\].*-2/,
    );
    expect(() =>
      boundaryPlot({ looks: [5], maxAllowed: [1], observed: [{ patients: 3, events: 4 }] }),
    ).toThrow(/input\.observed\[0\]\.events must be <= its patients \(3\)\. Value: 4/);
    expect(() =>
      boundaryPlot({ looks: [5], maxAllowed: [1], observed: [{ patients: -1, events: 0 }] }),
    ).toThrow(RangeError);
    expect(() =>
      boundaryPlot({
        looks: [5],
        maxAllowed: [1],
        observed: [
          { patients: 3, events: 0 },
          { patients: 2, events: 0 },
        ],
      }),
    ).toThrow(/input\.observed must be in order/);
    expect(() => boundaryPlot({ looks: [5], maxAllowed: [1], decision: 'maybe' as never })).toThrow(
      /input\.decision.*"maybe"/,
    );
  });

  // issue 11 item 6: Math.max(...observed) overflowed the stack from about 123,500 points.
  it('draws 200,000 observed patients (no spread of the points into a call)', () => {
    const n = 200_000;
    const observed = Array.from({ length: n }, (_, i) => ({
      patients: i + 1,
      events: Math.floor((i + 1) / 10),
    }));
    const out = boundaryPlot({ looks: [50_000, n], maxAllowed: [6_000, 21_000], observed });
    expect(out.split('class="boundary-observed"').length - 1).toBe(n);
    expect(out).toContain(`${Math.floor(n / 10)} event(s) in ${n} patient(s)`);
  }, 30_000);

  // issue 11 item 13: a width or height of 1e308 wrote "Infinity" into the SVG.
  it('refuses a width or height above 40,000 pixels; at the limit every number is finite', () => {
    expect(() => boundaryPlot(input, { width: 1e308 })).toThrow(
      'options.width must be <= 40000 pixels. Value: 1e+308.',
    );
    expect(() => boundaryPlot(input, { height: 40_001 })).toThrow(
      /^options\.height must be <= 40000/,
    );
    const big = boundaryPlot(
      {
        looks: [1, 2 ** 53 - 1],
        maxAllowed: [0, 2 ** 52],
        observed: [{ patients: 2 ** 53 - 1, events: 2 ** 52 }],
      },
      { width: 40_000, height: 40_000 },
    );
    expect(big).not.toMatch(/Infinity|NaN/);
    expectSafeSvg(big);
  });

  it('matches the file snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/boundary-plot.svg');
  });
});

import { describe, expect, it } from 'vitest';
import { type PsaTrajectory, psaTrajectoriesPlot } from '../../src/plot/psa-trajectories-plot.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { elementsOf, squareCentre, xTick, yTick } from './_elements.js';
import { countClass, expectSafeSvg, pathsOf } from './_svg.js';

// Months from sLND, PSA in ng/mL. P04 has no values; P03's values are given out of order.
const series: readonly PsaTrajectory[] = deepFreeze([
  {
    patientId: 'SLND-001',
    points: [
      { months: -3, value: 1.2 },
      { months: -1, value: 2 },
      { months: 1.5, value: 0.05, undetectable: true },
      { months: 6, value: 0.05, undetectable: true },
      { months: 12, value: 0.3 },
    ],
    adtStartMonths: 18,
  },
  {
    patientId: 'SLND-002',
    points: [
      { months: 0, value: 1 },
      { months: 10, value: 100 },
    ],
    adtStartMonths: 5,
  },
  {
    patientId: 'SLND-003',
    points: [
      { months: 24, value: 0.2 },
      { months: -1, value: 4 },
      { months: 1.5, value: 0 },
    ],
    adtStartMonths: null,
  },
  { patientId: 'SLND-004', points: [] },
]);

const LOG2 = Math.log10(2);

describe('psaTrajectoriesPlot', () => {
  const svg = psaTrajectoriesPlot(series, { title: 'PSA after sLND' });

  it('is a standalone SVG document with a size, role, title and description', () => {
    expectSafeSvg(svg);
    expect(svg).toContain('width="720" height="480" viewBox="0 0 720 480" role="img"');
    expect(svg).toContain('aria-labelledby="slnd-psa-title slnd-psa-desc"');
    expect(svg).toContain('<title id="slnd-psa-title">PSA after sLND</title>');
    expect(svg).toContain(
      '<desc id="slnd-psa-desc">PSA trajectories of 3 patient(s) (10 value(s)); 1 patient(s) without values not drawn',
    );
    expect(svg).toContain(
      '3 undetectable value(s) drawn hollow, 2 at the detection limit given, 1 of 0 at the axis floor (0.01 ng/mL)',
    );
  });

  it('draws one line per patient with values, a point per value and an ADT marker per ADT start', () => {
    const lines = elementsOf(svg, 'path', 'psa-line');
    expect(lines.map((l) => l.title)).toEqual(['SLND-001', 'SLND-002', 'SLND-003']);
    expect(countClass(svg, 'psa-point')).toBe(3 + 2 + 2); // the detectable values
    expect(countClass(svg, 'psa-undetectable')).toBe(3);
    expect(countClass(svg, 'psa-adt')).toBe(2);
    expect(svg).toContain('>ADT start</text>');
    expect(svg).toContain('>Measured value</text>');
  });

  it('puts PSA on a log scale: equal decades, 0.2 at log10(2) of the decade above 0.1', () => {
    const y001 = yTick(svg, '0.01');
    const y01 = yTick(svg, '0.1');
    const y1 = yTick(svg, '1');
    const y100 = yTick(svg, '100');
    expect(y001 - y01).toBeCloseTo(y01 - y1, 1);
    expect(y1 - y100).toBeCloseTo(2 * (y01 - y1), 1);
    const at = (value: number) => y1 - Math.log10(value) * (y01 - y1);
    // The reference line, dashed at 0.2 ng/mL.
    const ref = elementsOf(svg, 'g', 'psa-reference');
    expect(ref).toHaveLength(1);
    const refLine =
      /<g class="psa-reference"><line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="\1" stroke="#222222" stroke-dasharray="6 4"\/>/.exec(
        svg,
      );
    expect(Number(refLine![1])).toBeCloseTo(y01 - LOG2 * (y01 - y1), 1);
    expect(svg).toContain('>0.2 ng/mL</text>');
    // Every drawn value at its logarithm.
    const points = elementsOf(svg, 'circle', 'psa-point');
    const twoAt24 = points.find((p) => p.title === 'SLND-003: 0.2 ng/mL at 24 months')!;
    expect(twoAt24.num('cy')).toBeCloseTo(at(0.2), 1);
    const hundred = points.find((p) => p.title === 'SLND-002: 100 ng/mL at 10 months')!;
    expect(hundred.num('cy')).toBeCloseTo(y100, 1);
  });

  it('draws undetectable values hollow at their limit, and a 0 at the stated floor, finite', () => {
    const hollow = elementsOf(svg, 'circle', 'psa-undetectable');
    expect(hollow.every((c) => c.attrs['fill'] === '#ffffff')).toBe(true);
    const y1 = yTick(svg, '1');
    const y01 = yTick(svg, '0.1');
    const limit = hollow.find(
      (c) => c.title === 'SLND-001: undetectable, below 0.05 ng/mL at 1.5 months',
    )!;
    expect(limit.num('cy')).toBeCloseTo(y1 - Math.log10(0.05) * (y01 - y1), 1);
    // The floor: the power of ten strictly below the smallest positive value (0.05): 0.01.
    const zero = hollow.find((c) => c.title!.startsWith('SLND-003: 0 ng/mL'))!;
    expect(zero.num('cy')).toBeCloseTo(yTick(svg, '0.01'), 1);
    expect(svg).toContain(
      '>Undetectable (at its detection limit; 0 at the axis floor, 0.01 ng/mL)</text>',
    );
    expect(svg).not.toMatch(/Infinity|NaN/);
    // The floor moves below a smaller value: never on a measured one.
    const low = psaTrajectoriesPlot([
      {
        patientId: 'a',
        points: [
          { months: 1, value: 0.01 },
          { months: 2, value: 0 },
        ],
      },
    ]);
    expect(low).toContain('0 at the axis floor, 0.001 ng/mL');
    // Only zeros and no reference line: still a finite axis.
    const zeros = psaTrajectoriesPlot([{ patientId: 'a', points: [{ months: 1, value: 0 }] }], {
      referenceLines: [],
    });
    expect(zeros).not.toMatch(/Infinity|NaN/);
    expect(countClass(zeros, 'psa-undetectable')).toBe(1);
  });

  it('puts the ADT marker on the line, interpolated on the log scale', () => {
    const [first, second] = elementsOf(svg, 'path', 'psa-adt');
    expect(first!.title).toBe('SLND-001: ADT started at 18 months');
    expect(second!.title).toBe('SLND-002: ADT started at 5 months');
    // SLND-002 goes from 1 at 0 months to 100 at 10: at 5 months the line is at 10 ng/mL.
    const centre = squareCentre(second!.attrs['d']!);
    expect(centre.y).toBeCloseTo(yTick(svg, '10'), 0);
    const x0 = xTick(svg, '0');
    expect(centre.x).toBeCloseTo(x0 + ((xTick(svg, '6') - x0) * 5) / 6, 0);
    // After the last value (12 months) at that value's height (0.3 ng/mL).
    const after = squareCentre(first!.attrs['d']!);
    const y1 = yTick(svg, '1');
    const y01 = yTick(svg, '0.1');
    expect(after.y).toBeCloseTo(y1 - Math.log10(0.3) * (y01 - y1), 0);
  });

  it('joins values in order of time, and marks the sLND at 0 months', () => {
    const d = pathsOf(svg, 'psa-line')[2]!; // SLND-003, given as 24, -1, 1.5 months
    const xs = [...d.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(3);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(svg).toMatch(new RegExp(`<g class="psa-slnd"><line x1="${xTick(svg, '0')}"`));
    expect(svg).toContain('>Months from sLND</text>');
    expect(svg).toContain('>PSA (ng/mL, log scale)</text>');
  });

  it('draws the reference lines asked for, hides measured points on request, highlights patients', () => {
    const out = psaTrajectoriesPlot(series, {
      referenceLines: [0.2, 2],
      showPoints: false,
      highlight: ['SLND-002'],
    });
    expect(countClass(out, 'psa-reference')).toBe(2);
    expect(out).toContain('>2 ng/mL</text>');
    expect(countClass(out, 'psa-point')).toBe(0);
    expect(countClass(out, 'psa-undetectable')).toBe(3); // undetectable values stay drawn
    expect(out).toMatch(
      /<path class="psa-line" d="[^"]*" fill="none" stroke="#D55E00" stroke-width="2"><title>SLND-002</,
    );
    expect(out).toContain('>SLND-002</text>'); // in the legend
    // Highlighted lines are drawn last, on top.
    expect(elementsOf(out, 'path', 'psa-line').at(-1)!.title).toBe('SLND-002');
  });

  it('escapes hostile ids in tooltips and the legend', () => {
    const out = psaTrajectoriesPlot(
      [
        { patientId: '<script>alert(1)</script>', points: [{ months: 1, value: 1 }] },
        { patientId: 'P1\rP2', points: [{ months: 2, value: 2 }], adtStartMonths: 3 },
      ],
      { highlight: ['<script>alert(1)</script>'] },
    );
    expectSafeSvg(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('\r');
    expect(out).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(out).toContain('<title>P1 P2: ADT started at 3 months</title>');
  });

  it('says so when there is nothing to draw', () => {
    const out = psaTrajectoriesPlot([]);
    expect(out).toContain('>No PSA values</text>');
    expect(countClass(out, 'psa-line')).toBe(0);
    expectSafeSvg(out);
  });

  it('rejects bad input and options, naming them and their value', () => {
    const one =
      (points: unknown, extra = {}) =>
      () =>
        psaTrajectoriesPlot([{ patientId: 'a', points, ...extra }] as never);
    expect(() => psaTrajectoriesPlot('x' as never)).toThrow(
      /^series must be an array\. Value: "x"/,
    );
    expect(() =>
      psaTrajectoriesPlot([
        { patientId: 'a', points: [] },
        { patientId: 'a', points: [] },
      ]),
    ).toThrow(/^series\[1\]\.patientId repeats series\[0\]\.patientId/);
    expect(() => psaTrajectoriesPlot([{ id: 'a', points: [] }] as never)).toThrow(
      /^series\[0\]\.patientId must be a string\. Value: undefined/,
    );
    expect(one([{ months: 1, value: -1 }])).toThrow(
      /^series\[0\]\.points\[0\]\.value must be >= 0 ng\/mL\. Value: -1\./,
    );
    // Any PSA the model accepts is drawn (below the range at the floor, above it at the top).
    expect(one([{ months: 1, value: 5e-324 }])).not.toThrow();
    expect(one([{ months: 1, value: 1e300 }])).not.toThrow();
    expect(one([{ months: 1, value: Number.POSITIVE_INFINITY }])).toThrow(/finite/);
    expect(one([{ months: Number.NaN, value: 1 }])).toThrow(/points\[0\]\.months.*NaN/);
    expect(one([{ months: 4000, value: 1 }])).toThrow(/within ±3600 months/);
    expect(one([{ months: 1, value: 1, undetectable: 'yes' }])).toThrow(TypeError);
    expect(one([], { adtStartMonths: '3' })).toThrow(
      /^series\[0\]\.adtStartMonths must be a number/,
    );
    expect(() => psaTrajectoriesPlot(series, { referenceLines: [0] })).toThrow(
      /^options\.referenceLines\[0\] must be in \[0\.0001, 1000000\]/,
    );
    expect(() => psaTrajectoriesPlot(series, { highlight: ['nobody'] })).toThrow(
      /^options\.highlight\[0\] must be the patientId of a series\. Value: "nobody"/,
    );
    expect(() => psaTrajectoriesPlot(series, { highlight: ['SLND-001', 'SLND-001'] })).toThrow(
      /^options\.highlight\[1\] is named twice/,
    );
    expect(() => psaTrajectoriesPlot(series, { highlight: Array(7).fill('SLND-001') })).toThrow(
      /^options\.highlight must name at most 6/,
    );
    expect(() => psaTrajectoriesPlot(series, { showPoints: 1 as never })).toThrow(
      /^options\.showPoints must be a boolean/,
    );
    expect(() => psaTrajectoriesPlot(series, { width: 1e308 })).toThrow(
      /^options\.width must be <= 40000/,
    );
    expect(() => psaTrajectoriesPlot(series, { height: 160 })).toThrow(
      /^options\.height leaves less than 100 pixels for the plot/,
    );
  });

  it('draws 20,000 patients (no spread of the values into a call)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      patientId: `P${i}`,
      points: [
        { months: -1, value: 1 + (i % 7) },
        { months: 2, value: i % 5 === 0 ? 0 : 0.1 * ((i % 9) + 1), undetectable: i % 5 === 0 },
        { months: 12, value: 0.5 + (i % 11) },
      ],
      adtStartMonths: i % 3 === 0 ? 6 : null,
    }));
    const out = psaTrajectoriesPlot(many);
    expect(countClass(out, 'psa-line')).toBe(20_000);
    expect(countClass(out, 'psa-undetectable')).toBe(4_000);
    expect(countClass(out, 'psa-adt')).toBe(6_667);
    expect(out).toContain('more than 60 patients, drawn with thinner lines');
  }, 30_000);

  it('does what its TSDoc example says', () => {
    const out = psaTrajectoriesPlot([
      {
        patientId: 'P01',
        points: [
          { months: -2, value: 1.8 },
          { months: 1.5, value: 0.03, undetectable: true },
        ],
      },
      {
        patientId: 'P02',
        points: [
          { months: -1, value: 0.9 },
          { months: 3, value: 2.4 },
        ],
        adtStartMonths: 4,
      },
    ]);
    expect(out.includes('<title>P02: ADT started at 4 months</title>')).toBe(true);
  });

  it('is deterministic and leaves its input as it was', () => {
    expect(psaTrajectoriesPlot(series, { title: 'PSA after sLND' })).toBe(svg);
    expect(series[2]!.points[0]!.months).toBe(24);
  });

  it('matches the file snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/psa-trajectories-plot.svg');
  });
});

import { describe, expect, it } from 'vitest';
import { kaplanMeierPlot } from '../../src/plot/kaplan-meier-plot.js';
import { type KaplanMeierFit, kaplanMeier } from '../../src/survival/kaplan-meier.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { countClass, expectSafeSvg, pathsOf, textsOf } from './_svg.js';

// Two small hand-made groups; times are days since sLND, 1 = event, 0 = censored.
const groupA: [number, 0 | 1][] = [
  [40, 1],
  [95, 0],
  [150, 1],
  [210, 1],
  [260, 0],
  [330, 1],
  [400, 0],
  [520, 1],
  [610, 0],
  [700, 0],
  [900, 0],
];
const groupB: [number, 0 | 1][] = [
  [20, 1],
  [60, 1],
  [120, 0],
  [180, 1],
  [240, 1],
  [365, 0],
  [450, 1],
  [800, 0],
];
const fitOf = (rows: [number, 0 | 1][]): KaplanMeierFit =>
  kaplanMeier(rows.map(([time, event]) => ({ time, event })));
const fitA = fitOf(groupA);
const fitB = fitOf(groupB);
const curves = deepFreeze([
  { label: 'PSMA-PET', fit: fitA },
  { label: 'Choline-PET', fit: fitB },
]);
const DAYS_PER_MONTH = 30.4375;

/** Distinct censoring times <= maxDays, straight from the raw data. */
const censorTimes = (rows: [number, 0 | 1][], maxDays: number): number =>
  new Set(rows.filter(([t, e]) => e === 0 && t <= maxDays).map(([t]) => t)).size;
/** Number with follow-up >= t, straight from the raw data. */
const atRisk = (rows: [number, 0 | 1][], tDays: number): number =>
  rows.filter(([t]) => t >= tDays).length;

describe('kaplanMeierPlot', () => {
  const svg = kaplanMeierPlot(curves, { title: 'Metastasis-free survival' });

  it('is a standalone SVG document with a viewBox, size, role, title and description', () => {
    expectSafeSvg(svg);
    expect(svg).toContain('width="720" height="480" viewBox="0 0 720 480" role="img"');
    expect(svg).toContain('aria-labelledby="slnd-km-title slnd-km-desc"');
    expect(svg).toContain('<title id="slnd-km-title">Metastasis-free survival</title>');
    expect(svg).toMatch(/<desc id="slnd-km-desc">Kaplan-Meier[^<]*PSMA-PET \(n = 11/);
  });

  it('draws one step path, one band and one censoring mark set per curve, and the labels', () => {
    expect(pathsOf(svg, 'km-curve')).toHaveLength(2);
    expect(pathsOf(svg, 'km-band')).toHaveLength(2);
    expect(svg).toContain('>Survival probability</text>');
    expect(svg).toContain('>Months since sLND</text>');
    expect(svg).toContain('>95% pointwise confidence band</text>');
    expect(svg).toContain('>Censored</text>');
    // Okabe-Ito blue then vermillion
    expect(svg).toMatch(/class="km-curve"[^>]*stroke="#0072B2"/);
    expect(svg).toMatch(/class="km-curve"[^>]*stroke="#D55E00"/);
  });

  it('starts each curve at (0, 1): the top-left corner of the plot area', () => {
    const axis = svg.match(
      /<line x1="([\d.]+)" x2="\1" y1="([\d.]+)" y2="[\d.]+" stroke="#333333"\/>/,
    );
    expect(axis).not.toBeNull();
    for (const d of pathsOf(svg, 'km-curve')) {
      expect(d.startsWith(`M${axis![1]},${axis![2]}`)).toBe(true);
    }
  });

  it('draws as many censoring ticks as censoring times within the range (24 months)', () => {
    const [a, b] = pathsOf(svg, 'km-censor');
    const max = 24 * DAYS_PER_MONTH;
    expect(a!.match(/M/g)).toHaveLength(censorTimes(groupA, max));
    expect(b!.match(/M/g)).toHaveLength(censorTimes(groupB, max));
    expect(censorTimes(groupA, max)).toBe(5); // 900 days is past 24 months
  });

  it('cuts the curves at maxTime', () => {
    const short = kaplanMeierPlot(curves, { maxTime: 12 });
    const [a, b] = pathsOf(short, 'km-censor');
    expect(a!.match(/M/g)).toHaveLength(censorTimes(groupA, 12 * DAYS_PER_MONTH));
    expect(b!.match(/M/g)).toHaveLength(censorTimes(groupB, 12 * DAYS_PER_MONTH));
    const right = Math.max(
      ...pathsOf(short, 'km-curve').flatMap((d) =>
        [...d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1])),
      ),
    );
    expect(right).toBe(720 - 28);
  });

  it('writes the numbers at risk at 0, 6, 12, 18, 24 months, one row per curve', () => {
    const expected = [groupA, groupB].flatMap((rows) =>
      [0, 6, 12, 18, 24].map((m) => String(atRisk(rows, m * DAYS_PER_MONTH))),
    );
    expect(textsOf(svg, 'km-risk')).toEqual(expected);
    expect(expected.slice(0, 5)).toEqual(['11', '8', '5', '3', '1']);
    expect(svg).toContain('>Number at risk</text>');
  });

  it('places each risk number under its x-axis tick', () => {
    const tickX = [
      ...svg.matchAll(
        /<text x="([\d.]+)" y="[\d.]+" text-anchor="middle" fill="#333333">(?:0|6|12|18|24)<\/text>/g,
      ),
    ].map((m) => m[1]);
    const riskX = [...svg.matchAll(/<text class="km-risk" x="([\d.]+)"/g)].map((m) => m[1]);
    expect(tickX).toHaveLength(5);
    expect(riskX).toEqual([...tickX, ...tickX]);
  });

  it('takes risk times and the axis in days', () => {
    const days = kaplanMeierPlot(fitA, {
      timeUnit: 'days',
      maxTime: 730,
      riskTimes: [0, 100, 365],
    });
    expect(days).toContain('>Days since sLND</text>');
    expect(textsOf(days, 'km-risk')).toEqual([0, 100, 365].map((t) => String(atRisk(groupA, t))));
    expect(days).toContain('>All patients</text>');
  });

  it('counts n at risk up to the first time and 0 after the last', () => {
    const fit = fitOf([
      [100, 1],
      [200, 0],
    ]);
    const out = kaplanMeierPlot(fit, {
      timeUnit: 'days',
      maxTime: 300,
      riskTimes: [0, 100, 150, 250],
    });
    expect(textsOf(out, 'km-risk')).toEqual(['2', '2', '1', '0']);
  });

  it("shows the band in the legend in the curve's colour for one curve, in grey for several", () => {
    const legendBand = (markup: string) =>
      /<g class="legend">.*?<rect [^>]*fill="(#[0-9A-Fa-f]{6})" fill-opacity/.exec(markup)?.[1];
    expect(legendBand(kaplanMeierPlot([{ label: 'One', fit: fitA }]))).toBe('#0072B2');
    expect(legendBand(svg)).toBe('#555555');
  });

  it('leaves the band out where a limit is null, and altogether for confType none', () => {
    const none = kaplanMeierPlot([
      {
        label: 'A',
        fit: kaplanMeier(
          groupA.map(([time, event]) => ({ time, event })),
          { confType: 'none' },
        ),
      },
    ]);
    expect(pathsOf(none, 'km-band')).toHaveLength(0);
    expect(none).not.toContain('confidence band');
    const fit: KaplanMeierFit = {
      ...fitA,
      lower: fitA.lower.map((l, i) => (i === 3 ? null : l)),
    };
    const gap = pathsOf(kaplanMeierPlot(fit), 'km-band')[0]!;
    expect(gap.match(/M/g)).toHaveLength(2);
  });

  it('can leave out the risk table, bands and censoring marks', () => {
    const bare = kaplanMeierPlot(curves, {
      riskTable: false,
      confidenceBands: false,
      censorMarks: false,
    });
    expectSafeSvg(bare);
    expect(countClass(bare, 'km-risk')).toBe(0);
    expect(pathsOf(bare, 'km-band')).toHaveLength(0);
    expect(pathsOf(bare, 'km-censor')).toHaveLength(0);
    expect(pathsOf(bare, 'km-curve')).toHaveLength(2);
  });

  it('is deterministic: same input, same bytes', () => {
    expect(kaplanMeierPlot(curves, { title: 'Metastasis-free survival' })).toBe(svg);
    const again = [
      { label: 'PSMA-PET', fit: fitOf(groupA) },
      { label: 'Choline-PET', fit: fitOf(groupB) },
    ];
    expect(kaplanMeierPlot(again, { title: 'Metastasis-free survival' })).toBe(svg);
    expect(svg).not.toMatch(/\d\.\d{3}/); // 2 decimals at most
  });

  it('escapes labels and titles, so data never becomes markup', () => {
    const out = kaplanMeierPlot(
      [
        { label: '<script>alert(1)</script>', fit: fitA },
        { label: '"><img onerror=x>', fit: fitB },
      ],
      { title: "O'Brien & <b>", xLabel: '<x>', yLabel: '"y"' },
    );
    expectSafeSvg(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&quot;&gt;&lt;img onerror=x&gt;');
    expect(out).toContain('O&#39;Brien &amp; &lt;b&gt;');
  });

  it('derives ids from options.idPrefix only', () => {
    const out = kaplanMeierPlot(fitA, { idPrefix: 'fig-2' });
    expect([...out.matchAll(/ id="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'fig-2-title',
      'fig-2-desc',
    ]);
    expect(() => kaplanMeierPlot(fitA, { idPrefix: 'x" onload="y' })).toThrow(
      /options\.idPrefix.*"x\\" onload=\\"y"/,
    );
  });

  it('rejects bad arguments, naming them and their value', () => {
    expect(() => kaplanMeierPlot('fit' as never)).toThrow(TypeError);
    expect(() => kaplanMeierPlot('fit' as never)).toThrow(/curves.*"fit"/);
    expect(() => kaplanMeierPlot([])).toThrow(RangeError);
    expect(() => kaplanMeierPlot([{ label: 1, fit: fitA }] as never)).toThrow(
      /curves\[0\]\.label must be a string\. Value: 1/,
    );
    const nan = { ...fitA, time: fitA.time.map((t, i) => (i === 1 ? Number.NaN : t)) };
    expect(() => kaplanMeierPlot(nan)).toThrow(RangeError);
    expect(() => kaplanMeierPlot(nan)).toThrow(/curves\.time\[1\].*NaN/);
    const negative = { ...fitA, time: [-5, ...fitA.time.slice(1)] };
    expect(() => kaplanMeierPlot([{ label: 'A', fit: negative }])).toThrow(
      /curves\[0\]\.fit\.time\[0\] must be >= 0\. Value: -5/,
    );
    const short = { ...fitA, survival: fitA.survival.slice(1) };
    expect(() => kaplanMeierPlot(short)).toThrow(/curves\.survival must have the length/);
    expect(() => kaplanMeierPlot({ ...fitA, time: 'x' } as never)).toThrow(TypeError);
    expect(() => kaplanMeierPlot(fitA, { maxTime: Number.NaN })).toThrow(/options\.maxTime.*NaN/);
    expect(() => kaplanMeierPlot(fitA, { maxTime: -1 })).toThrow(RangeError);
    expect(() => kaplanMeierPlot(fitA, { riskTimes: [0, 30] })).toThrow(
      /options\.riskTimes\[1\].*30/,
    );
    expect(() => kaplanMeierPlot(fitA, { riskTimes: [-1] })).toThrow(RangeError);
    expect(() => kaplanMeierPlot(fitA, { riskTimes: 6 as never })).toThrow(TypeError);
    expect(() => kaplanMeierPlot(fitA, { timeUnit: 'weeks' as never })).toThrow(
      /options\.timeUnit.*"weeks"/,
    );
    expect(() => kaplanMeierPlot(fitA, { width: 10 })).toThrow(/options\.width.*10/);
    expect(() => kaplanMeierPlot(fitA, { title: 3 as never })).toThrow(TypeError);
  });

  // issue 11 item 6: Math.max(...numbersAtRisk) overflowed the stack with 200,000 risk times.
  it('writes the numbers at risk at 200,000 risk times (no spread of them into a call)', () => {
    const n = 200_000;
    const riskTimes = Array.from({ length: n }, (_, i) => (i * 24) / n);
    const out = kaplanMeierPlot(curves, { riskTimes, width: 40_000 });
    expect(out.split('class="km-risk"').length - 1).toBe(2 * n);
  }, 30_000);

  // issue 11 item 13: a maxTime, width or height of 1e308 wrote "Infinity" into the SVG.
  it('refuses a maxTime above 300 years and a size above 40,000 pixels', () => {
    expect(() => kaplanMeierPlot(fitA, { maxTime: 1e308, timeUnit: 'days' })).toThrow(
      'options.maxTime must be > 0 and <= 109575 days (300 years). Value: 1e+308.',
    );
    expect(() => kaplanMeierPlot(fitA, { maxTime: 3600.5 })).toThrow(
      /^options\.maxTime must be > 0 and <= 3600 months/,
    );
    expect(() => kaplanMeierPlot(fitA, { width: 1e308 })).toThrow(
      /^options\.width must be <= 40000/,
    );
    expect(() => kaplanMeierPlot(fitA, { height: 1e308 })).toThrow(
      /^options\.height must be <= 40000/,
    );
    for (const options of [
      { maxTime: 3600, width: 40_000, height: 40_000 },
      { maxTime: 109_575, timeUnit: 'days' as const },
    ]) {
      const out = kaplanMeierPlot(curves, options);
      expect(out).not.toMatch(/Infinity|NaN/);
      expectSafeSvg(out);
    }
  });

  it('matches the file snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/kaplan-meier-plot.svg');
  });
});

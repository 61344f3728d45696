import { describe, expect, it } from 'vitest';
import {
  type ForestPlotGroup,
  type ForestPlotRow,
  forestPlot,
} from '../../src/plot/forest-plot.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { elementsOf, squareCentre, xTick } from './_elements.js';
import { countClass, expectSafeSvg, textsOf } from './_svg.js';

/** A row shaped as `report.json`'s `predictors` entries (endpoint and variable included). */
type ReportRow = ForestPlotRow & { readonly endpoint: string; readonly variable: string };

const cox = (label: string, rest: Partial<ReportRow>): ReportRow => ({
  endpoint: 'metastasisFreeSurvival',
  variable: label.toLowerCase(),
  label,
  model: 'cox',
  n: 86,
  events: 31,
  estimate: null,
  lower: null,
  upper: null,
  pValue: null,
  ...rest,
});
const logistic = (label: string, rest: Partial<ReportRow>): ReportRow => ({
  ...cox(label, rest),
  endpoint: 'psaResponse',
  model: 'logistic',
  n: 84,
  events: 40,
  ...rest,
});

const groups: readonly ForestPlotGroup[] = deepFreeze([
  {
    title: 'Metastasis-free survival (Cox)',
    rows: [
      cox('PSA at sLND', { estimate: 1, lower: 0.8, upper: 1.25, pValue: 0.99 }),
      cox('Age, per 10 years', { estimate: 2, lower: 1.1, upper: 3.6, pValue: 0.0123 }),
      cox('Node-positive', { estimate: 0.5, lower: 0.25, upper: 0.95, pValue: 0.034 }),
      cox('Positive nodes >= 3', { reason: 'too few events (2)' }),
      cox('Gleason >= 8 (Firth)', { estimate: 6.1, lower: 0.9, upper: 2400, pValue: 0.06 }),
    ],
  },
  {
    title: 'PSA response (logistic)',
    rows: [
      logistic('PSMA-PET', { estimate: 1.23, lower: 0.8, upper: 1.9, pValue: 0.00001 }),
      logistic('Short doubling time', { estimate: 0.3, lower: 0, upper: null, pValue: 0.2 }),
    ],
  },
]);

/** The x of the reference line at 1. */
const referenceX = (svg: string): number => {
  const [line] = elementsOf(svg, 'line', 'forest-reference');
  expect(line!.num('x1')).toBe(line!.num('x2'));
  return line!.num('x1');
};
/** The centres of the squares, in row order. */
const squares = (svg: string) =>
  elementsOf(svg, 'path', 'forest-estimate').map((p) => squareCentre(p.attrs['d']!));
/** The ends of the x axis line: the plot area's left and right. */
const axisEnds = (svg: string): { left: number; right: number } => {
  const m = /<g class="axis axis-x"><line x1="([\d.]+)" x2="([\d.]+)"/.exec(svg)!;
  return { left: Number(m[1]), right: Number(m[2]) };
};
/** The tips of the arrows, as { x, y, dir } (dir -1: pointing left). */
const arrows = (svg: string) =>
  elementsOf(svg, 'path', 'forest-arrow').map((p) => {
    const m = /^M([\d.]+),([\d.]+)l(-?[\d.]+),/.exec(p.attrs['d']!)!;
    return { x: Number(m[1]), y: Number(m[2]), dir: Number(m[3]) > 0 ? -1 : 1 };
  });

describe('forestPlot', () => {
  const svg = forestPlot(groups, { title: 'Exploratory predictors' });

  it('is a standalone SVG document with a size, role, title and description', () => {
    expectSafeSvg(svg);
    const height = Number(/^<svg [^>]*height="(\d+)"/.exec(svg)![1]);
    // 2 headings + 7 rows of 20 pixels, title and column headings above, axis below.
    expect(height).toBe(32 + 26 + 9 * 20 + 48);
    expect(svg).toContain(`width="800" height="${height}" viewBox="0 0 800 ${height}" role="img"`);
    expect(svg).toContain('aria-labelledby="slnd-forest-title slnd-forest-desc"');
    expect(svg).toContain('<title id="slnd-forest-title">Exploratory predictors</title>');
    expect(svg).toContain(
      '<desc id="slnd-forest-desc">Forest plot of 7 predictor(s) in 2 group(s), 6 estimated and 1 not estimable: hazard (HR) or odds (OR) ratios with 95% confidence intervals on a log scale from 0.2 to 100, reference line at 1. 3 confidence limit(s) beyond the axis or unknown, drawn as arrows.',
    );
    expect(svg).toContain(
      'Age, per 10 years: HR 2.00 (1.10 to 3.60), p = 0.0123, events/n = 31/86;',
    );
    expect(svg).toContain('PSMA-PET: OR 1.23 (0.80 to 1.90), p &lt; 0.0001, events/n = 40/84;');
    expect(svg).toContain('>Ratio (log scale)</text>');
  });

  it('draws one interval per row with an estimate and one square per estimate on the axis', () => {
    expect(countClass(svg, 'forest-row')).toBe(7);
    expect(countClass(svg, 'forest-ci')).toBe(6);
    expect(countClass(svg, 'forest-estimate')).toBe(6);
    expect(textsOf(svg, 'forest-group')).toEqual([
      'Metastasis-free survival (Cox)',
      'PSA response (logistic)',
    ]);
    expect(textsOf(svg, 'forest-label')).toEqual([
      'PSA at sLND',
      'Age, per 10 years',
      'Node-positive',
      'Positive nodes &gt;= 3',
      'Gleason &gt;= 8 (Firth)',
      'PSMA-PET',
      'Short doubling time',
    ]);
    // Rows top to bottom in input order, each square on its interval's line.
    const ys = squares(svg).map((s) => s.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const lines = elementsOf(svg, 'line', 'forest-ci');
    lines.forEach((l, i) => {
      expect(l.num('y1')).toBe(l.num('y2'));
      expect(ys[i]).toBeCloseTo(l.num('y1'), 1);
    });
  });

  it('puts a ratio of 1 on the reference line, and 2 and 0.5 at equal distances (log scale)', () => {
    const ref = referenceX(svg);
    const [one, two, half, , onePointTwoThree] = squares(svg).map((s) => s.x);
    expect(one).toBeCloseTo(ref, 1);
    expect(two! - ref).toBeGreaterThan(20);
    expect(two! - ref).toBeCloseTo(ref - half!, 1);
    expect(onePointTwoThree).toBeGreaterThan(ref);
    expect(onePointTwoThree).toBeLessThan(two!);
    // The tick labelled 10 is as far from 1 as 0.1 would be, and twice as far as 10^0.5.
    const ten = xTick(svg, '10');
    expect(xTick(svg, '1')).toBeCloseTo(ref, 1);
    expect((ten - ref) / (two! - ref)).toBeCloseTo(1 / Math.log10(2), 1);
  });

  it('chooses the axis from the data, labels its ends and clamps it to [0.01, 100]', () => {
    expect(xTick(svg, '0.2')).toBeCloseTo(axisEnds(svg).left, 1);
    expect(xTick(svg, '100')).toBeCloseTo(axisEnds(svg).right, 1);
    const narrow = forestPlot([
      { title: 'g', rows: [cox('a', { estimate: 1.1, lower: 0.9, upper: 1.3 })] },
    ]);
    expect(narrow).toContain('on a log scale from 0.5 to 2,');
    expect(xTick(narrow, '0.5')).toBeCloseTo(axisEnds(narrow).left, 1);
    expect(xTick(narrow, '2')).toBeCloseTo(axisEnds(narrow).right, 1);
    const wide = forestPlot([
      {
        title: 'g',
        rows: [
          cox('a', { estimate: 1e-5, lower: 1e-9, upper: 3e-3 }),
          cox('b', { estimate: 1e4, lower: 500, upper: 1e7 }),
        ],
      },
    ]);
    expect(wide).toContain('on a log scale from 0.01 to 100,');
    const given = forestPlot(groups, { axisRange: [0.1, 10] });
    expect(given).toContain('on a log scale from 0.1 to 10,');
    expect(xTick(given, '0.1')).toBeCloseTo(axisEnds(given).left, 1);
  });

  it('ends a limit beyond the axis, a lower limit of 0 and a null limit in an arrow at the axis end', () => {
    const { left, right } = axisEnds(svg);
    const ys = squares(svg).map((s) => s.y);
    const got = arrows(svg);
    expect(got).toHaveLength(3);
    // Gleason: upper 2400 > 100; short doubling time: lower 0 and upper null.
    expect(got[0]).toEqual({ x: right, y: expect.closeTo(ys[3]!, 1), dir: 1 });
    expect(got[1]).toEqual({ x: left, y: expect.closeTo(ys[5]!, 1), dir: -1 });
    expect(got[2]).toEqual({ x: right, y: expect.closeTo(ys[5]!, 1), dir: 1 });
    const lines = elementsOf(svg, 'line', 'forest-ci');
    expect(lines[3]!.num('x2')).toBe(right);
    expect(lines[5]!.num('x1')).toBe(left);
    expect(lines[5]!.num('x2')).toBe(right);
    // Limits inside the axis have no arrow, and the line ends where they are.
    expect(lines[0]!.num('x1')).toBeGreaterThan(left);
    expect(lines[0]!.num('x2')).toBeLessThan(right);
    expect(lines[0]!.num('x2') - referenceX(svg)).toBeCloseTo(
      referenceX(svg) - lines[0]!.num('x1'),
      1,
    );
  });

  it('draws an estimate beyond the axis as no square, its interval cut with an arrow', () => {
    const out = forestPlot(
      [
        {
          title: 'g',
          rows: [
            cox('huge', { estimate: 500, lower: 150, upper: 2000 }),
            cox('one', { estimate: 1, lower: 0.5, upper: 2 }),
          ],
        },
      ],
      { axisRange: [0.1, 10] },
    );
    expectSafeSvg(out);
    expect(countClass(out, 'forest-ci')).toBe(2);
    expect(countClass(out, 'forest-estimate')).toBe(1);
    const { right } = axisEnds(out);
    const [line] = elementsOf(out, 'line', 'forest-ci');
    expect(line!.num('x1')).toBe(right);
    expect(line!.num('x2')).toBe(right);
    expect(arrows(out)).toEqual([{ x: right, y: expect.any(Number), dir: 1 }]);
    expect(out).toContain('1 estimate(s) beyond the axis, not drawn (see the text column).');
    expect(out).toContain('>HR 500 (150 to 2000)</text>');
  });

  it('writes "not estimable" and the reason for a row without an estimate', () => {
    expect(textsOf(svg, 'forest-not-estimable')).toEqual(['not estimable: too few events (2)']);
    const row = svg.match(/<g class="forest-row"><title>Positive nodes[^<]*<\/title>(.*?)<\/g>/)!;
    expect(row[0]).toContain('; not estimable: too few events (2)</title>');
    expect(row[1]).not.toContain('forest-ci');
    expect(row[1]).not.toContain('forest-estimate');
    expect(row[1]).toContain('>HR NA</text>');
    const bare = forestPlot([{ title: 'g', rows: [logistic('x', {})] }]);
    expect(textsOf(bare, 'forest-not-estimable')).toEqual(['not estimable']);
    expect(textsOf(bare, 'forest-interval')).toEqual(['OR NA']);
    expect(bare).toContain('0 estimated and 1 not estimable');
  });

  it('writes the text columns: ratio with limits, events/n and p', () => {
    expect(textsOf(svg, 'forest-interval')).toEqual([
      'HR 1.00 (0.80 to 1.25)',
      'HR 2.00 (1.10 to 3.60)',
      'HR 0.50 (0.25 to 0.95)',
      'HR NA',
      'HR 6.10 (0.90 to 2400)',
      'OR 1.23 (0.80 to 1.90)',
      'OR 0.30 (0 to NA)',
    ]);
    expect(textsOf(svg, 'forest-events')).toEqual([
      '31/86',
      '31/86',
      '31/86',
      '31/86',
      '31/86',
      '40/84',
      '40/84',
    ]);
    expect(textsOf(svg, 'forest-p')).toEqual([
      '0.9900',
      '0.0123',
      '0.0340',
      'NA',
      '0.0600',
      '&lt;0.0001',
      '0.2000',
    ]);
    expect(textsOf(svg, 'forest-header')).toEqual([
      'Predictor',
      'Estimate (95% CI)',
      'Events/n',
      'p',
    ]);
    const tiny = forestPlot(
      [{ title: 'g', rows: [cox('a', { estimate: 0.0042, lower: 1.5e-7, upper: 3.4e7 })] }],
      { confLevel: 0.9 },
    );
    expect(textsOf(tiny, 'forest-interval')).toEqual(['HR 0.0042 (1.5e-7 to 3.4e+7)']);
    expect(textsOf(tiny, 'forest-header')[1]).toBe('Estimate (90% CI)');
    // The columns sit right of the plot area, left to right.
    const xs = ['forest-interval', 'forest-events', 'forest-p'].map((c) =>
      elementsOf(svg, 'text', c)[0]!.num('x'),
    );
    expect(xs[0]).toBeGreaterThan(axisEnds(svg).right);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('takes the axis label and the label-column heading from the options', () => {
    const out = forestPlot(groups, {
      xLabel: 'Hazard ratio',
      yLabel: 'Covariate',
      idPrefix: 'fig-3',
    });
    expect(out).toContain('>Hazard ratio</text>');
    expect(textsOf(out, 'forest-header')[0]).toBe('Covariate');
    expect(out).toContain('<title id="fig-3-title">Forest plot of hazard and odds ratios</title>');
    expect(out).toContain('aria-labelledby="fig-3-title fig-3-desc"');
  });

  it('draws an empty plot for no rows, and the heading of a group without rows', () => {
    const empty = forestPlot([]);
    expectSafeSvg(empty);
    expect(empty).toContain('>No predictors</text>');
    expect(countClass(empty, 'forest-row')).toBe(0);
    const headingOnly = forestPlot([{ title: 'Castration resistance', rows: [] }]);
    expect(textsOf(headingOnly, 'forest-group')).toEqual(['Castration resistance']);
    expect(headingOnly).toContain('>No predictors</text>');
  });

  it('is deterministic and does not mutate its input', () => {
    expect(forestPlot(groups, { title: 'Exploratory predictors' })).toBe(svg);
    expect(Object.isFrozen(groups[0]!.rows[0])).toBe(true);
    expect(svg).not.toMatch(/="[^"]*\d\.\d{3}/); // coordinates have at most 2 decimals
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('escapes hostile labels, titles and reasons, so data never becomes markup', () => {
    const out = forestPlot([
      {
        title: '"><img src=x onerror=alert(1)>',
        rows: [
          cox('<script>alert(1)</script>', { estimate: 1.5, lower: 1, upper: 2 }),
          cox('P1\rP2', { estimate: 0.7, lower: 0.5, upper: 0.9 }),
          cox('R\u202eTL', { reason: 'fit failed\u001b[31m & <b>' }),
        ],
      },
    ]);
    expectSafeSvg(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(textsOf(out, 'forest-label')).toEqual([
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      'P1 P2',
      'R\\u202eTL',
    ]);
    expect(textsOf(out, 'forest-group')).toEqual(['&quot;&gt;&lt;img src=x onerror=alert(1)&gt;']);
    expect(textsOf(out, 'forest-not-estimable')).toEqual([
      'not estimable: fit failed\\u001b[31m &amp; &lt;b&gt;',
    ]);
  });

  it('cuts long labels to 40 characters, keeping them whole in the tooltip', () => {
    const long = 'Pre-sLND PSA doubling time shorter than six months, per month';
    const out = forestPlot([
      { title: 'g', rows: [cox(long, { estimate: 1.2, lower: 1, upper: 1.5 })] },
    ]);
    const [label] = textsOf(out, 'forest-label');
    expect([...label!]).toHaveLength(40);
    expect(label!.endsWith('…')).toBe(true);
    expect(out).toContain(`<title>${long}: HR 1.20`);
  });

  it('rejects bad arguments, naming them and their value', () => {
    const one = (rest: Partial<ReportRow>) => [{ title: 'g', rows: [cox('a', rest)] }];
    expect(() => forestPlot('x' as never)).toThrow(/^groups must be an array\. Value: "x"/);
    expect(() => forestPlot([{ title: 'g', rows: 3 }] as never)).toThrow(
      /groups\[0\]\.rows must be an array/,
    );
    expect(() => forestPlot([{ title: 1, rows: [] }] as never)).toThrow(TypeError);
    expect(() => forestPlot(one({ model: 'poisson' as never }))).toThrow(
      /groups\[0\]\.rows\[0\]\.model must be one of 'cox', 'logistic'\. Value: "poisson"/,
    );
    expect(() => forestPlot(one({ estimate: 0 }))).toThrow(
      /rows\[0\]\.estimate must be > 0 \(a ratio\) or null\. Value: 0\./,
    );
    expect(() => forestPlot(one({ estimate: Number.NaN }))).toThrow(RangeError);
    expect(() => forestPlot(one({ estimate: '1' as never }))).toThrow(TypeError);
    expect(() => forestPlot(one({ lower: -0.1 }))).toThrow(/rows\[0\]\.lower must be >= 0/);
    expect(() => forestPlot(one({ estimate: 1, lower: 1.2, upper: 2 }))).toThrow(
      /rows\[0\]\.lower must be <= its estimate \(1\)\. Value: 1\.2\./,
    );
    expect(() => forestPlot(one({ estimate: 1, lower: 0.5, upper: 0.9 }))).toThrow(
      /rows\[0\]\.upper must be >= its estimate/,
    );
    expect(() => forestPlot(one({ events: 90 }))).toThrow(
      /rows\[0\]\.events must be <= its n \(86\)\. Value: 90\./,
    );
    expect(() => forestPlot(one({ n: 2.5 }))).toThrow(/rows\[0\]\.n must be an integer >= 0/);
    expect(() => forestPlot(one({ pValue: 1.5 }))).toThrow(
      /rows\[0\]\.pValue must be in \[0, 1\]\. Value: 1\.5\./,
    );
    expect(() => forestPlot(one({ reason: 5 as never }))).toThrow(
      /rows\[0\]\.reason must be a string/,
    );
    expect(() => forestPlot(groups, { axisRange: [2, 10] })).toThrow(
      /^options\.axisRange must be \[min, max\] with 0\.000001 <= min <= 1 <= max <= 1000000 and min < max\. Value: \[2, 10\]\./,
    );
    expect(() => forestPlot(groups, { axisRange: [0, 10] })).toThrow(
      /options\.axisRange.*\[0, 10\]/,
    );
    expect(() => forestPlot(groups, { axisRange: [1, 1] })).toThrow(RangeError);
    expect(() => forestPlot(groups, { axisRange: [0.1, 1e7] })).toThrow(RangeError);
    expect(() => forestPlot(groups, { axisRange: [0.1, 1, 10] as never })).toThrow(
      /options\.axisRange must be \[min, max\]\. Value: an array of length 3/,
    );
    expect(() => forestPlot(groups, { axisRange: [0.1, Number.POSITIVE_INFINITY] })).toThrow(
      /options\.axisRange\[1\] must be a finite number/,
    );
    expect(() => forestPlot(groups, { confLevel: 1 })).toThrow(
      /options\.confLevel must be in \(0, 1\)\. Value: 1\./,
    );
    expect(() => forestPlot(groups, { width: 400 })).toThrow(
      /^options\.width leaves less than 100 pixels for the plot beside the label and text columns\. Value: 400\./,
    );
    expect(() => forestPlot(groups, { height: 180 })).toThrow(
      /^options\.height leaves less than 100 pixels/,
    );
    expect(() => forestPlot(groups, { width: 1e308 })).toThrow(/^options\.width must be <= 40000/);
    expect(() => forestPlot(groups, { idPrefix: '1bad' })).toThrow(/options\.idPrefix/);
    expect(() => forestPlot(groups, { xLabel: 3 as never })).toThrow(
      /options\.xLabel must be a string/,
    );
  });

  // issue 11 item 6: no spread of a data-sized array into a call.
  it('draws 5,000 rows, thinner so that they fit in 40,000 pixels', () => {
    const many: ForestPlotGroup[] = [0, 1].map((g) => ({
      title: `Endpoint ${g}`,
      rows: Array.from({ length: 2500 }, (_, i) =>
        cox(`Predictor ${g}-${i}`, {
          estimate: 2 ** ((i % 21) - 10),
          lower: 2 ** ((i % 21) - 11),
          upper: 2 ** ((i % 21) - 9),
          pValue: (i % 100) / 100,
        }),
      ),
    }));
    const out = forestPlot(many);
    expect(countClass(out, 'forest-row')).toBe(5000);
    // Ratios from 2^-10 to 2^10: the axis stops at [0.01, 100], so 2^-10..2^-7 and 2^7..2^10 are off it.
    const onAxis = many
      .flatMap((g) => g.rows)
      .filter((r) => r.estimate! >= 0.01 && r.estimate! <= 100).length;
    expect(onAxis).toBeLessThan(4000);
    expect(countClass(out, 'forest-estimate')).toBe(onAxis);
    expect(out).toContain(`${5000 - onAxis} estimate(s) beyond the axis`);
    expect(out).toContain('height="40000"');
    expect(out).toMatch(
      /Rows are 7\.\d+ pixels apart instead of 20, so that 5000 rows fit in 40000 pixels\./,
    );
    expect(out).not.toMatch(/NaN|Infinity/);
  }, 30_000);

  it('matches the file snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/forest-plot.svg');
  });
});

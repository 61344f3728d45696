import { describe, expect, it } from 'vitest';
import { type SwimmerLane, swimmerPlot } from '../../src/plot/swimmer-plot.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { elementsOf, squareCentre, xTick } from './_elements.js';
import { countClass, expectSafeSvg, textsOf } from './_svg.js';

// Follow-up and events in months from sLND. SLND-003 and SLND-005 tie at 24 months.
const lanes: readonly SwimmerLane[] = deepFreeze([
  {
    patientId: 'SLND-001',
    followUpMonths: 30,
    ongoing: true,
    events: [
      { kind: 'adt-start', months: 12 },
      { kind: 'biochemical-recurrence', months: 8 },
    ],
  },
  {
    patientId: 'SLND-002',
    followUpMonths: 18,
    events: [
      { kind: 'biochemical-recurrence', months: 4 },
      { kind: 'adt-start', months: 6 },
      { kind: 'castration-resistance', months: 14 },
      { kind: 'distant-metastasis', months: 15 },
      { kind: 'death', months: 18 },
    ],
  },
  { patientId: 'SLND-003', followUpMonths: 24, ongoing: false, events: [] },
  { patientId: 'SLND-004', followUpMonths: 36.5, ongoing: true },
  {
    patientId: 'SLND-005',
    followUpMonths: 24,
    events: [{ kind: 'distant-metastasis', months: 20 }],
  },
  { patientId: 'SLND-006', followUpMonths: 0 },
]);

describe('swimmerPlot', () => {
  const svg = swimmerPlot(lanes, { title: 'Follow-up after sLND' });
  const bars = elementsOf(svg, 'rect', 'swimmer-bar');

  it('is a standalone SVG document with a size, role, title and description', () => {
    expectSafeSvg(svg);
    expect(svg).toMatch(/width="720" height="(\d+)" viewBox="0 0 720 \1" role="img"/);
    expect(svg).toContain('aria-labelledby="slnd-swimmer-title slnd-swimmer-desc"');
    expect(svg).toContain('<title id="slnd-swimmer-title">Follow-up after sLND</title>');
    expect(svg).toContain(
      '<desc id="slnd-swimmer-desc">Swimmer plot of 6 patient(s), one lane each from the sLND to the last follow-up, sorted by follow-up (longest at the top; up to 36.5 months), 2 ongoing (arrow); events: 2 biochemical recurrence, 2 ADT start, 1 castration resistance, 2 distant metastasis, 1 death.',
    );
  });

  it('draws one lane per patient, longest follow-up at the top, ties in input order', () => {
    expect(bars).toHaveLength(lanes.length);
    expect(textsOf(svg, 'swimmer-id')).toEqual([
      'SLND-004',
      'SLND-001',
      'SLND-003',
      'SLND-005',
      'SLND-002',
      'SLND-006',
    ]);
    const ys = bars.map((b) => b.num('y'));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const widths = bars.map((b) => b.num('width'));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    // Bars start at the sLND and are as long as the follow-up on the month axis.
    const x0 = xTick(svg, '0');
    const perMonth = (xTick(svg, '6') - x0) / 6;
    expect(bars.every((b) => b.num('x') === x0)).toBe(true);
    expect(widths[0]).toBeCloseTo(36.5 * perMonth, 1);
    expect(widths.at(-1)).toBe(1); // 0 months: 1 pixel, still visible
  });

  it('marks each event with its kind, on its lane at its month', () => {
    expect(countClass(svg, 'swimmer-biochemical-recurrence')).toBe(2);
    expect(countClass(svg, 'swimmer-adt-start')).toBe(2);
    expect(countClass(svg, 'swimmer-castration-resistance')).toBe(1);
    expect(countClass(svg, 'swimmer-distant-metastasis')).toBe(2);
    expect(countClass(svg, 'swimmer-death')).toBe(1);
    expect(countClass(svg, 'swimmer-ongoing')).toBe(2);
    const adt = elementsOf(svg, 'path', 'swimmer-adt-start');
    expect(adt.map((m) => m.title)).toEqual([
      'SLND-001: ADT start at 12 months',
      'SLND-002: ADT start at 6 months',
    ]);
    const x0 = xTick(svg, '0');
    const at12 = squareCentre(adt[0]!.attrs['d']!);
    expect(at12.x).toBeCloseTo(xTick(svg, '12'), 1);
    expect(squareCentre(adt[1]!.attrs['d']!).x).toBeCloseTo(xTick(svg, '6'), 1);
    // On SLND-001's lane, the second from the top.
    const lane = bars[1]!;
    expect(at12.y).toBeCloseTo(lane.num('y') + lane.num('height') / 2, 1);
    expect(x0).toBeLessThan(at12.x);
    expect(bars[1]!.title).toBe(
      'SLND-001: follow-up 30 months, ongoing; biochemical recurrence at 8, ADT start at 12 months',
    );
  });

  it('lists in the legend only the kinds present', () => {
    for (const label of ['Follow-up', 'Follow-up ongoing', 'Biochemical recurrence', 'Death']) {
      expect(svg).toContain(`>${label}</text>`);
    }
    const few = swimmerPlot([
      { patientId: 'a', followUpMonths: 5, events: [{ kind: 'death', months: 5 }] },
    ]);
    expect(few).toContain('>Death</text>');
    expect(few).not.toContain('>ADT start</text>');
    expect(few).not.toContain('>Follow-up ongoing</text>');
  });

  it('writes ids up to 60 lanes, cut to 16 characters, and escapes hostile ids', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ patientId: `P${i}`, followUpMonths: i }));
    expect(countClass(swimmerPlot(many(60)), 'swimmer-id')).toBe(60);
    expect(countClass(swimmerPlot(many(61)), 'swimmer-id')).toBe(0);
    expect(countClass(swimmerPlot(many(61), { showIds: true }), 'swimmer-id')).toBe(61);
    const out = swimmerPlot([
      { patientId: '<script>alert(1)</script>', followUpMonths: 3 },
      { patientId: 'P1\rP2', followUpMonths: 2, events: [{ kind: 'death', months: 1 }] },
      { patientId: 'an-id-much-longer-than-sixteen', followUpMonths: 1 },
    ]);
    expectSafeSvg(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('\r');
    expect(textsOf(out, 'swimmer-id')).toEqual([
      '&lt;script&gt;alert(1…', // 15 characters, then the ellipsis
      'P1 P2',
      'an-id-much-long…',
    ]);
    expect(out).toContain(
      '<title>&lt;script&gt;alert(1)&lt;/script&gt;: follow-up 3 months</title>',
    );
    expect(out).toContain('<title>P1 P2: death at 1 months</title>');
  });

  it('says so when there is nobody to draw', () => {
    const out = swimmerPlot([]);
    expect(out).toContain('>No patients</text>');
    expect(countClass(out, 'swimmer-bar')).toBe(0);
    expectSafeSvg(out);
  });

  it('rejects bad input and options, naming them and their value', () => {
    const one = (lane: object) => () =>
      swimmerPlot([{ patientId: 'a', followUpMonths: 10, ...lane }] as never);
    expect(() => swimmerPlot({} as never)).toThrow(/^lanes must be an array/);
    expect(() =>
      swimmerPlot([
        { patientId: 'a', followUpMonths: 1 },
        { patientId: 'a', followUpMonths: 2 },
      ]),
    ).toThrow(/^lanes\[1\]\.patientId repeats lanes\[0\]\.patientId/);
    expect(one({ patientId: 3 })).toThrow(/^lanes\[0\]\.patientId must be a string\. Value: 3\./);
    expect(one({ followUpMonths: -1 })).toThrow(
      /^lanes\[0\]\.followUpMonths must be in \[0, 3600\] months/,
    );
    expect(one({ followUpMonths: Number.NaN })).toThrow(/followUpMonths.*NaN/);
    expect(one({ ongoing: 'yes' })).toThrow(/^lanes\[0\]\.ongoing must be a boolean/);
    expect(one({ events: [{ kind: 'relapse', months: 1 }] })).toThrow(
      /^lanes\[0\]\.events\[0\]\.kind must be one of 'biochemical-recurrence', 'adt-start'.*"relapse"/,
    );
    expect(one({ events: [{ kind: 'death', months: 11 }] })).toThrow(
      /^lanes\[0\]\.events\[0\]\.months must be in \[0, followUpMonths = 10\]\. Value: 11\./,
    );
    expect(one({ ongoing: true, events: [{ kind: 'death', months: 10 }] })).toThrow(
      /^lanes\[0\]\.ongoing must be false: the patient died \(lanes\[0\]\.events\[0\]\)/,
    );
    expect(one({ events: 'none' })).toThrow(/^lanes\[0\]\.events must be an array/);
    expect(() => swimmerPlot(lanes, { showIds: 'no' as never })).toThrow(TypeError);
    expect(() => swimmerPlot(lanes, { height: 40_001 })).toThrow(
      /^options\.height must be <= 40000/,
    );
    expect(() => swimmerPlot(lanes, { height: 160 })).toThrow(
      /^options\.height leaves less than 100 pixels for the lanes/,
    );
    expect(() => swimmerPlot(lanes, { width: 200 })).toThrow(
      /^options\.width leaves less than 100 pixels for the lanes\. Value: 200\./,
    );
    expect(countClass(swimmerPlot(lanes, { width: 200, showIds: false }), 'swimmer-bar')).toBe(6);
  });

  it('draws 20,000 patients within 40,000 pixels (no spread of the lanes into a call)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      patientId: `P${i}`,
      followUpMonths: (i % 60) + 0.5,
      ongoing: i % 2 === 0,
      events: [{ kind: 'adt-start' as const, months: 0.25 }],
    }));
    const out = swimmerPlot(many);
    expect(countClass(out, 'swimmer-bar')).toBe(20_000);
    expect(countClass(out, 'swimmer-adt-start')).toBe(20_000);
    expect(out).toContain('height="40000"');
    expect(out).toContain('Lanes are 2 pixels apart instead of 18');
    expect(out).not.toMatch(/Infinity|NaN/);
  }, 30_000);

  it('does what its TSDoc example says', () => {
    const out = swimmerPlot([
      {
        patientId: 'P01',
        followUpMonths: 30,
        ongoing: true,
        events: [{ kind: 'adt-start', months: 12 }],
      },
      { patientId: 'P02', followUpMonths: 18, events: [{ kind: 'death', months: 18 }] },
    ]);
    expect(out.includes('<title>P02: death at 18 months</title>')).toBe(true);
  });

  it('is deterministic and leaves its input as it was', () => {
    expect(swimmerPlot(lanes, { title: 'Follow-up after sLND' })).toBe(svg);
    expect(lanes.map((l) => l.patientId)).toEqual([
      'SLND-001',
      'SLND-002',
      'SLND-003',
      'SLND-004',
      'SLND-005',
      'SLND-006',
    ]);
  });

  it('matches the file snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/swimmer-plot.svg');
  });
});

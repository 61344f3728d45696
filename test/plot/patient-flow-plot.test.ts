import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/plot/_internal/svg.js';
import { type PatientFlowPlotInput, patientFlowPlot } from '../../src/plot/patient-flow-plot.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { elementsOf } from './_elements.js';
import { countClass, expectSafeSvg, textsOf } from './_svg.js';

const LONG =
  'Not meeting inclusion criteria: more than two positive nodes on PSMA-PET, or visceral or bone disease';

// A flow in the shape of the report's `flow`: 120 assessed, 90 enrolled, 86 operated.
const flow: PatientFlowPlotInput = deepFreeze({
  assessed: 120,
  screeningExcluded: [
    { reason: LONG, count: 18 },
    { reason: 'Declined to participate', count: 9 },
  ],
  enrolled: 90,
  operated: 86,
  notOperated: [
    { reason: 'Withdrew consent', count: 2 },
    { reason: 'Progression before surgery', count: 1 },
  ],
  endpoints: [
    {
      endpoint: 'PSA response at 6 weeks',
      evaluable: 84,
      excluded: [{ reason: 'No PSA at 6 weeks', count: 2 }],
    },
    { endpoint: 'Complications (Clavien-Dindo, 90 days)', evaluable: 86, excluded: [] },
    {
      endpoint: 'Metastasis-free survival',
      evaluable: 80,
      excluded: [
        { reason: 'Lost to follow-up before first imaging', count: 4 },
        { reason: 'ADT started before imaging', count: 1 },
      ],
    },
    { endpoint: 'Castration resistance', evaluable: 86, excluded: [] },
  ],
});

/** The box rectangles of a class, as { x, y, w, h }. */
const boxes = (svg: string, cls: string) =>
  elementsOf(svg, 'rect', cls).map((r) => ({
    x: r.num('x'),
    y: r.num('y'),
    w: r.num('width'),
    h: r.num('height'),
  }));
/** The text of each box of a class, its lines joined by spaces (bullets left out). */
const boxTexts = (svg: string, cls: string): string[] =>
  [...svg.matchAll(new RegExp(`<g><rect class="${cls}"[^>]*/>(.*?)</g>`, 'g'))].map((m) =>
    textsOf(m[1]!, 'flow-label').join(' '),
  );
type Box = ReturnType<typeof boxes>[number];
/** Two boxes overlap when their interiors meet (a shared edge is not an overlap). */
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - 0.01 &&
  b.x < a.x + a.w - 0.01 &&
  a.y < b.y + b.h - 0.01 &&
  b.y < a.y + a.h - 0.01;

describe('patientFlowPlot', () => {
  const svg = patientFlowPlot(flow, { title: 'Patient flow' });
  const labels = textsOf(svg, 'flow-label');

  it('is a standalone SVG document with a size, role, title and description', () => {
    expectSafeSvg(svg);
    const height = Number(/^<svg [^>]*height="(\d+)"/.exec(svg)![1]);
    expect(svg).toContain(`width="720" height="${height}" viewBox="0 0 720 ${height}" role="img"`);
    expect(svg).toContain('aria-labelledby="slnd-flow-title slnd-flow-desc"');
    expect(svg).toContain('<title id="slnd-flow-title">Patient flow</title>');
    expect(svg).toContain(
      '<desc id="slnd-flow-desc">Patient flow (CONSORT): 120 assessed for eligibility; 30 excluded (Not meeting',
    );
    expect(svg).toContain(
      '; 90 enrolled; 4 not operated (Withdrew consent: 2; Progression before surgery: 1; Reason not recorded: 1); 86 underwent sLND; PSA response at 6 weeks: 84 evaluable, 2 excluded from analysis (No PSA at 6 weeks: 2);',
    );
  });

  it('draws one box per stage, one per endpoint and one side box for each exit', () => {
    expect(countClass(svg, 'flow-stage')).toBe(3); // assessed, enrolled, operated
    expect(countClass(svg, 'flow-endpoint')).toBe(flow.endpoints.length);
    expect(countClass(svg, 'flow-exit')).toBe(2 + flow.endpoints.length);
    // Down and sideways between the stages (2 + 2), one arrow into each endpoint.
    expect(countClass(svg, 'flow-arrow')).toBe(4 + flow.endpoints.length);
    expect(labels).toContain('Assessed for eligibility (n = 120)');
    expect(labels).toContain('Enrolled (n = 90)');
    expect(labels).toContain('Underwent sLND (n = 86)');
  });

  it('counts each side box as the difference of its stages; unexplained patients are "not recorded"', () => {
    // 120 - 90 = 30 excluded, of whom 18 + 9 have reasons: 3 not recorded.
    expect(labels).toContain('Excluded (n = 30)');
    expect(labels).toContain('Declined to participate (n = 9)');
    // 90 - 86 = 4 not operated, 3 with reasons.
    expect(labels).toContain('Not operated (n = 4)');
    expect(labels.filter((l) => l === 'Reason not recorded (n = 3)')).toHaveLength(1);
    expect(labels.filter((l) => l === 'Reason not recorded (n = 1)')).toHaveLength(2); // + an endpoint's
    // Each endpoint: its cell says evaluable, its side box operated - evaluable, with reasons.
    const cells = boxTexts(svg, 'flow-endpoint');
    const exits = boxTexts(svg, 'flow-exit').slice(2);
    flow.endpoints.forEach((ep, i) => {
      expect(cells[i]).toBe(`${ep.endpoint} Evaluable (n = ${ep.evaluable})`);
      expect(exits[i]).toMatch(
        new RegExp(`^Excluded from analysis \\(n = ${86 - ep.evaluable}\\)`),
      );
    });
    expect(exits[2]).toBe(
      'Excluded from analysis (n = 6) Lost to follow-up before first imaging (n = 4) ADT started before imaging (n = 1) Reason not recorded (n = 1)',
    );
    // One bullet per reason, the "not recorded" remainders included: 3 + 3, then 1, 0, 3, 0.
    expect(countClass(svg, 'flow-bullet')).toBe(3 + 3 + 1 + 0 + 3 + 0);
  });

  it('wraps a long reason inside its box, keeping "(n = 18)" whole', () => {
    const start = labels.findIndex((l) => l.startsWith('Not meeting'));
    const end = labels.findIndex((l) => l.endsWith('(n = 18)'));
    expect(end).toBeGreaterThan(start);
    expect(labels.slice(start, end + 1).join(' ')).toBe(`${LONG} (n = 18)`);
    const side = boxes(svg, 'flow-exit')[0]!;
    for (const line of labels.slice(start, end + 1)) {
      expect(textWidth(line)).toBeLessThanOrEqual(side.w - 2 * 8 - 12);
    }
  });

  it('lays endpoints side by side, wrapping to rows by width, with no box overlapping another', () => {
    const rows = (out: string) => new Set(boxes(out, 'flow-endpoint').map((b) => b.y)).size;
    expect(rows(svg)).toBe(2); // 3 fit in 720 pixels, the 4th wraps
    const row1 = boxes(svg, 'flow-endpoint').slice(0, 3);
    expect(row1.map((b) => b.y)).toEqual([row1[0]!.y, row1[0]!.y, row1[0]!.y]);
    expect(row1[1]!.x).toBeGreaterThan(row1[0]!.x + row1[0]!.w);
    expect(rows(patientFlowPlot(flow, { width: 1200 }))).toBe(1);
    expect(rows(patientFlowPlot(flow, { width: 400 }))).toBe(4);
    for (const width of [400, 720, 1200]) {
      const out = patientFlowPlot(flow, { width });
      const all = ['flow-stage', 'flow-endpoint', 'flow-exit'].flatMap((c) => boxes(out, c));
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!)).toBe(false);
      }
      const height = Number(/^<svg [^>]*height="([\d.]+)"/.exec(out)![1]);
      for (const b of all) {
        expect(b.x + b.w).toBeLessThanOrEqual(width);
        expect(b.y + b.h).toBeLessThanOrEqual(height);
      }
    }
  });

  it('starts at enrolment without `assessed`; takes no endpoints', () => {
    const { assessed: _a, screeningExcluded: _s, ...rest } = flow;
    const out = patientFlowPlot({ ...rest, endpoints: [] });
    expect(countClass(out, 'flow-stage')).toBe(2);
    expect(countClass(out, 'flow-exit')).toBe(1);
    expect(countClass(out, 'flow-endpoint')).toBe(0);
    expect(out).not.toContain('Assessed');
    expectSafeSvg(out);
  });

  it('takes the report flow after a JSON round trip, and a larger height as given', () => {
    const fromJson = JSON.parse(JSON.stringify(flow)) as PatientFlowPlotInput;
    expect(patientFlowPlot(fromJson, { title: 'Patient flow' })).toBe(svg);
    expect(patientFlowPlot(flow, { height: 2000 })).toContain(
      'height="2000" viewBox="0 0 720 2000"',
    );
  });

  it('escapes every string from the data', () => {
    const out = patientFlowPlot({
      enrolled: 3,
      operated: 2,
      notOperated: [{ reason: '<script>alert(1)</script>', count: 1 }],
      endpoints: [
        { endpoint: 'P1\rP2 "&"', evaluable: 1, excluded: [{ reason: "'x'", count: 1 }] },
      ],
    });
    expectSafeSvg(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('\r');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; (n = 1)');
    expect(out).toContain('>P1 P2 &quot;&amp;&quot;</text>');
    expect(out).toContain('&#39;x&#39; (n = 1)');
  });

  it('rejects bad input, naming the entry and its value', () => {
    const bad = (over: object) => () => patientFlowPlot({ ...flow, ...over } as never);
    expect(() => patientFlowPlot(null as never)).toThrow(/^flow must be an object\. Value: null\./);
    expect(bad({ enrolled: 2.5 })).toThrow(/^flow\.enrolled must be an integer >= 0\. Value: 2\.5/);
    expect(bad({ enrolled: '90' })).toThrow(TypeError);
    expect(bad({ enrolled: 121 })).toThrow(/^flow\.enrolled must be <= flow\.assessed \(120\)/);
    expect(bad({ operated: 91 })).toThrow(/^flow\.operated must be <= flow\.enrolled \(90\)/);
    expect(bad({ assessed: 2e9 })).toThrow(/^flow\.assessed must be <= 1000000000/);
    expect(bad({ notOperated: [{ reason: 'a', count: 5 }] })).toThrow(
      /^flow\.notOperated must count at most the 4 patient\(s\).*adding up to 5/,
    );
    expect(bad({ notOperated: [{ reason: '  ', count: 1 }] })).toThrow(
      /^flow\.notOperated\[0\]\.reason must not be blank/,
    );
    expect(bad({ notOperated: 'none' })).toThrow(/^flow\.notOperated must be an array/);
    expect(bad({ endpoints: [{ endpoint: 'x', evaluable: 87, excluded: [] }] })).toThrow(
      /^flow\.endpoints\[0\]\.evaluable must be <= flow\.operated \(86\)/,
    );
    expect(bad({ endpoints: [{ label: 'x', evaluable: 1, excluded: [] }] })).toThrow(
      /^flow\.endpoints\[0\]\.endpoint must be a string\. Value: undefined/,
    );
    const { assessed: _a, ...noAssessed } = flow;
    expect(() => patientFlowPlot(noAssessed)).toThrow(
      /^flow\.screeningExcluded needs flow\.assessed/,
    );
    expect(() => patientFlowPlot(flow, { height: 300 })).toThrow(
      /^options\.height must be at least \d+ pixels to hold this flow\. Value: 300\./,
    );
    expect(() => patientFlowPlot(flow, { width: 40_001 })).toThrow(
      /^options\.width must be <= 40000/,
    );
    expect(() => patientFlowPlot(flow, { idPrefix: '1x' })).toThrow(/^options\.idPrefix/);
  });

  it('refuses a flow taller than 40,000 pixels by a message, with 20,000 reasons (no stack overflow)', () => {
    const reasons = Array.from({ length: 20_000 }, (_, i) => ({ reason: `Reason ${i}`, count: 1 }));
    const huge = { ...flow, assessed: 20_090, screeningExcluded: reasons };
    expect(() => patientFlowPlot(huge)).toThrow(
      // 20,000 screening reasons, 3 not operated (one "not recorded"), 1 + 3 of the endpoints.
      /^flow needs \d+ pixels of height at options\.width = 720, more than the 40000 allowed.*Value: 4 endpoint\(s\) and 20007 reason\(s\)/,
    );
  });

  it('draws 20,000 patients across 1,000 endpoints at the largest width', () => {
    const endpoints = Array.from({ length: 1000 }, (_, i) => ({
      endpoint: `Endpoint ${i}`,
      evaluable: 20_000 - i,
      excluded: i === 0 ? [] : [{ reason: 'Missing data', count: i }],
    }));
    const out = patientFlowPlot(
      { enrolled: 20_000, operated: 20_000, notOperated: [], endpoints },
      { width: 40_000 },
    );
    expect(countClass(out, 'flow-endpoint')).toBe(1000);
    expect(out).toContain('>Evaluable (n = 19001)</text>');
    expect(out).not.toMatch(/Infinity|NaN/);
  });

  it('does what its TSDoc example says', () => {
    const out = patientFlowPlot({
      assessed: 90,
      screeningExcluded: [{ reason: 'Not meeting inclusion criteria', count: 10 }],
      enrolled: 80,
      operated: 78,
      notOperated: [{ reason: 'Withdrew consent', count: 2 }],
      endpoints: [{ endpoint: 'PSA response at 6 weeks', evaluable: 75, excluded: [] }],
    });
    expect(out.includes('>Enrolled (n = 80)</text>')).toBe(true);
  });

  it('is deterministic and leaves its input as it was', () => {
    expect(patientFlowPlot(flow, { title: 'Patient flow' })).toBe(svg);
  });

  it('matches the file snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/patient-flow-plot.svg');
  });
});

// The report as a safety board and a trial statistician read it, on small scenario cohorts:
// what each one must show (and must not) in report.json, report.md and report.html alike.
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/model/iso-date.js';
import type { Complication, Patient } from '../../src/model/types.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { reportToHtml } from '../../src/render/report-html.js';
import { reportToMarkdown } from '../../src/render/report-markdown.js';
import { reportSummary } from '../../src/render/report-summary.js';
import { buildTrialReport, type TrialReportOptions } from '../../src/report/build-trial-report.js';
import type { TrialReport } from '../../src/report/trial-report.js';

const SURGERY = '2024-01-10';

function person(id: string, days: number, extra: Partial<Patient> = {}): Patient {
  return {
    id,
    surgeryDate: SURGERY,
    psa: [],
    complications: [],
    lastFollowUpDate: addDaysIso(SURGERY, days),
    ...extra,
  };
}

/** The report in its three forms, from a cohort that must be valid. */
function render(patients: Patient[], options: TrialReportOptions = {}) {
  const validated = validateCohort(patients);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const report = buildTrialReport(validated.patients, options);
  const json: TrialReport = JSON.parse(JSON.stringify(report));
  return {
    report,
    json,
    md: reportToMarkdown(report),
    html: reportToHtml(report),
    summary: reportSummary(report),
    warnings: validated.warnings,
  };
}

/** The safety callout as HTML renders it: its tone and text. */
function htmlCallout(html: string): { tone: string; text: string } {
  const match = /<h2>Safety monitor<\/h2>\n<p class="callout (\w+)">([^<]*)<\/p>/.exec(html);
  if (match === null) throw new Error('no safety callout');
  return { tone: match[1]!, text: match[2]! };
}

describe('report scenarios', () => {
  it('counts deaths within 90 days as grade V events and shows 90-day mortality', () => {
    const patients = Array.from({ length: 10 }, (_, i) => person(`P${i + 1}`, 200));
    patients[2] = person('P3', 10, { deathDate: addDaysIso(SURGERY, 10) });
    patients[6] = person('P7', 17, { deathDate: addDaysIso(SURGERY, 17) });
    const out = render(patients, { rule: 'pocock:0.1,0.3,20' });
    expect(out.warnings.map((w) => [w.patientId, w.code])).toEqual([
      ['P3', 'death_cause_missing'],
      ['P7', 'death_cause_missing'],
    ]);
    expect(out.json.safety.monitor).toMatchObject({ evaluable: 10, events: 2, incomplete: 0 });
    expect(out.json.complications.rows.find((r) => r.key === 'mortality')).toMatchObject({
      count: 2,
      n: 10,
    });
    expect(out.json.complications.rows.find((r) => r.key === 'V')).toMatchObject({ count: 2 });
    expect(out.md).toContain('| Death within 90 days (any cause) | 2/10 (20.0%) |');
    expect(out.md).not.toContain('0 major complication');
    expect(htmlCallout(out.html).text).toMatch(
      /2 major complications in (the first )?10 evaluable/,
    );
    expect(out.md).toMatch(
      /each death is counted as a grade V complication.*P3 \(day 10, cause not recorded\)/,
    );
  });

  it('shows no 2-year estimate when nobody was followed to 2 years, with the numbers at risk', () => {
    // 14 patients followed about 18 months at most, one metastasis at month 6.
    const patients = Array.from({ length: 14 }, (_, i) =>
      person(`P${i + 1}`, 400 + i * 10, { lastImagingDate: addDaysIso(SURGERY, 400 + i * 10) }),
    );
    patients[0] = person('P1', 540, {
      distantMetastasisDate: addDaysIso(SURGERY, 180),
      lastImagingDate: addDaysIso(SURGERY, 180),
    });
    const out = render(patients, { rule: 'pocock:0.1,0.3,20' });
    const metastasis = out.json.survival.find((s) => s.endpoint === 'distant-metastasis')!;
    const [oneYear, twoYears] = metastasis.at;
    expect(oneYear).toMatchObject({ time: 365, estimable: true, nRisk: 13 });
    expect(oneYear!.survival).toBeCloseTo(13 / 14, 12);
    expect(twoYears).toMatchObject({
      time: 730,
      nRisk: 0,
      estimable: false,
      survival: null,
      stdErr: null,
      lower: null,
      upper: null,
    });
    const incidence = metastasis.competingRisk!.at[1]!;
    expect(incidence).toMatchObject({ estimable: false, estimate: null, nRisk: 0 });
    const text = 'not estimable (no patient followed to 24 months), 0 at risk';
    expect(out.md).toContain(
      `| Free of distant metastasis (deaths censored) | 14 | 1 | 92.9% (80.3% to 100.0%), 13 at risk | ${text} |`,
    );
    expect(out.html).toContain(text);
    expect(out.summary).toMatch(
      /Free of distant metastasis, 2 y +not estimable \(no patient followed to 24 months\)/,
    );
    expect(out.md).not.toMatch(/2 years[^|]*\|[^|]*92\.9%/);
  });

  it('does not count a 6-week PSA drawn on ADT as a response, and says why', () => {
    const onAdt = person('ADT1', 400, {
      adtStartDate: addDaysIso(SURGERY, 15),
      psa: [
        { date: addDaysIso(SURGERY, -5), value: 2.1 },
        { date: addDaysIso(SURGERY, 42), value: 0.05 },
      ],
    });
    const responder = person('R1', 400, {
      psa: [
        { date: addDaysIso(SURGERY, -5), value: 1.4 },
        { date: addDaysIso(SURGERY, 40), value: 0.08 },
      ],
    });
    const out = render([onAdt, responder], { rule: 'pocock:0.1,0.3,20' });
    const reason =
      'on ADT since day 15: every PSA within day 42 +- 14 was drawn on or after the ADT start';
    expect(out.json.psaLandmark.notEvaluable).toEqual([{ patientId: 'ADT1', reason }]);
    expect(out.json.psaLandmark.completeResponse).toMatchObject({ count: 1, n: 1 });
    expect(out.json.psaLandmark.waterfall.map((b) => b.patientId)).toEqual(['R1']);
    expect(out.md).toContain(`| ADT1 | ${reason} |`);
    expect(out.html).toContain(`<td>ADT1</td><td>${reason}</td>`);
  });

  it("renders a PSA that falls to 0 as exactly -100 % (the issue's crashing cohort)", () => {
    const out = render(
      [
        person('P01', 326, {
          psa: [
            { date: '2024-01-05', value: 0.69 },
            { date: '2024-02-21', value: 0 },
          ],
        }),
      ],
      { rule: 'pocock:0.1,0.3,20' },
    );
    expect(out.json.psaLandmark.waterfall).toEqual([
      { patientId: 'P01', percentChange: -100, undetectable: false },
    ]);
    expect(out.html).toContain('<title>P01: -100%</title>');
    expect(out.md).toContain('![Percent change of PSA at 6 weeks');
  });

  it("says when evaluable patients lie beyond the rule's maximum, and that the rule is a default", () => {
    const patients = Array.from({ length: 80 }, (_, i) =>
      person(`P${String(i + 1).padStart(2, '0')}`, 200, {
        surgeryDate: addDaysIso(SURGERY, i),
        lastFollowUpDate: addDaysIso(SURGERY, i + 200),
        complications:
          i % 13 === 5 ? [{ date: addDaysIso(SURGERY, i + 3), grade: 'IIIa' } as Complication] : [],
      }),
    );
    const out = render(patients);
    expect(out.json.safety).toMatchObject({
      rule: 'pocock:0.1,0.3,60',
      ruleIsDefault: true,
      beyondRule: 20,
    });
    expect(out.json.settings.find((s) => s.name === 'rule')).toMatchObject({ defaulted: true });
    const callout = htmlCallout(out.html);
    expect(callout.tone).toBe('warn');
    expect(callout.text).toMatch(
      /^Not assessed beyond patient 60: pocock:0.1,0.3,60 covers the first 60 evaluable patients \(5 major complications, boundary not crossed\); 20 evaluable patients beyond its planned maximum are not assessed by it\. In all: 6 major complications in 80 evaluable patients\. No rule was given/,
    );
    expect(out.md).toContain('| rule | pocock:0.1,0.3,60 | default (not given) |');
    expect(out.summary).toContain('stopping rule pocock:0.1,0.3,60 is the default (none given)');
  });

  it('names the look where a STOP crossed the boundary, and a given rule continues in green', () => {
    const patients = Array.from({ length: 12 }, (_, i) =>
      person(`P${String(i + 1).padStart(2, '0')}`, 200, {
        surgeryDate: addDaysIso(SURGERY, i),
        lastFollowUpDate: addDaysIso(SURGERY, i + 200),
        complications: i < 4 ? [{ date: addDaysIso(SURGERY, i + 2), grade: 'IIIb' }] : [],
      }),
    );
    const stop = render(patients, { rule: 'pocock:0.1,0.3,20' });
    const e = stop.json.safety.monitor.evaluation;
    expect(stop.json.safety.monitor.decision).toBe('stop');
    expect(htmlCallout(stop.html)).toEqual({
      tone: 'alert',
      text: `STOP: the boundary of pocock:0.1,0.3,20 was crossed at evaluable patient ${e.patients}: ${e.events} major complications in the first ${e.patients} evaluable patients, more than the ${e.boundary} it allows there.`,
    });
    const quiet = render(
      patients.map((p) => ({ ...p, complications: [] })),
      { rule: 'pocock:0.1,0.3,20' },
    );
    expect(htmlCallout(quiet.html)).toEqual({
      tone: 'ok',
      text: 'Continue: 0 major complications in 12 evaluable patients; the boundary of pocock:0.1,0.3,20 is not crossed.',
    });
  });

  it('shows complication rates among all operated and among the patients whose outcome is known', () => {
    // At the cut, 7 patients have had a major complication; 3 are inside their window without.
    const patients = Array.from({ length: 10 }, (_, i) =>
      person(`P${String(i + 1).padStart(2, '0')}`, 300, {
        surgeryDate: addDaysIso('2024-02-20', i * 3),
        lastFollowUpDate: addDaysIso('2024-02-20', i * 3 + 300),
        complications: i < 7 ? [{ date: addDaysIso('2024-02-20', i * 3 + 5), grade: 'IIIa' }] : [],
      }),
    );
    const out = render(patients, { rule: 'pocock:0.1,0.3,20', asOf: '2024-05-15' });
    const major = out.json.complications.rows.find((r) => r.key === 'major')!;
    expect(major).toMatchObject({ count: 7, n: 10, evaluable: { count: 7, n: 7 } });
    expect(out.json.safety.monitor).toMatchObject({ evaluable: 7, events: 7, pending: 3 });
    expect(out.md).toMatch(
      /\| Major \(IIIa-V\) \| 7\/10 \(70\.0%\) \| [^|]+ \| 7\/7 \(100\.0%\) \|/,
    );
    expect(out.md).toContain(
      '| Worst grade per patient | All operated | 95% CI | Completed 90 days or had the event | 95% CI |',
    );
  });

  it('states the castration-resistance definition and lists records the labs contradict', () => {
    const labs = {
      adtStartDate: addDaysIso(SURGERY, 100),
      testosterone: [{ date: addDaysIso(SURGERY, 130), value: 20 }],
      psa: [0.5, 0.9, 1.6, 2.6].map((value, k) => ({
        date: addDaysIso(SURGERY, 200 + 30 * k),
        value,
      })),
    };
    const early = person('EARLY', 700, {
      ...labs,
      castrationResistanceDate: addDaysIso(SURGERY, 150),
    });
    const unrecorded = person('NONE', 700, labs);
    const agrees = person('OK', 700, {
      ...labs,
      castrationResistanceDate: addDaysIso(SURGERY, 290),
    });
    const recorded = render([early, unrecorded, agrees], { rule: 'pocock:0.1,0.3,20' });
    expect(recorded.json.castrationResistance).toMatchObject({
      source: 'recorded',
      definition: 'eau',
      discrepancies: [
        {
          patientId: 'EARLY',
          recordedDate: addDaysIso(SURGERY, 150),
          derivedDate: addDaysIso(SURGERY, 290),
          differenceDays: 140,
        },
        { patientId: 'NONE', recordedDate: null, derivedDate: addDaysIso(SURGERY, 290) },
      ],
    });
    expect(recorded.md).toContain('EAU guideline definition of castration resistance');
    expect(recorded.md).toContain(
      `| EARLY | ${addDaysIso(SURGERY, 150)} | ${addDaysIso(SURGERY, 290)} | 140 |`,
    );
    expect(recorded.json.survival[0]!.events).toBe(2);
    const derived = render([early, unrecorded, agrees], {
      rule: 'pocock:0.1,0.3,20',
      castrationResistance: 'derived',
    });
    expect(derived.json.survival[0]!.events).toBe(3);
    expect(derived.json.survival[0]!.definition).toMatch(/derived from PSA and testosterone, EAU/);
    expect(derived.json.settings.find((s) => s.name === 'crpc')).toMatchObject({
      value: 'derived',
      defaulted: false,
    });
  });

  it('shows a grade III without sub-grade as its own row, counted as major', () => {
    const out = render(
      [
        person('A', 200, { complications: [{ date: addDaysIso(SURGERY, 4), grade: 'III' }] }),
        person('B', 200),
      ],
      { rule: 'pocock:0.1,0.3,20' },
    );
    expect(out.md).toContain('| Grade III (sub-grade not recorded) | 1/2 (50.0%) |');
    expect(out.md).not.toContain('Grade IV (sub-grade not recorded)');
    expect(out.json.complications.rows.find((r) => r.key === 'major')).toMatchObject({ count: 1 });
    expect(out.json.safety.monitor.events).toBe(1);
  });

  it('splits the doubling-time categories and says who is left out of the test', () => {
    const pre = [
      { date: '2023-03-01', value: 0.25 },
      { date: '2023-06-29', value: 1 },
      { date: '2023-10-27', value: 4 },
    ];
    const out = render(
      [
        person('LOW', 700, {
          psa: [
            ...pre,
            { date: '2024-02-21', value: 0.01, undetectable: true },
            { date: '2024-05-21', value: 0.03 },
            { date: '2024-08-21', value: 0.06 },
          ],
        }),
        person('ONE', 700, {
          psa: [...pre, { date: '2024-02-21', value: 0.01, undetectable: true }],
        }),
      ],
      { rule: 'pocock:0.1,0.3,20' },
    );
    expect(out.json.psaDoublingTime.categories).toMatchObject({
      'rising-below-threshold': 1,
      'too-few-values': 1,
      'no-post-rise': 0,
    });
    expect(out.md).toContain(
      'Paired comparison of the log-slopes (per month) on the 0 patients with both a pre- and a post-sLND slope; left out: 1 rising below 0.2 ng/mL (no post-sLND slope), 1 too few post-sLND values.',
    );
    expect(out.json.psaDoublingTime.summary.pre).toMatchObject({ n: 2 });
  });
});

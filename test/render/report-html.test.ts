import { describe, expect, it } from 'vitest';
import { reportToHtml } from '../../src/render/report-html.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { exampleCohort } from '../_helpers/example-cohort.js';
import { makePatient } from '../_helpers/patient.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

describe('reportToHtml', () => {
  it('is one self-contained page: inline SVG, no script, no external resource', () => {
    const html = reportToHtml(buildTrialReport(exampleCohort()));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)?.length).toBe(14);
    expect(html).not.toMatch(/<script|<link|<iframe|src=|https?:\/\/(?!www\.w3\.org)/i);
    expect(html).toContain("default-src 'none'");
  });

  it('lets no element or attribute from the data through', () => {
    const patients = [
      makePatient({
        id: SCRIPT,
        surgeryDate: '2024-01-10',
        psa: [
          { date: '2024-01-05', value: 2 },
          { date: '2024-02-21', value: 0.5 },
        ],
        complications: [{ date: '2024-01-20', grade: 'IIIa', description: IMG }],
      }),
      makePatient({ id: IMG, surgeryDate: '2024-01-12' }),
    ];
    const html = reportToHtml(
      buildTrialReport(patients, {
        title: `Trial ${SCRIPT}`,
        excluded: [{ patientId: IMG, reasons: [SCRIPT] }],
      }),
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

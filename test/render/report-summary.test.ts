import { describe, expect, it } from 'vitest';
import { reportSummary } from '../../src/render/report-summary.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { exampleCohort } from '../_helpers/example-cohort.js';

describe('reportSummary', () => {
  it('prints the key numbers in aligned lines', () => {
    const report = buildTrialReport(exampleCohort());
    const lines = reportSummary(report).split('\n');
    expect(lines[1]).toBe(
      `Data cut ${report.asOf}: 60 patients; stopping rule pocock:0.1,0.3,60 is the default (none given)`,
    );
    const given = reportSummary(buildTrialReport(exampleCohort(), { rule: 'pocock:0.1,0.3,60' }));
    expect(given.split('\n')[1]).toBe(`Data cut ${report.asOf}: 60 patients`);
    const major = report.complications.rows.find((r) => r.key === 'major')!;
    expect(lines.find((l) => l.includes('Major (IIIa+)'))).toContain(`${major.count}/60`);
    expect(lines.find((l) => l.includes('Safety monitor'))).toContain(
      'Continue: 4 major complications in 60 evaluable patients',
    );
    expect(report.safety.monitor.decision).toBe('continue');
    // Values start in one column.
    const starts = lines.slice(2).map((l) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(l)?.[0].length);
    expect(starts.every((s) => s !== undefined)).toBe(true);
    expect(new Set(starts).size).toBe(1);
  });
});

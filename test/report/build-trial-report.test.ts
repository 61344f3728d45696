import { describe, expect, it } from 'vitest';
import { complicationSummary } from '../../src/complications/complication-summary.js';
import { safetyMonitor } from '../../src/monitoring/safety-monitor.js';
import { psaDoublingTimeComparison } from '../../src/psa/psa-doubling-time-comparison.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { stoppingRuleFromSpec } from '../../src/report/stopping-rule-spec.js';
import { type Endpoint, endpointData } from '../../src/survival/endpoint-data.js';
import { kaplanMeier } from '../../src/survival/kaplan-meier.js';
import { medianFollowUp } from '../../src/survival/median-follow-up.js';
import { survivalAt } from '../../src/survival/survival-at.js';
import { survivalQuantile } from '../../src/survival/survival-quantile.js';
import { expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { exampleCohort } from '../_helpers/example-cohort.js';
import { nonFinitePaths } from '../properties/_config.js';

describe('buildTrialReport', () => {
  const patients = deepFreeze(exampleCohort());
  const report = buildTrialReport(patients);

  it('holds the numbers of the library functions it names, on the example cohort', () => {
    expect(report.cohort.n).toBe(60);
    expect(report.complications).toEqual(complicationSummary(patients));
    const rule = stoppingRuleFromSpec('pocock:0.1,0.3,60');
    expect(report.safety.ruleIsDefault).toBe(true);
    expect(report.safety.monitor).toEqual(safetyMonitor(patients, { rule, asOf: report.asOf }));
    const { categories, ...comparison } = report.psaDoublingTime;
    expect(comparison).toEqual(psaDoublingTimeComparison(patients));
    expect(Object.values(categories).reduce((a, b) => a + b, 0)).toBe(60);
    for (const s of report.survival) {
      const fit = kaplanMeier(endpointData(patients, s.endpoint as Endpoint));
      expect(s.fit).toEqual(fit);
      // Everyone is at risk at 1 and 2 years here, so both are estimable and equal R's summary.
      expect(s.at).toEqual(survivalAt(fit, [365, 730]).map((r) => ({ ...r, estimable: true })));
      expect(s.median).toEqual(survivalQuantile(fit, 0.5));
      expect(s.riskTable.map((r) => r.time)).toEqual([0, 183, 365, 548, 730]);
    }
  });

  it('gives the median follow-up in months by reverse Kaplan-Meier', () => {
    const fu = medianFollowUp({
      time: patients.map((p) =>
        Math.round(
          (Date.parse(p.deathDate ?? p.lastFollowUpDate) - Date.parse(p.surgeryDate)) / 86400000,
        ),
      ),
      event: patients.map((p) => (p.deathDate === undefined ? 0 : 1)),
    });
    expectClose(report.cohort.medianFollowUpMonths.estimate, fu.estimate! / 30.4375);
  });

  it('counts the safety path patient by patient, ending at the evaluable total', () => {
    const { path, monitor } = report.safety;
    expect(path.map((p) => p.patients)).toEqual(path.map((_, i) => i + 1));
    expect(path.at(-1)).toEqual({ patients: monitor.evaluable, events: monitor.events });
  });

  it('is deterministic and plain data (JSON round-trips)', () => {
    const again = buildTrialReport(patients);
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(nonFinitePaths(report)).toEqual([]);
  });

  it('uses only what was known at the data cut', () => {
    const early = buildTrialReport(patients, { asOf: '2023-01-01' });
    expect(early.asOf).toBe('2023-01-01');
    expect(early.cohort.n + early.cohort.notYetOperated.length).toBe(60);
    expect(early.cohort.lastSurgery! <= '2023-01-01').toBe(true);
  });

  it('works on an empty cohort without NaN', () => {
    const empty = buildTrialReport([]);
    expect(empty.cohort.n).toBe(0);
    expect(nonFinitePaths(empty)).toEqual([]);
  });

  it('rejects a malformed rule or date, naming it', () => {
    expect(() => buildTrialReport(patients, { rule: 'nope' })).toThrow(/rule/);
    expect(() => buildTrialReport(patients, { asOf: '2024-02-30' })).toThrow(/asOf/);
  });

  // issue 11 item 14: [{}] failed with "Cannot read properties of undefined (reading 'filter')".
  it('names a malformed patient and its field instead of failing inside an analysis', () => {
    expect(() => buildTrialReport([{}] as never)).toThrow(
      'patients[0].id must be a string. Value: undefined.',
    );
    const [first, second] = patients;
    const bad = (change: Record<string, unknown>) => [first!, { ...second!, ...change }] as never;
    expect(() => buildTrialReport(bad({ psa: 'none' }))).toThrow(
      /^patients\[1\]\.psa must be an array/,
    );
    expect(() =>
      buildTrialReport(bad({ complications: [{ date: '2024-01-01', grade: 'VI' }] })),
    ).toThrow(/^patients\[1\]\.complications\[0\]\.grade must be one of/);
    expect(() => buildTrialReport(bad({ lastFollowUpDate: undefined }))).toThrow(
      /^patients\[1\]\.lastFollowUpDate must be an ISO date string/,
    );
    expect(() => buildTrialReport(bad({ deathDate: '0000-01-01' }))).toThrow(
      'patients[1].deathDate must be a date in the years 1900-2199. Value: "0000-01-01".',
    );
    expect(() => buildTrialReport(bad({ deathCause: 'old age' }))).toThrow(
      /^patients\[1\]\.deathCause must be one of/,
    );
    const sparse = [first!, second!];
    sparse.length = 3;
    expect(() => buildTrialReport(sparse)).toThrow(
      /^patients\[2\] must be given: patients is a sparse array/,
    );
  });

  // issue 11 item 14: title 5 and a malformed excluded were accepted, then the renderers failed
  // with "value2.replace is not a function".
  it('checks the title and the excluded patients, and copies them into the report', () => {
    expect(() => buildTrialReport(patients, { title: 5 as never })).toThrow(
      'options.title must be a string. Value: 5.',
    );
    expect(() => buildTrialReport(patients, { rule: 5 as never })).toThrow(
      'options.rule must be a string. Value: 5.',
    );
    const excluded = (value: unknown) => () =>
      buildTrialReport(patients, { excluded: value as never });
    expect(excluded('P07')).toThrow('options.excluded must be an array. Value: "P07".');
    expect(excluded([{ patientId: 7, reasons: [] }])).toThrow(
      'options.excluded[0].patientId must be a string. Value: 7.',
    );
    expect(excluded([{ patientId: 'P07' }])).toThrow(
      'options.excluded[0].reasons must be an array. Value: undefined.',
    );
    expect(excluded([{ patientId: null, reasons: ['ok', 3] }])).toThrow(
      'options.excluded[0].reasons[1] must be a string. Value: 3.',
    );
    expect(excluded([null])).toThrow('options.excluded[0] must be an object. Value: null.');
    const given = [{ patientId: null, reasons: ['unreadable id'] }];
    const out = buildTrialReport(patients, { title: 'Interim', excluded: given });
    expect(out.title).toBe('Interim');
    expect(out.excluded).toEqual(given);
    expect(out.excluded).not.toBe(given);
  });
});

import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/model/iso-date.js';
import type { Patient } from '../../src/model/types.js';
import { parseCohort } from '../../src/model/validate-cohort.js';
import { psaResponse } from '../../src/psa/psa-response.js';
import { coxRegression } from '../../src/regression/cox-regression.js';
import { logisticRegression } from '../../src/regression/logistic-regression.js';
import { reportToMarkdown } from '../../src/render/report-markdown.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { simulateTrial } from '../../src/simulate/index.js';
import { quantilesType2 } from '../../src/stats/quantile-type-2.js';
import { endpointData } from '../../src/survival/endpoint-data.js';
import { kaplanMeier } from '../../src/survival/kaplan-meier.js';
import { logRank } from '../../src/survival/log-rank.js';
import { makePatient } from '../_helpers/patient.js';
import { nonFinitePaths } from '../properties/_config.js';

const S = '2024-01-10';
const day = (d: number) => addDaysIso(S, d);

/** A patient with PSA at the sLND and at 6 weeks, followed two years. */
function patient(id: string, overrides: Partial<Patient> = {}): Patient {
  return makePatient({
    id,
    surgeryDate: S,
    psa: [
      { date: day(-10), value: 1.5 },
      { date: day(42), value: 0.05 },
    ],
    lastFollowUpDate: day(800),
    ...overrides,
  });
}

describe('report: patient flow (issue 14)', () => {
  it('counts screening, enrolment, not operated by reason and the analysed per endpoint', () => {
    const patients = [
      patient('A'),
      patient('B', { psa: [{ date: day(-10), value: 1.5 }] }), // no 6-week PSA
      patient('C', { surgeryDate: '2026-06-01', lastFollowUpDate: '2026-06-02', psa: [] }),
    ];
    const report = buildTrialReport(patients, {
      asOf: day(800),
      notOperated: [
        { id: 'N1', reason: 'withdrew consent' },
        { id: 'N2', reason: 'withdrew consent', enrollmentDate: day(-30) },
        { id: 'N3', reason: 'unfit', enrollmentDate: '2027-01-01' }, // after the data cut
      ],
      screening: { assessed: 20, excluded: [{ reason: 'metastases on PET', count: 12 }] },
    });
    const flow = report.flow;
    expect(flow.assessed).toBe(20);
    expect(flow.screeningExcluded).toEqual([{ reason: 'metastases on PET', count: 12 }]);
    expect(flow.operated).toBe(2);
    expect(flow.notOperated).toEqual([
      { reason: 'withdrew consent', count: 2 },
      { reason: 'operated after the data cut', count: 1 },
    ]);
    expect(flow.enrolled).toBe(5);
    const landmark = flow.endpoints.find((e) => e.endpoint === 'PSA 6 weeks after the sLND')!;
    expect(landmark).toEqual({
      endpoint: 'PSA 6 weeks after the sLND',
      evaluable: 1,
      excluded: [{ reason: 'no PSA within the 6-week window', count: 1 }],
    });
    // Every endpoint accounts for every operated patient.
    for (const e of flow.endpoints) {
      const out = e.excluded.reduce((sum, c) => sum + c.count, 0);
      expect(e.evaluable + out, e.endpoint).toBe(flow.operated);
    }
  });

  it('says when no screening log and no not-operated patients were given', () => {
    const report = buildTrialReport([patient('A')]);
    expect(report.flow.assessed).toBeUndefined();
    expect(report.flow.enrolled).toBe(1);
    const md = reportToMarkdown(report);
    expect(md).toContain('no screening log was given');
    expect(md).toContain('no enrolled patient is recorded as not operated');
  });

  it('refuses malformed flow options, naming them', () => {
    expect(() => buildTrialReport([], { notOperated: [{ id: 1 } as never] })).toThrow(
      /options\.notOperated\[0\]\.id must be a string/,
    );
    expect(() => buildTrialReport([], { screening: { assessed: -1, excluded: [] } })).toThrow(
      /options\.screening\.assessed/,
    );
  });
});

describe('report: baseline table (issue 14)', () => {
  const ages = [61, 70, 55, 66];
  const patients = ages.map((age, i) =>
    patient(`P${i}`, {
      ageAtSurgery: age,
      isupGradeGroup: i < 3 ? 2 : 4,
      priorSalvageRadiotherapy: i % 2 === 0,
      imaging: {
        modality: 'PSMA-PET/CT',
        regions: i === 0 ? ['pelvic', 'retroperitoneal'] : ['pelvic'],
      },
      ...(i === 3 ? {} : { nodesRemoved: 10 + i }),
    }),
  );
  const rows = buildTrialReport(patients).baseline.rows;
  const row = (v: string) => rows.find((r) => r.variable === v)!;

  it('gives median and quartiles as R quantile(type = 2), with the count missing', () => {
    const [q1, median, q3] = quantilesType2(ages, [0.25, 0.5, 0.75]);
    expect(row('ageAtSurgery')).toMatchObject({
      type: 'continuous',
      n: 4,
      missing: 0,
      q1,
      median,
      q3,
    });
    expect(row('nodesRemoved')).toMatchObject({ n: 3, missing: 1, median: 11 });
    expect(row('psaAtSurgery')).toMatchObject({ n: 4, median: 1.5 });
  });

  it('gives n (%) of the recorded per level, a patient in several levels for the regions', () => {
    expect(row('isupGradeGroup').levels!.filter((l) => l.count > 0)).toEqual([
      { level: '2', count: 3, percent: 75 },
      { level: '4', count: 1, percent: 25 },
    ]);
    expect(row('priorSalvageRadiotherapy').levels).toEqual([
      { level: 'yes', count: 2, percent: 50 },
      { level: 'no', count: 2, percent: 50 },
    ]);
    const regions = row('imagingRegions').levels!;
    expect(regions.map((l) => l.count)).toEqual([4, 1, 0]);
    expect(row('pathologicalStage')).toMatchObject({ n: 0, missing: 4 });
    expect(row('pathologicalStage').levels!.every((l) => l.percent === null)).toBe(true);
  });
});

describe('report: a cohort with none of the new fields (issue 14)', () => {
  const report = buildTrialReport([patient('A'), patient('B', { adtStartDate: day(100) })]);

  it('still has every section, saying what is missing, and no NaN', () => {
    expect(nonFinitePaths(report)).toEqual([]);
    const md = reportToMarkdown(report);
    expect(md).toContain('Not recorded for any patient: Age at sLND, years;');
    expect(md).toContain('## Exploratory predictors');
    expect(report.complications.byCategory).toEqual([]);
  });
});

describe('report: further endpoints (issue 14)', () => {
  const patients = [
    // Complete response, recurrence at day 300 (a PSA >= 0.2).
    patient('R1', {
      psa: [
        { date: day(-10), value: 1.5 },
        { date: day(42), value: 0.05 },
        { date: day(200), value: 0.1 },
        { date: day(300), value: 0.25 },
      ],
    }),
    // Complete response, ADT at day 250 before any rise: censored at the last PSA before it.
    patient('R2', {
      psa: [
        { date: day(-10), value: 1.5 },
        { date: day(42), value: 0.05 },
        { date: day(180), value: 0.15 },
        { date: day(260), value: 0.5 },
      ],
      adtStartDate: day(250),
    }),
    // No complete response: not in the recurrence endpoint.
    patient('N1', {
      psa: [
        { date: day(-10), value: 2 },
        { date: day(42), value: 0.9 },
      ],
    }),
    // On ADT since before the sLND: not in the hormone-therapy endpoint.
    patient('H1', { adtStartDate: day(-5) }),
  ];
  const report = buildTrialReport(patients, { asOf: day(800) });
  const [recurrence, hormone] = report.secondaryEndpoints;

  it('biochemical recurrence after a complete response: event at the rising PSA, censoring at the last PSA before ADT', () => {
    expect(recurrence!.endpoint).toBe('biochemical-recurrence');
    // R1 (event day 300), R2 (censored day 180); H1's 6-week PSA is on ADT: not evaluable.
    const fit = kaplanMeier({ time: [300, 180], event: [1, 0] });
    expect(recurrence!.fit).toEqual(fit);
    const flow = report.flow.endpoints.find((e) => e.endpoint === recurrence!.label)!;
    expect(flow.excluded).toEqual([
      { reason: 'no complete response at 6 weeks', count: 1 },
      { reason: 'no evaluable 6-week PSA', count: 1 },
    ]);
  });

  it('freedom from hormone therapy: event at the ADT start after the sLND', () => {
    expect(hormone!.endpoint).toBe('hormone-therapy');
    const fit = kaplanMeier({ time: [730, 250, 730], event: [0, 1, 0] });
    expect(hormone!.fit).toEqual(fit);
  });

  it('the registered endpoints by 6-week response with the log-rank test of survdiff', () => {
    const cohort = simulateTrial({ n: 80, seed: 7 }).patients;
    const r = buildTrialReport(cohort);
    for (const comparison of r.byResponse) {
      const survival = r.survival.find((s) => s.endpoint === comparison.endpoint)!;
      const n = comparison.groups.reduce((sum, g) => sum + g.n, 0);
      expect(n + comparison.notEvaluable).toBe(survival.n);
      const [complete, other] = comparison.groups;
      const data = {
        time: [...expand(complete!.fit), ...expand(other!.fit)].map((x) => x.time),
        event: [...expand(complete!.fit), ...expand(other!.fit)].map((x) => x.event),
        group: [
          ...expand(complete!.fit).map(() => 'complete'),
          ...expand(other!.fit).map(() => 'other'),
        ],
      };
      const test = logRank(data);
      expect(comparison.test).toEqual({ statistic: test.statistic, df: 1, pValue: test.pValue });
    }
  });
});

/** The subjects of a Kaplan-Meier fit, back from its event and censoring counts. */
function expand(fit: ReturnType<typeof kaplanMeier>): { time: number; event: 0 | 1 }[] {
  return fit.time.flatMap((t, i) => [
    ...Array.from({ length: fit.nEvent[i]! }, () => ({ time: t, event: 1 as const })),
    ...Array.from({ length: fit.nCensor[i]! }, () => ({ time: t, event: 0 as const })),
  ]);
}

describe("report: follow-up completeness (Clark's C)", () => {
  it('is observed over potential person-time within 2 years, a death completing the follow-up', () => {
    const report = buildTrialReport(
      [
        patient('A', { lastFollowUpDate: day(365) }), // lost at 1 year: 365 of 730
        patient('B', { lastFollowUpDate: day(100), deathDate: day(100) }), // died: complete
        patient('C', { lastFollowUpDate: day(1000) }), // seen beyond 2 years: 730 of 730
      ],
      { asOf: day(1000) },
    );
    expect(report.cohort.followUpCompleteness).toEqual({
      observedDays: 365 + 100 + 730,
      potentialDays: 730 + 100 + 730,
      index: (365 + 100 + 730) / (730 + 100 + 730),
    });
    expect(buildTrialReport([]).cohort.followUpCompleteness.index).toBeNull();
  });
});

describe('report: exploratory predictors (issue 15)', () => {
  const { patients } = simulateTrial({ n: 120, seed: 11 });
  const report = buildTrialReport(patients);

  it('fits each univariable model as coxRegression and Firth logisticRegression do', () => {
    expect(report.predictors.filter((r) => r.estimate !== null).length).toBeGreaterThan(10);
    const cox = report.predictors.find(
      (r) => r.variable === 'isupGradeGroup' && r.endpoint.startsWith('Free of distant'),
    )!;
    const records = endpointData(patients, 'distant-metastasis').filter(
      (_, i) => patients[i]!.isupGradeGroup !== undefined,
    );
    const direct = coxRegression({
      time: records.map((r) => r.time),
      event: records.map((r) => r.event),
      covariates: {
        isupGradeGroup: records.map(
          (r) => patients.find((p) => p.id === r.patientId)!.isupGradeGroup!,
        ),
      },
    }).coefficients[0]!;
    expect(cox).toMatchObject({
      model: 'cox',
      n: records.length,
      events: records.filter((r) => r.event === 1).length,
      estimate: direct.hazardRatio,
      lower: direct.lower,
      upper: direct.upper,
      pValue: direct.pValue,
      reason: null,
    });
    const logistic = report.predictors.find(
      (r) => r.variable === 'nodesPositive' && r.model === 'logistic',
    )!;
    const kept = patients.flatMap((p) => {
      const complete = psaResponse(p).completeResponse;
      return complete === null || p.nodesPositive === undefined
        ? []
        : [{ outcome: complete ? 1 : 0, x: p.nodesPositive }];
    });
    const firth = logisticRegression(
      { outcome: kept.map((k) => k.outcome), covariates: { x: kept.map((k) => k.x) } },
      { method: 'firth' },
    ).coefficients[1]!;
    expect(logistic).toMatchObject({
      n: kept.length,
      events: kept.filter((k) => k.outcome === 1).length,
      estimate: firth.oddsRatio,
      lower: firth.lower,
      upper: firth.upper,
      pValue: firth.pValue,
    });
  });

  it('lists a model the data cannot support with its reason instead of numbers', () => {
    const same = [1, 2, 3, 4].map((i) =>
      patient(`Q${i}`, {
        isupGradeGroup: 3,
        castrationResistanceDate: day(100 * i),
        lastFollowUpDate: day(800),
      }),
    );
    const rows = buildTrialReport(same).predictors.filter((r) => r.variable === 'isupGradeGroup');
    expect(rows.length).toBe(3);
    for (const r of rows) {
      expect([r.estimate, r.lower, r.upper, r.pValue]).toEqual([null, null, null, null]);
      expect(r.reason).toMatch(/.+/);
    }
  });
});

describe('buildTrialReport takes the cohort as parseCohort returns it', () => {
  const trial = simulateTrial({ n: 30, seed: 3 });
  const cohort = parseCohort({
    patients: trial.patients,
    notOperated: trial.notOperated,
    screening: trial.screening,
  });

  it('carries the flow with the patients: the same report as with the flow in the options', () => {
    const fromCohort = buildTrialReport(cohort);
    const fromOptions = buildTrialReport(cohort.patients, {
      notOperated: cohort.notOperated,
      screening: cohort.screening!,
    });
    expect(fromCohort).toEqual(fromOptions);
    expect(fromCohort.flow.assessed).toBe(trial.screening.assessed);
    expect(fromCohort.flow.enrolled).toBe(30 + trial.notOperated.length);
  });

  it('refuses the flow given twice, and a cohort object without patients', () => {
    expect(() => buildTrialReport(cohort, { notOperated: [] })).toThrow(
      /the cohort already carries its patient flow/,
    );
    expect(() => buildTrialReport({ people: [] } as never)).toThrow(/patients array/);
  });
});

describe('buildTrialReport keeps the warnings of reading the cohort', () => {
  const cohort = parseCohort({
    patients: [
      makePatient({ id: 'D1', lastFollowUpDate: '2024-02-01', deathDate: '2024-02-01' }),
      makePatient({ id: 'P2' }),
    ],
  });

  it("carries parseCohort's warnings into inputWarnings and the rendered report", () => {
    expect(cohort.warnings.map((w) => w.code)).toEqual(['death_cause_missing']);
    const report = buildTrialReport(cohort);
    expect(report.inputWarnings).toEqual(cohort.warnings);
    expect(reportToMarkdown(report)).toContain('The input was read with 1 warning(s)');
    expect(buildTrialReport(cohort.patients).inputWarnings).toEqual([]);
  });

  it('takes them from the options for an array of patients, checking each', () => {
    const warning = { patientId: null, path: '', code: 'unknown_column', message: 'x' };
    expect(buildTrialReport(cohort.patients, { inputWarnings: [warning] }).inputWarnings).toEqual([
      warning,
    ]);
    expect(() =>
      buildTrialReport(cohort.patients, { inputWarnings: [{ ...warning, code: 3 } as never] }),
    ).toThrow(/options\.inputWarnings\[0\]\.code must be a string/);
  });
});

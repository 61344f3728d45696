import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/complications.json';
import { complicationSummary } from '../../src/complications/complication-summary.js';
import { comprehensiveComplicationIndex } from '../../src/complications/comprehensive-complication-index.js';
import { addDaysIso } from '../../src/model/iso-date.js';
import type { ClavienDindoGrade, Complication, Patient } from '../../src/model/types.js';
import { binomialConfidenceInterval } from '../../src/stats/binomial-confidence-interval.js';
import { expectClose } from '../_helpers/close.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';

const SURGERY = '2024-01-10';
/** The CCI of one grade II complication, computed as the summary computes it. */
const cciII = comprehensiveComplicationIndex(['II']);

function patient(
  id: string,
  complications: readonly [day: number, grade: ClavienDindoGrade, d?: boolean][],
  extra: Partial<Patient> = {},
): Patient {
  return {
    id,
    surgeryDate: SURGERY,
    lastFollowUpDate: addDaysIso(SURGERY, 365),
    psa: [],
    complications: complications.map(
      ([day, grade, d]): Complication => ({
        date: addDaysIso(SURGERY, day),
        grade,
        ...(d === undefined ? {} : { persistsAtDischarge: d }),
      }),
    ),
    ...extra,
  };
}

/** The R fixture cohort: patient i has the grade set fixture.cohort.grades[i], all in the window. */
const fixtureCohort = (): Patient[] =>
  fixture.cohort.grades.map((grades, i) =>
    patient(
      `F${i + 1}`,
      (grades as ClavienDindoGrade[]).map((g, j): [number, ClavienDindoGrade] => [j * 10, g]),
    ),
  );

/** Every number anywhere in `value` (to check none is NaN). */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('complicationSummary', () => {
  it('matches R on the fixture cohort: worst-grade rows, any/minor/major, events, CCI quantiles', () => {
    const s = complicationSummary(deepFreeze(fixtureCohort()));
    expect(s.n).toBe(fixture.cohort.grades.length);
    for (const [key, expected] of Object.entries(fixture.cohort.rows)) {
      const row = s.rows.find((r) => r.key === key)!;
      expect(row, key).toBeDefined();
      expect(row.count, key).toBe(expected.count);
      expect(row.n, key).toBe(expected.n);
      expectClose(row.estimate, expected.rate, { label: `${key} rate` });
      expectClose(row.lower, expected.lower, { label: `${key} lower` });
      expectClose(row.upper, expected.upper, { label: `${key} upper` });
    }
    // The fixture has no grade without its sub-grade.
    expect(s.eventsByGrade).toEqual({ ...fixture.cohort.eventsByGrade, III: 0, IV: 0 });
    expect(s.totalEvents).toBe(Object.values(fixture.cohort.eventsByGrade).reduce((a, b) => a + b));
    s.patients.forEach((p, i) => {
      expectClose(p.cci, fixture.cohort.cci[i], { label: p.patientId });
    });
    expectClose(s.cci.median, fixture.cohort.median);
    expectClose(s.cci.q1, fixture.cohort.q1);
    expectClose(s.cci.q3, fixture.cohort.q3);
    expectClose(s.cci.iqr, fixture.cohort.q3 - fixture.cohort.q1);
  });

  it('lists rows in a fixed order with readable labels', () => {
    const s = complicationSummary(fixtureCohort());
    expect(s.rows.map((r) => r.key)).toEqual([
      'I',
      'II',
      'IIIa',
      'III',
      'IIIb',
      'IVa',
      'IV',
      'IVb',
      'V',
      'any',
      'minor',
      'major',
      'suffixD',
      'mortality',
    ]);
    expect(s.rows.map((r) => r.label)).toEqual([
      'Grade I',
      'Grade II',
      'Grade IIIa',
      'Grade III (sub-grade not recorded)',
      'Grade IIIb',
      'Grade IVa',
      'Grade IV (sub-grade not recorded)',
      'Grade IVb',
      'Grade V',
      'Any complication',
      'Minor (I-II)',
      'Major (IIIa-V)',
      'Suffix d (persists at discharge)',
      'Death within 90 days (any cause)',
    ]);
  });

  it('counts patients by worst grade, day 90 in and day 91 out', () => {
    const s = complicationSummary([
      patient('A', [[90, 'IIIb']]),
      patient('B', [
        [5, 'I'],
        [91, 'IVa'],
      ]),
      patient('C', []),
    ]);
    expect(s.patients.map((p) => p.worstGrade)).toEqual(['IIIb', 'I', null]);
    expect(s.patients.map((p) => p.complicationCount)).toEqual([1, 1, 0]);
    expect(s.eventsByGrade.IVa).toBe(0);
    const count = (key: string) => s.rows.find((r) => r.key === key)!.count;
    expect([count('IIIb'), count('I'), count('IVa'), count('any')]).toEqual([1, 1, 0, 2]);
    expect(s.notes.join('\n')).toMatch(/1 complication dated after day 90 left out.*B \(day 91\)/);
  });

  it('counts events, not patients, per grade', () => {
    const s = complicationSummary([
      patient('A', [
        [1, 'II'],
        [2, 'II'],
        [3, 'I'],
      ]),
      patient('B', [[4, 'II']]),
    ]);
    expect(s.eventsByGrade).toEqual({
      I: 1,
      II: 3,
      IIIa: 0,
      III: 0,
      IIIb: 0,
      IVa: 0,
      IV: 0,
      IVb: 0,
      V: 0,
    });
    expect(s.totalEvents).toBe(4);
    expect(s.rows.find((r) => r.key === 'II')!.count).toBe(2);
    expect(s.rows.find((r) => r.key === 'I')!.count).toBe(0);
  });

  it('handles a cohort without any complication: zeros, intervals from 0, CCI 0', () => {
    const s = complicationSummary([patient('A', []), patient('B', [])]);
    for (const row of s.rows) {
      expect(row.count).toBe(0);
      expect(row.estimate).toBe(0);
      expect(row.lower).toBe(0);
      expectClose(row.upper, binomialConfidenceInterval(0, 2).upper);
    }
    expect(s.cci).toEqual({ n: 2, median: 0, q1: 0, q3: 0, iqr: 0 });
    expect(s.totalEvents).toBe(0);
    expect(s.notes).toEqual([]);
  });

  it('counts a grade V death as major with CCI 100, and its follow-up as complete', () => {
    const s = complicationSummary([
      patient(
        'A',
        [
          [3, 'IVa'],
          [20, 'V'],
        ],
        { deathDate: addDaysIso(SURGERY, 20), lastFollowUpDate: addDaysIso(SURGERY, 20) },
      ),
      patient('B', []),
    ]);
    expect(s.patients[0]).toEqual({
      patientId: 'A',
      worstGrade: 'V',
      complicationCount: 2,
      cci: 100,
      completeFollowUp: true,
      diedInWindow: true,
    });
    expect(s.rows.find((r) => r.key === 'V')!.count).toBe(1);
    expect(s.rows.find((r) => r.key === 'major')!.count).toBe(1);
    expect(s.rows.find((r) => r.key === 'IVa')!.count).toBe(0);
    expect(s.eventsByGrade.IVa).toBe(1);
    expectClose(s.cci.median, 50);
    expect(s.notes).toEqual([]);
  });

  it('counts a death within the window as grade V unless its cause is prostate cancer or other', () => {
    const died = (id: string, day: number, deathCause?: Patient['deathCause']) =>
      patient(id, [[3, 'II']], {
        deathDate: addDaysIso(SURGERY, day),
        lastFollowUpDate: addDaysIso(SURGERY, day),
        ...(deathCause === undefined ? {} : { deathCause }),
      });
    const s = complicationSummary([
      died('none', 40),
      died('unknown', 10, 'unknown'),
      died('complication', 90, 'complication'),
      died('cancer', 20, 'prostate-cancer'),
      died('other', 30, 'other'),
      died('late', 91),
    ]);
    expect(s.patients.map((p) => p.worstGrade)).toEqual(['V', 'V', 'V', 'II', 'II', 'II']);
    expect(s.patients.map((p) => p.cci)).toEqual([100, 100, 100, cciII, cciII, cciII]);
    expect(s.patients.map((p) => p.diedInWindow)).toEqual([true, true, true, true, true, false]);
    expect(s.eventsByGrade.V).toBe(3);
    const row = (key: string) => s.rows.find((r) => r.key === key)!;
    expect(row('V').count).toBe(3);
    expect(row('major').count).toBe(3);
    expect(row('mortality')).toMatchObject({
      label: 'Death within 90 days (any cause)',
      count: 5,
      n: 6,
    });
    const notes = s.notes.join('\n');
    expect(notes).toMatch(
      /3 patients died within the 90-day window without a recorded grade V complication: each death is counted as a grade V.*none \(day 40, cause not recorded\), unknown \(day 10, cause unknown\), complication \(day 90, cause complication\)/,
    );
    expect(notes).toMatch(
      /2 patients died within the 90-day window of a cause recorded as prostate cancer or other: not counted.*cancer \(day 20, cause prostate-cancer\), other \(day 30, cause other\)/,
    );
  });

  it('does not add a second grade V for a death already recorded as one', () => {
    const s = complicationSummary([
      patient('A', [[12, 'V']], {
        deathDate: addDaysIso(SURGERY, 12),
        lastFollowUpDate: addDaysIso(SURGERY, 12),
      }),
    ]);
    expect(s.eventsByGrade.V).toBe(1);
    expect(s.notes).toEqual([]);
  });

  it('gives every rate among all operated and among the patients whose outcome is known', () => {
    // At an interim cut: 3 patients inside their window (A with a major complication), 7 whose
    // window has closed (3 with a major complication): 4/10 among all, 4/8 among the known.
    const inWindow = { lastFollowUpDate: addDaysIso(SURGERY, 40) };
    const s = complicationSummary([
      patient('A', [[5, 'IIIb']], inWindow),
      patient('B', [[5, 'I']], inWindow),
      patient('C', [], inWindow),
      patient('D', [[5, 'IIIa']]),
      patient('E', [[5, 'IVa']]),
      patient('F', [[50, 'IIIb']]),
      patient('G', []),
      patient('H', [[5, 'II']]),
      patient('I', []),
      patient('J', []),
    ]);
    expect(s.completedWindow).toBe(7);
    const row = (key: string) => s.rows.find((r) => r.key === key)!;
    expect(row('major')).toMatchObject({ count: 4, n: 10 });
    expect(row('major').evaluable).toMatchObject({ count: 4, n: 8 });
    expectClose(row('major').evaluable.estimate, 0.5);
    expectClose(row('major').evaluable.lower, binomialConfidenceInterval(4, 8).lower);
    // Any complication: A and B are in it already; C's outcome is open.
    expect(row('any').evaluable).toMatchObject({ count: 6, n: 9 });
    // A worst grade can still change inside the window: only completed windows count.
    expect(row('I').evaluable).toMatchObject({ count: 0, n: 7 });
    expect(row('minor').evaluable).toMatchObject({ count: 1, n: 7 });
  });

  it('counts a grade without its sub-grade as its own row, as major, with no CCI', () => {
    const s = complicationSummary([
      patient('A', [[5, 'III']]),
      patient('B', [
        [5, 'III'],
        [9, 'IIIb'],
      ]),
      patient('C', [[5, 'IV']]),
      patient('D', [[5, 'II']]),
    ]);
    expect(s.patients.map((p) => p.worstGrade)).toEqual(['III', 'IIIb', 'IV', 'II']);
    expect(s.patients.map((p) => p.cci)).toEqual([null, null, null, cciII]);
    const row = (key: string) => s.rows.find((r) => r.key === key)!;
    expect([row('III').count, row('IV').count, row('major').count]).toEqual([1, 1, 3]);
    expect(s.cci).toMatchObject({ n: 1, median: cciII });
    expect(s.notes.join('\n')).toMatch(
      /3 patients with a grade III or IV complication whose sub-grade was not recorded: the CCI is not determined.*over the other 1: A, B, C/,
    );
    // With threshold IIIb, a III may have been IIIb: major, never hidden as minor.
    const strict = complicationSummary([patient('A', [[5, 'III']])], { majorThreshold: 'IIIb' });
    expect(strict.rows.find((r) => r.key === 'major')!.count).toBe(1);
  });

  it('counts but flags a patient followed for fewer than 90 days without a complication', () => {
    const s = complicationSummary([
      patient('short', [], { lastFollowUpDate: addDaysIso(SURGERY, 89) }),
      patient('exact', [], { lastFollowUpDate: addDaysIso(SURGERY, 90) }),
      patient('shortWithComplication', [[10, 'IIIa']], {
        lastFollowUpDate: addDaysIso(SURGERY, 30),
      }),
    ]);
    expect(s.n).toBe(3);
    expect(s.patients.map((p) => p.completeFollowUp)).toEqual([false, true, false]);
    expect(s.rows.find((r) => r.key === 'any')!).toMatchObject({ count: 1, n: 3 });
    const notes = s.notes.join('\n');
    expect(notes).toMatch(
      /1 patient followed for fewer than 90 days without a complication.*not among those who completed the window: short \(day 89\)/,
    );
    expect(notes).toMatch(/after a complication.*shortWithComplication \(day 30\)/);
    expect(notes).not.toMatch(/exact/);
  });

  it('notes complications dated before the surgery and leaves them out', () => {
    const s = complicationSummary([patient('A', [[-2, 'IVb']])]);
    expect(s.patients[0]!.worstGrade).toBeNull();
    expect(s.notes.join('\n')).toMatch(/1 complication dated before the surgery.*A \(day -2\)/);
  });

  it('counts the suffix d per patient within the window', () => {
    const s = complicationSummary([
      patient('A', [
        [1, 'I', true],
        [2, 'II', true],
      ]),
      patient('B', [[3, 'IIIa', false]]),
      patient('C', [[100, 'II', true]]),
    ]);
    expect(s.rows.find((r) => r.key === 'suffixD')!.count).toBe(1);
  });

  it('honours windowDays, majorThreshold, method and confLevel', () => {
    const cohort = [patient('A', [[30, 'IIIa']]), patient('B', [[31, 'IIIb']]), patient('C', [])];
    const s = complicationSummary(cohort, {
      windowDays: 30,
      majorThreshold: 'IIIb',
      method: 'wilson',
      confLevel: 0.9,
    });
    expect(s).toMatchObject({
      windowDays: 30,
      majorThreshold: 'IIIb',
      method: 'wilson',
      confLevel: 0.9,
    });
    const major = s.rows.find((r) => r.key === 'major')!;
    const minor = s.rows.find((r) => r.key === 'minor')!;
    expect(major.label).toBe('Major (IIIb-V)');
    expect(minor.label).toBe('Minor (I-IIIa)');
    expect([minor.count, major.count]).toEqual([1, 0]);
    const ci = binomialConfidenceInterval(1, 3, { method: 'wilson', confLevel: 0.9 });
    expectClose(minor.lower, ci.lower);
    expectClose(minor.upper, ci.upper);
    // B's complication on day 31 is outside the 30-day window.
    expect(s.notes.join('\n')).toMatch(/after day 30 left out of the 30-day window: B \(day 31\)/);
  });

  it('labels the extreme thresholds', () => {
    const cohort = [patient('A', [[1, 'I']])];
    const all = complicationSummary(cohort, { majorThreshold: 'I' }).rows;
    expect(all.find((r) => r.key === 'minor')).toMatchObject({ label: 'Minor (none)', count: 0 });
    expect(all.find((r) => r.key === 'major')).toMatchObject({ label: 'Major (I-V)', count: 1 });
    const death = complicationSummary(cohort, { majorThreshold: 'V' }).rows;
    expect(death.find((r) => r.key === 'major')!.label).toBe('Major (V)');
  });

  it('returns nulls, not NaN, for an empty cohort', () => {
    const s = complicationSummary([]);
    expect(s.n).toBe(0);
    for (const row of s.rows) {
      expect(row).toMatchObject({ count: 0, n: 0, estimate: null, lower: null, upper: null });
    }
    expect(s.cci).toEqual({ n: 0, median: null, q1: null, q3: null, iqr: null });
    expect(s.notes).toEqual(['No patients: every rate, interval and CCI quantile is null.']);
  });

  it('never mutates a deeply frozen cohort, and returns plain JSON data without NaN', () => {
    const cohort = deepFreeze([
      ...fixtureCohort(),
      patient('short', [], { lastFollowUpDate: addDaysIso(SURGERY, 10) }),
      patient('late', [[120, 'V']]),
    ]);
    const before = JSON.stringify(cohort);
    const s = complicationSummary(cohort, { method: 'jeffreys' });
    expect(JSON.stringify(cohort)).toBe(before);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    const numbers = numbersIn(s);
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbers.every(Number.isFinite)).toBe(true);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => complicationSummary(null as never)).toThrow(/^patients must be an array/);
    expect(() => complicationSummary([null as never])).toThrow(/^patients\[0\] must be an object/);
    expect(() => complicationSummary([{ ...patient('A', []), id: 7 as never }])).toThrow(
      /^patients\[0\]\.id must be a string/,
    );
    expect(() =>
      complicationSummary([patient('A', []), patient('B', [[3, 'IIIc' as never]])]),
    ).toThrow(/^patients\[1\]\.complications\[0\]\.grade must be one of.*"IIIc"/);
    expect(() => complicationSummary([{ ...patient('A', []), surgeryDate: '10/01/2024' }])).toThrow(
      /^patients\[0\]\.surgeryDate/,
    );
    expect(() =>
      complicationSummary([{ ...patient('A', []), lastFollowUpDate: '2024-02-30' }]),
    ).toThrow(/^patients\[0\]\.lastFollowUpDate.*"2024-02-30"/);
    expect(() =>
      complicationSummary([
        { ...patient('A', []), deathDate: SURGERY, deathCause: 'accident' as never },
      ]),
    ).toThrow(/^patients\[0\]\.deathCause must be one of.*"accident"/);
    expect(() => complicationSummary([], { windowDays: -3 })).toThrow(/^options\.windowDays/);
    expect(() => complicationSummary([], { confLevel: 1 })).toThrow(/^options\.confLevel/);
    expect(() => complicationSummary([], { method: 'exact' as never })).toThrow(/^options\.method/);
    expect(() => complicationSummary([], { majorThreshold: 'IIIc' as never })).toThrow(
      /^options\.majorThreshold/,
    );
  });

  // issue 11 item 14: map and filter skip holes, so a hole dropped a patient from N silently.
  it('refuses sparse patients or complications, naming the hole', () => {
    const sparse = [patient('A', []), patient('B', [])];
    sparse.length = 3;
    expect(() => complicationSummary(sparse)).toThrow(/^patients\[2\] must be given/);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    const holed = { ...patient('A', []), complications: [, { date: SURGERY, grade: 'II' }] };
    expect(() => complicationSummary([holed as never])).toThrow(
      /complications\[0\] must be given: .*complications is a sparse array/,
    );
  });
});

describe('complicationSummary: by category and the line listing (issue 14)', () => {
  const cohort: Patient[] = [
    {
      id: 'B',
      surgeryDate: '2024-02-01',
      lastFollowUpDate: '2024-08-01',
      psa: [],
      complications: [
        { date: '2024-02-20', grade: 'IIIb', category: 'lymphocele', description: 'drained' },
        { date: '2024-02-03', grade: 'II', category: 'infection' },
        { date: '2024-02-25', grade: 'I', category: 'lymphocele' },
        { date: '2024-06-01', grade: 'II', category: 'wound' }, // day 121: outside
      ],
    },
    {
      id: 'A',
      surgeryDate: '2024-01-10',
      lastFollowUpDate: '2024-01-30',
      deathDate: '2024-01-30',
      psa: [],
      complications: [
        { date: '2024-01-10', grade: 'IIIa', intraoperative: true, category: 'vascular-injury' },
      ],
    },
  ];
  const s = complicationSummary(cohort);

  it('lists every complication in the window, in patient order then by day, the death included', () => {
    expect(s.listing).toEqual([
      {
        patientId: 'B',
        day: 2,
        grade: 'II',
        category: 'infection',
        intraoperative: null,
        description: null,
      },
      {
        patientId: 'B',
        day: 19,
        grade: 'IIIb',
        category: 'lymphocele',
        intraoperative: null,
        description: 'drained',
      },
      {
        patientId: 'B',
        day: 24,
        grade: 'I',
        category: 'lymphocele',
        intraoperative: null,
        description: null,
      },
      {
        patientId: 'A',
        day: 0,
        grade: 'IIIa',
        category: 'vascular-injury',
        intraoperative: true,
        description: null,
      },
      {
        patientId: 'A',
        day: 20,
        grade: 'V',
        category: null,
        intraoperative: null,
        description: 'death (cause not recorded)',
      },
    ]);
    expect(s.listing).toHaveLength(s.totalEvents);
  });

  it('counts patients once per category and events by grade, categories in their fixed order', () => {
    expect(s.byCategory.map((r) => [r.category, r.patients, r.events])).toEqual([
      ['lymphocele', 1, 2],
      ['infection', 1, 1],
      ['vascular-injury', 1, 1],
      [null, 1, 1],
    ]);
    const lymphocele = s.byCategory[0]!.byGrade;
    expect([lymphocele.I, lymphocele.IIIb, lymphocele.II]).toEqual([1, 1, 0]);
    const total = s.byCategory.reduce((sum, r) => sum + r.events, 0);
    expect(total).toBe(s.totalEvents);
  });

  it('has an empty listing and no categories without complications', () => {
    const none = complicationSummary([]);
    expect([none.listing, none.byCategory]).toEqual([[], []]);
  });
});

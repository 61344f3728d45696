import { describe, expect, it } from 'vitest';
import { CohortValidationError } from '../../src/errors.js';
import type { Complication, Patient } from '../../src/model/types.js';
import { safetyMonitor } from '../../src/monitoring/safety-monitor.js';

const patient = (
  id: string,
  surgeryDate: string,
  lastFollowUpDate: string,
  complications: Complication[] = [],
  deathDate?: string,
): Patient => ({
  id,
  surgeryDate,
  lastFollowUpDate,
  psa: [],
  complications,
  ...(deathDate === undefined ? {} : { deathDate }),
});

// asOf 2025-06-30, 90-day window. Listed out of order on purpose.
const cohort: Patient[] = [
  patient('P05', '2025-05-15', '2025-06-20', [{ date: '2025-05-20', grade: 'IIIa' }]), // early event
  patient('P02', '2025-01-10', '2025-06-01', [{ date: '2025-01-12', grade: 'II' }]), // minor only
  patient('P01', '2025-01-10', '2025-06-01', [{ date: '2025-01-20', grade: 'IIIb' }]), // event
  patient('P06', '2025-07-05', '2025-07-05'), // operated after asOf
  patient('P03', '2025-02-01', '2025-02-20'), // lost at day 19
  patient('P10', '2025-02-15', '2025-06-15', [{ date: '2025-05-21', grade: 'IIIa' }]), // day 95: outside
  patient('P09', '2025-03-31', '2025-06-29'), // followed exactly to day 90
  patient('P08', '2025-04-10', '2025-04-25', [], '2025-04-25'), // died day 15, no cause: grade V
  patient('P07', '2025-04-15', '2025-07-10', [{ date: '2025-07-02', grade: 'IVa' }]), // event after asOf
  patient('P04', '2025-05-01', '2025-06-25'), // window open
];

describe('safetyMonitor', () => {
  const rule = { looks: [5, 10], maxAllowed: [1, 3] };

  it('classifies every patient at asOf and lists them in order of entry (surgery date, then id)', () => {
    const r = safetyMonitor(cohort, { rule, asOf: '2025-06-30' });
    expect(r.patients.map((p) => [p.patientId, p.status])).toEqual([
      ['P01', 'event'],
      ['P02', 'no-event'],
      ['P03', 'incomplete'],
      ['P10', 'no-event'],
      ['P09', 'no-event'],
      ['P08', 'event'],
      ['P07', 'pending'],
      ['P04', 'pending'],
      ['P05', 'event'],
      ['P06', 'not-yet-operated'],
    ]);
    expect(r.patients.map((p) => p.order)).toEqual([1, 2, null, 3, 4, 5, null, null, 6, null]);
    expect(r.patients.map((p) => p.cumulativeEvents)).toEqual([
      1,
      1,
      null,
      1,
      1,
      2,
      null,
      null,
      3,
      null,
    ]);
    expect(r.patients[0]!.eventDate).toBe('2025-01-20');
    expect(r.patients[0]!.windowEndDate).toBe('2025-04-10');
    expect(r.patients[2]!.followUpEndDate).toBe('2025-02-20');
    // P08 died on day 15 with no cause recorded: the death is a grade V complication, an event.
    expect(r.patients[5]!.eventDate).toBe('2025-04-25');
    expect(r).toMatchObject({
      evaluable: 6,
      events: 3,
      pending: 2,
      incomplete: 1,
      notYetOperated: 1,
      pendingIds: ['P07', 'P04'],
      incompleteIds: ['P03'],
    });
  });

  it('counts a death within the window unless its cause is prostate cancer or other', () => {
    const death = (id: string, deathCause?: Patient['deathCause']) => ({
      ...patient(id, '2025-01-10', '2025-01-30', [], '2025-01-30'),
      ...(deathCause === undefined ? {} : { deathCause }),
    });
    const r = safetyMonitor(
      [death('A'), death('B', 'unknown'), death('C', 'other'), death('D', 'prostate-cancer')],
      { rule, asOf: '2025-02-15' },
    );
    expect(r.patients.map((p) => [p.patientId, p.status, p.eventDate, p.followUpEndDate])).toEqual([
      ['A', 'event', '2025-01-30', null],
      ['B', 'event', '2025-01-30', null],
      ['C', 'no-event', null, '2025-01-30'],
      ['D', 'no-event', null, '2025-01-30'],
    ]);
    expect(r).toMatchObject({ evaluable: 4, events: 2, pending: 0, incomplete: 0 });
    // The scenario: 10 patients, two die on days 10 and 17 with nothing recorded.
    const ten = Array.from({ length: 10 }, (_, i) => patient(`P${i}`, '2025-01-10', '2025-06-01'));
    ten[3] = patient('P3', '2025-01-10', '2025-01-20', [], '2025-01-20');
    ten[7] = patient('P7', '2025-01-10', '2025-01-27', [], '2025-01-27');
    const monitored = safetyMonitor(ten, {
      rule: { looks: [5, 10], maxAllowed: [0, 1] },
      asOf: '2025-06-01',
    });
    expect(monitored).toMatchObject({ evaluable: 10, events: 2, decision: 'stop' });
  });

  it('stops when the evaluable patients cross the rule', () => {
    const r = safetyMonitor(cohort, { rule, asOf: '2025-06-30' });
    expect(r.decision).toBe('stop');
    expect(r.evaluation).toMatchObject({ look: 1, patients: 5, events: 2, boundary: 1 });
  });

  it('takes a custom event definition (grade >= IIIb) and window', () => {
    const r = safetyMonitor(cohort, {
      rule,
      asOf: '2025-06-30',
      event: (c) => c.grade !== 'I' && c.grade !== 'II' && c.grade !== 'IIIa',
    });
    // P01's IIIb and P08's death (grade V); P05's IIIa is not an event under this definition.
    expect(r.events).toBe(2);
    expect(r.patients.find((p) => p.patientId === 'P05')!.status).toBe('pending');
    // 2 events in the first 5 evaluable patients: more than the 1 allowed at the first look.
    expect(r.decision).toBe('stop');
    const wide = safetyMonitor(cohort, { rule, asOf: '2025-06-30', windowDays: 120 });
    expect(wide.patients.find((p) => p.patientId === 'P10')!.status).toBe('event');
  });

  it('uses only what was known at asOf', () => {
    const early = safetyMonitor(cohort, { rule, asOf: '2025-01-15' });
    expect(early.patients.map((p) => p.status).slice(0, 2)).toEqual(['pending', 'pending']);
    expect(early.evaluable).toBe(0);
    expect(early.decision).toBe('continue');
    const later = safetyMonitor(cohort, { rule, asOf: '2025-07-02' });
    expect(later.patients.find((p) => p.patientId === 'P07')!.status).toBe('event');
  });

  it('counts a patient as evaluable on the last day of the window (day windowDays)', () => {
    const r = safetyMonitor([patient('A', '2025-01-01', '2025-12-31')], {
      rule,
      asOf: '2025-04-01', // day 90
    });
    expect(r.patients[0]!.status).toBe('no-event');
    const before = safetyMonitor([patient('A', '2025-01-01', '2025-12-31')], {
      rule,
      asOf: '2025-03-31',
    });
    expect(before.patients[0]!.status).toBe('pending');
  });

  it('rejects bad arguments and duplicate ids', () => {
    expect(() => safetyMonitor(cohort, { rule, asOf: '2025-02-30' })).toThrow(/options.asOf/);
    expect(() => safetyMonitor(cohort, { rule, asOf: '2025-06-30', windowDays: -1 })).toThrow(
      /options.windowDays.*Value: -1/,
    );
    expect(() => safetyMonitor([cohort[0]!, cohort[0]!], { rule, asOf: '2025-06-30' })).toThrow(
      CohortValidationError,
    );
    expect(() => safetyMonitor(cohort, { rule: { foo: 1 } as never, asOf: '2025-06-30' })).toThrow(
      /rule must be/,
    );
  });

  // issue 11 item 14: windowDays 1e15 failed with "Invalid time value" in the date arithmetic.
  it('refuses a window that ends after 2199-12-31, naming windowDays and the patient', () => {
    expect(() => safetyMonitor(cohort, { rule, asOf: '2025-06-30', windowDays: 1e15 })).toThrow(
      'options.windowDays must end the safety window of patients[0] (operated 2025-05-15) by 2199-12-31, the last date slnd-stats accepts. Value: 1000000000000000.',
    );
    const last = [patient('Z', '2199-10-02', '2199-12-31')];
    expect(() => safetyMonitor(last, { rule, asOf: '2199-12-31', windowDays: 91 })).toThrow(
      RangeError,
    );
    expect(safetyMonitor(last, { rule, asOf: '2199-12-31', windowDays: 90 }).patients[0]).toEqual(
      expect.objectContaining({ windowEndDate: '2199-12-31', status: 'no-event' }),
    );
  });

  // issue 11 item 14: forEach and filter skip holes, so a hole silently left a patient out.
  it('refuses a sparse patient list, naming the hole', () => {
    const sparse = [cohort[0]!, cohort[1]!];
    sparse.length = 3;
    expect(() => safetyMonitor(sparse, { rule, asOf: '2025-06-30' })).toThrow(
      /^patients\[2\] must be given: patients is a sparse array with a hole there/,
    );
  });

  it('stays linear in the patients (the cumulative counts once made it quadratic)', () => {
    const many = Array.from({ length: 300_000 }, (_, i) =>
      patient(
        `P${i}`,
        '2025-01-10',
        '2025-06-01',
        i % 7 === 0 ? [{ date: '2025-01-20', grade: 'IIIa' }] : [],
      ),
    );
    const r = safetyMonitor(many, {
      rule: { looks: [300_000], maxAllowed: [300_000] },
      asOf: '2025-06-30',
    });
    expect(r.evaluable).toBe(300_000);
    expect(r.patients.at(-1)?.cumulativeEvents).toBe(r.events);
  }, 20_000);
});

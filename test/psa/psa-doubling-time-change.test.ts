import { describe, expect, it } from 'vitest';
import { psaDoublingTimeChange } from '../../src/psa/psa-doubling-time-change.js';
import { expectClose } from '../_helpers/close.js';
import { makePatient } from '../_helpers/patient.js';

// PSA doubling every 60 days before surgery (2024-01-10) ...
const pre = [
  { date: '2023-03-01', value: 0.25 },
  { date: '2023-06-29', value: 1 },
  { date: '2023-10-27', value: 4 },
];
const preSlope = Math.LN2 / (60 / 30.4375);

describe('psaDoublingTimeChange', () => {
  it('slowed: doubling every 120 days after the nadir', () => {
    const patient = makePatient({
      psa: [
        ...pre,
        { date: '2024-02-21', value: 0.5 },
        { date: '2024-06-20', value: 1 },
        { date: '2024-10-18', value: 2 },
      ],
    });
    const result = psaDoublingTimeChange(patient);
    expect(result.category).toBe('slowed');
    expect(result.postNadir).toEqual({ date: '2024-02-21', value: 0.5 });
    expectClose(result.pre.slopePerMonth, preSlope, { rel: 1e-12 });
    expectClose(result.slopeChangePerMonth, preSlope / 2 - preSlope, { rel: 1e-12 });
    expectClose(result.doublingTimeChangeMonths, 60 / 30.4375, { rel: 1e-12 });
  });

  it('accelerated: doubling every 30 days after the nadir', () => {
    const patient = makePatient({
      psa: [
        ...pre,
        { date: '2024-02-21', value: 0.5 },
        { date: '2024-03-22', value: 1 },
        { date: '2024-05-21', value: 4 },
      ],
    });
    expect(psaDoublingTimeChange(patient).category).toBe('accelerated');
  });

  it('no-post-rise when the post slope is <= 0, PSA keeps falling, or stays undetectable', () => {
    const flat = makePatient({
      psa: [
        ...pre,
        { date: '2024-02-21', value: 0.3 },
        { date: '2024-03-22', value: 0.6 },
        { date: '2024-08-21', value: 0.32 },
        { date: '2024-11-21', value: 0.31 },
      ],
    });
    const result = psaDoublingTimeChange(flat);
    expect(result.post.status).toBe('non-rising');
    expect(result.category).toBe('no-post-rise');
    expect(result.slopeChangePerMonth).not.toBeNull();
    expect(result.doublingTimeChangeMonths).toBeNull();

    const falling = makePatient({
      psa: [
        ...pre,
        { date: '2024-02-21', value: 0.5 },
        { date: '2024-05-21', value: 0.45 },
        { date: '2024-08-21', value: 0.4 },
      ],
    });
    const falls = psaDoublingTimeChange(falling);
    expect(falls.post.status).toBe('insufficient');
    expect(falls.category).toBe('no-post-rise');
    expect(falls.slopeChangePerMonth).toBeNull();

    const low = makePatient({
      psa: [
        ...pre,
        { date: '2024-02-21', value: 0.03, undetectable: true },
        { date: '2024-08-21', value: 0.03, undetectable: true },
      ],
    });
    expect(psaDoublingTimeChange(low).category).toBe('no-post-rise');
  });

  it('not-evaluable without a pre slope; too-few-values without enough post values', () => {
    const result = psaDoublingTimeChange(makePatient({ psa: pre.slice(0, 2) }));
    expect(result.category).toBe('not-evaluable');
    expect(result.reason).toMatch(/no pre-sLND slope/);
    const noPost = psaDoublingTimeChange(makePatient({ psa: pre }));
    expect(noPost.category).toBe('too-few-values');
    expect(noPost.reason).toMatch(/^0 PSA values after the sLND: too few/);
    // A single value after surgery, even an undetectable one, is not "no rise".
    const single = psaDoublingTimeChange(
      makePatient({ psa: [...pre, { date: '2024-06-21', value: 0.01, undetectable: true }] }),
    );
    expect(single.category).toBe('too-few-values');
    expect(single.reason).toMatch(/^1 PSA value after the sLND, the last on day 163: too few/);
    // Rising above 0.2 ng/mL, but only two values: no slope yet.
    const two = psaDoublingTimeChange(
      makePatient({
        psa: [...pre, { date: '2024-02-21', value: 0.1 }, { date: '2024-08-21', value: 0.9 }],
      }),
    );
    expect(two.category).toBe('too-few-values');
    expect(two.reason).toMatch(
      /rose from its post-sLND nadir \(0\.1 ng\/mL on day 42\) to 0\.9 ng\/mL on day 224, but there is no post-sLND slope/,
    );
  });

  it('rising-below-threshold when PSA rises from its nadir but stays below 0.2 ng/mL', () => {
    const result = psaDoublingTimeChange(
      makePatient({
        psa: [
          ...pre,
          { date: '2024-02-21', value: 0.01, undetectable: true },
          { date: '2024-05-21', value: 0.03 },
          { date: '2024-08-21', value: 0.06 },
        ],
      }),
    );
    expect(result.category).toBe('rising-below-threshold');
    expect(result.reason).toMatch(
      /rose from its post-sLND nadir \(<0\.01 ng\/mL on day 42\) to 0\.06 ng\/mL on day 224, still below the 0\.2 ng\/mL/,
    );
  });

  it('says how far the follow-up actually went, not the 2-year horizon', () => {
    const result = psaDoublingTimeChange(
      makePatient({
        psa: [...pre, { date: '2024-02-21', value: 0.05 }, { date: '2025-05-20', value: 0.04 }],
        lastFollowUpDate: '2025-05-20',
      }),
    );
    expect(result.category).toBe('no-post-rise');
    expect(result.reason).toBe(
      'PSA has not risen from its post-sLND nadir (0.04 ng/mL on day 496) by its last value on day 496',
    );
  });

  it('leaves out every value from the ADT start on', () => {
    const psa = [
      ...pre,
      { date: '2024-02-21', value: 0.5 },
      { date: '2024-06-20', value: 1 },
      { date: '2024-10-18', value: 2 },
      { date: '2024-12-01', value: 0.1 },
      { date: '2025-03-01', value: 0.8 },
    ];
    const onAdt = psaDoublingTimeChange(makePatient({ psa, adtStartDate: '2024-11-01' }));
    expect(onAdt.post.used.map((m) => m.date)).toEqual(['2024-02-21', '2024-06-20', '2024-10-18']);
    expect(onAdt.postNadir).toEqual({ date: '2024-02-21', value: 0.5 });
    expect(onAdt.category).toBe('slowed');
    // Without the ADT start, the nadir on therapy would have been taken as the post-sLND nadir.
    expect(psaDoublingTimeChange(makePatient({ psa })).postNadir?.date).toBe('2024-12-01');
  });

  it('ignores values beyond the horizon', () => {
    const patient = makePatient({
      psa: [
        ...pre,
        { date: '2024-02-21', value: 0.5 },
        { date: '2024-06-20', value: 1 },
        { date: '2024-10-18', value: 2 },
        { date: '2026-06-01', value: 100 },
      ],
    });
    expect(psaDoublingTimeChange(patient).post.n).toBe(3);
    expect(psaDoublingTimeChange(patient, { horizonDays: 1000 }).post.n).toBe(4);
    expect(() => psaDoublingTimeChange(patient, { horizonDays: 0 })).toThrow(/horizonDays/);
  });
});

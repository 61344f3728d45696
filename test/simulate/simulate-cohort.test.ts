import { describe, expect, it } from 'vitest';
import { addMonthsIso, daysBetween } from '../../src/model/iso-date.js';
import type { Patient } from '../../src/model/types.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { simulateCohort } from '../../src/simulate/index.js';

const big = simulateCohort({ n: 500, seed: 7 });

const day = (p: Patient, date: string) => daysBetween(p.surgeryDate, date);
const share = (patients: readonly Patient[], test: (p: Patient) => boolean) =>
  patients.filter(test).length / patients.length;

/** Kaplan-Meier estimate of the probability of an event within `horizon` days. */
function cumulativeIncidence(
  patients: readonly Patient[],
  eventDate: (p: Patient) => string | undefined,
  censorDate: (p: Patient) => string,
  horizon = 730,
): number {
  const data = patients
    .map((p) => {
      const event = eventDate(p);
      return { t: day(p, event ?? censorDate(p)), event: event !== undefined };
    })
    .sort((a, b) => a.t - b.t || Number(b.event) - Number(a.event));
  let survival = 1;
  let atRisk = data.length;
  for (const { t, event } of data) {
    if (t > horizon) break;
    if (event) survival *= 1 - 1 / atRisk;
    atRisk--;
  }
  return 1 - survival;
}

describe('simulateCohort: determinism', () => {
  it('gives a deep-equal cohort for the same seed', () => {
    expect(simulateCohort({ n: 80, seed: 42 })).toEqual(simulateCohort({ n: 80, seed: 42 }));
  });

  it('gives a different cohort for a different seed', () => {
    const a = simulateCohort({ n: 80, seed: 42 }).patients;
    const b = simulateCohort({ n: 80, seed: 43 }).patients;
    expect(a).not.toEqual(b);
    expect(a.map((p) => p.surgeryDate)).not.toEqual(b.map((p) => p.surgeryDate));
  });

  it('uses the documented defaults', () => {
    expect(simulateCohort()).toEqual(
      simulateCohort({
        n: 60,
        seed: 1,
        startDate: '2022-01-01',
        accrualMonths: 18,
        followUpMonths: 24,
        idPrefix: 'SYN-',
      }),
    );
  });
});

describe('simulateCohort: validity', () => {
  it.each([
    [1, 1],
    [5, 2],
    [60, 2026],
    [200, 3],
    [137, -99],
  ])('n = %i, seed = %i passes validateCohort, as returned (sorted, no duplicates)', (n, seed) => {
    const { patients } = simulateCohort({ n, seed });
    expect(patients).toHaveLength(n);
    const result = validateCohort({ patients });
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok && result.patients).toEqual(patients);
  });

  it('passes validateCohort with other dates and a short follow-up', () => {
    const { patients } = simulateCohort({
      n: 100,
      seed: 5,
      startDate: '2020-02-29',
      accrualMonths: 6,
      followUpMonths: 0,
    });
    expect(validateCohort(patients).ok).toBe(true);
  });

  it('says that it is synthetic', () => {
    const cohort = simulateCohort({ n: 10, seed: 3 });
    expect(cohort.synthetic).toBe(true);
    expect(cohort.description).toMatch(/^Synthetic cohort: 10 simulated patients/);
    expect(cohort.description).toMatch(/seed 3/);
  });

  it('names patients SYN-001... in order of surgery, with the prefix and width asked', () => {
    const { patients } = simulateCohort({ n: 12, seed: 9 });
    expect(patients.map((p) => p.id).slice(0, 3)).toEqual(['SYN-001', 'SYN-002', 'SYN-003']);
    const dates = patients.map((p) => p.surgeryDate);
    expect(dates).toEqual([...dates].sort());
    const wide = simulateCohort({ n: 1200, seed: 9, idPrefix: 'X' }).patients;
    expect(wide[0]!.id).toBe('X0001');
    expect(new Set(wide.map((p) => p.id)).size).toBe(1200);
  });
});

describe('simulateCohort: dates and censoring', () => {
  const { patients, asOf } = big;

  it('spreads sLND over the accrual period and ends follow-up at the data cut', () => {
    expect(asOf).toBe(addMonthsIso('2022-01-01', 42));
    const dates = patients.map((p) => p.surgeryDate);
    expect(dates.every((d) => d >= '2022-01-01' && d < '2023-07-01')).toBe(true);
    expect(share(patients, (p) => p.surgeryDate < '2022-10-01')).toBeGreaterThan(0.35);
    expect(share(patients, (p) => p.surgeryDate < '2022-10-01')).toBeLessThan(0.65);
    expect(patients.every((p) => p.lastFollowUpDate <= asOf)).toBe(true);
    // Censoring at the cut for most; earlier for dropouts and deaths.
    expect(share(patients, (p) => p.lastFollowUpDate === asOf)).toBeGreaterThan(0.8);
    expect(
      share(patients, (p) => p.lastFollowUpDate < asOf && p.deathDate === undefined),
    ).toBeGreaterThan(0.02);
  });

  it('honours asOf', () => {
    const cohort = simulateCohort({ n: 50, seed: 4, asOf: '2023-12-31' });
    expect(cohort.asOf).toBe('2023-12-31');
    expect(cohort.patients.every((p) => p.lastFollowUpDate <= '2023-12-31')).toBe(true);
    expect(validateCohort(cohort.patients).ok).toBe(true);
  });

  it('puts the prostatectomy 1 to 8 years before the sLND', () => {
    for (const p of patients) {
      const years = -day(p, p.prostatectomyDate!) / 365;
      expect(years).toBeGreaterThanOrEqual(1);
      expect(years).toBeLessThanOrEqual(8);
    }
  });
});

describe('simulateCohort: PSA', () => {
  const { patients } = big;

  it('has 3-5 rising values in the year before sLND, the last within 30 days', () => {
    for (const p of patients) {
      const pre = p.psa.filter((m) => m.date < p.surgeryDate);
      expect(pre.length).toBeGreaterThanOrEqual(3);
      expect(pre.length).toBeLessThanOrEqual(5);
      expect(day(p, pre[0]!.date)).toBeGreaterThanOrEqual(-366);
      expect(day(p, pre.at(-1)!.date)).toBeGreaterThanOrEqual(-30);
      expect(pre.at(-1)!.value).toBeGreaterThan(pre[0]!.value);
    }
  });

  it('has a value between day 35 and 49 with a mix of complete responders and not', () => {
    const at6w = patients.flatMap((p) => {
      const m = p.psa.find((x) => day(p, x.date) >= 35 && day(p, x.date) <= 49);
      return m === undefined ? [] : [m];
    });
    expect(at6w.length).toBeGreaterThan(0.95 * patients.length);
    const responders = share(patients, (p) =>
      p.psa.some((x) => day(p, x.date) >= 35 && day(p, x.date) <= 49 && x.value < 0.2),
    );
    expect(responders).toBeGreaterThan(0.35);
    expect(responders).toBeLessThan(0.65);
    const undetectable = at6w.filter((m) => m.undetectable === true);
    expect(undetectable.length).toBeGreaterThan(0.1 * patients.length);
    expect(undetectable.every((m) => m.value === 0.03)).toBe(true);
  });

  it('measures PSA about every 3 months after sLND, with rises again in some', () => {
    const p = patients.find((x) => x.lastFollowUpDate === big.asOf && x.deathDate === undefined)!;
    const post = p.psa.filter((m) => day(p, m.date) > 60).map((m) => day(p, m.date));
    const gaps = post.slice(1).map((d, i) => d - post[i]!);
    expect(gaps.every((g) => g >= 70 && g <= 112)).toBe(true);
    const riseAfterResponse = share(patients, (x) => {
      const post6w = x.psa.filter((m) => day(x, m.date) >= 35);
      return post6w[0] !== undefined && post6w[0].value < 0.2 && post6w.some((m) => m.value >= 0.2);
    });
    expect(riseAfterResponse).toBeGreaterThan(0.05);
  });
});

describe('simulateCohort: complications', () => {
  const { patients } = big;

  it('has complications in 15-60% of patients, within 90 days, mostly grade I-II', () => {
    const withComplication = share(patients, (p) => p.complications.length > 0);
    expect(withComplication).toBeGreaterThan(0.15);
    expect(withComplication).toBeLessThan(0.6);
    const all = patients.flatMap((p) => p.complications.map((c) => ({ p, c })));
    expect(all.every(({ p, c }) => day(p, c.date) >= 0 && day(p, c.date) <= 90)).toBe(true);
    const minor = all.filter(({ c }) => c.grade === 'I' || c.grade === 'II').length / all.length;
    expect(minor).toBeGreaterThan(0.6);
    const grades = new Set(all.map(({ c }) => c.grade));
    expect(grades.has('IIIa') && grades.has('IIIb')).toBe(true);
    expect(grades.has('V')).toBe(false);
    expect(all.filter(({ c }) => c.grade === 'IVa').length / all.length).toBeLessThan(0.1);
    expect(all.every(({ c }) => typeof c.description === 'string')).toBe(true);
  });
});

describe('simulateCohort: events', () => {
  const patients = simulateCohort({ n: 2000, seed: 11 }).patients;

  it('has plausible two-year event rates for sLND', () => {
    const metastasis = cumulativeIncidence(
      patients,
      (p) => p.distantMetastasisDate,
      (p) => p.lastImagingDate ?? p.surgeryDate,
    );
    const resistance = cumulativeIncidence(
      patients,
      (p) => p.castrationResistanceDate,
      (p) => p.lastFollowUpDate,
    );
    const death = cumulativeIncidence(
      patients,
      (p) => p.deathDate,
      (p) => p.lastFollowUpDate,
    );
    expect(metastasis).toBeGreaterThan(0.25);
    expect(metastasis).toBeLessThan(0.4);
    expect(resistance).toBeGreaterThan(0.12);
    expect(resistance).toBeLessThan(0.23);
    expect(death).toBeGreaterThan(0.015);
    expect(death).toBeLessThan(0.07);
  });

  it('gives ADT with castrate testosterone after it, and resistance only on ADT', () => {
    const onAdt = patients.filter((p) => p.adtStartDate !== undefined);
    expect(onAdt.length).toBeGreaterThan(0.2 * patients.length);
    for (const p of onAdt) {
      const after = p.testosterone!.filter((t) => day(p, t.date) >= day(p, p.adtStartDate!) + 28);
      expect(after.every((t) => t.value < 50)).toBe(true);
      expect(p.testosterone![0]!.value).toBeGreaterThanOrEqual(250);
    }
    for (const p of patients.filter((x) => x.castrationResistanceDate !== undefined)) {
      expect(p.adtStartDate! < p.castrationResistanceDate!).toBe(true);
    }
    expect(
      patients
        .filter((p) => p.adtStartDate === undefined)
        .every((p) => p.testosterone === undefined),
    ).toBe(true);
  });

  it('dates a metastasis on its imaging and ends follow-up at death', () => {
    for (const p of patients) {
      if (p.distantMetastasisDate !== undefined)
        expect(p.lastImagingDate).toBe(p.distantMetastasisDate);
      if (p.deathDate !== undefined) expect(p.lastFollowUpDate).toBe(p.deathDate);
    }
    expect(share(patients, (p) => p.deathDate !== undefined)).toBeGreaterThan(0);
  });
});

describe('simulateCohort: argument checks', () => {
  it('rejects bad options with RangeError or TypeError', () => {
    expect(() => simulateCohort({ n: 0 })).toThrow(RangeError);
    expect(() => simulateCohort({ n: 2.5 })).toThrow(/options\.n/);
    expect(() => simulateCohort({ seed: 1.5 })).toThrow(/options\.seed/);
    expect(() => simulateCohort({ accrualMonths: 0 })).toThrow(/options\.accrualMonths/);
    expect(() => simulateCohort({ followUpMonths: -1 })).toThrow(/options\.followUpMonths/);
    expect(() => simulateCohort({ startDate: '2023-02-30' })).toThrow(RangeError);
    expect(() => simulateCohort({ asOf: '2022-06-01' })).toThrow(/asOf must not be before/);
    expect(() => simulateCohort({ idPrefix: 3 as never })).toThrow(TypeError);
    expect(() => simulateCohort(null as never)).toThrow(TypeError);
  });
});

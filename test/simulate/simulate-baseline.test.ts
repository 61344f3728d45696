import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/model/iso-date.js';
import {
  COMPLICATION_CATEGORIES,
  type ComplicationCategory,
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  PATHOLOGICAL_NODES,
  PATHOLOGICAL_STAGES,
  type Patient,
} from '../../src/model/types.js';
import { simulateCohort } from '../../src/simulate/index.js';

// The baseline fields against the published sLND series they are modelled on
// (docs/simulation.md). Fossati 2019 = Fossati et al., Eur Urol 2019;75:176-183, Table 3:
// nodes removed median 26 (IQR 15-38); positive nodes 0 in 9%, 1 in 23%, 2 in 14%, >= 3 in 54%.
// Tolerances are about 3 binomial standard errors at n = 2000.

const patients = simulateCohort({ n: 2000, seed: 14 }).patients;

const share = (test: (p: Patient) => boolean) => patients.filter(test).length / patients.length;
const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
};

describe('simulateCohort: every patient has every baseline field', () => {
  it('with values of the model', () => {
    for (const p of patients) {
      expect(Number.isInteger(p.ageAtSurgery)).toBe(true);
      expect([1, 2, 3, 4, 5]).toContain(p.isupGradeGroup);
      expect(PATHOLOGICAL_STAGES).toContain(p.pathologicalStage);
      expect(PATHOLOGICAL_NODES).toContain(p.pathologicalNodes);
      expect(['R0', 'R1']).toContain(p.surgicalMargin);
      expect(typeof p.priorSalvageRadiotherapy).toBe('boolean');
      expect(typeof p.priorAdt).toBe('boolean');
      expect(IMAGING_MODALITIES).toContain(p.imaging!.modality);
      expect(Number.isInteger(p.nodesRemoved) && p.nodesRemoved! >= 1).toBe(true);
      expect(Number.isInteger(p.nodesPositive) && p.nodesPositive! >= 0).toBe(true);
      expect(p.nodesPositive!).toBeLessThanOrEqual(p.nodesRemoved!);
    }
  });
});

describe('simulateCohort: baseline distributions (n = 2000)', () => {
  it('has a median age at sLND in the sixties (series: mean 61-median 65)', () => {
    const ages = patients.map((p) => p.ageAtSurgery!);
    expect(quantile(ages, 0.5)).toBeGreaterThanOrEqual(61);
    expect(quantile(ages, 0.5)).toBeLessThanOrEqual(67);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...ages)).toBeLessThanOrEqual(85);
  });

  it('has mostly high-risk primaries: ISUP >= 4 in 30-60%, pT3 or worse in 55-85%', () => {
    expect(share((p) => p.isupGradeGroup! >= 4)).toBeGreaterThan(0.3);
    expect(share((p) => p.isupGradeGroup! >= 4)).toBeLessThan(0.6);
    expect(share((p) => p.pathologicalStage !== 'pT2')).toBeGreaterThan(0.55);
    expect(share((p) => p.pathologicalStage !== 'pT2')).toBeLessThan(0.85);
    expect(share((p) => p.pathologicalNodes === 'pN1')).toBeGreaterThan(0.2);
    expect(share((p) => p.pathologicalNodes === 'pN1')).toBeLessThan(0.4);
    expect(share((p) => p.surgicalMargin === 'R1')).toBeGreaterThan(0.3);
    expect(share((p) => p.surgicalMargin === 'R1')).toBeLessThan(0.5);
    // Every category occurs.
    for (const g of [1, 2, 3, 4, 5])
      expect(share((p) => p.isupGradeGroup === g)).toBeGreaterThan(0);
    for (const s of PATHOLOGICAL_STAGES)
      expect(share((p) => p.pathologicalStage === s)).toBeGreaterThan(0);
  });

  it('has prior salvage radiotherapy in 40-60% and prior ADT in a minority', () => {
    expect(share((p) => p.priorSalvageRadiotherapy === true)).toBeGreaterThan(0.4);
    expect(share((p) => p.priorSalvageRadiotherapy === true)).toBeLessThan(0.6);
    expect(share((p) => p.priorAdt === true)).toBeGreaterThan(0.1);
    expect(share((p) => p.priorAdt === true)).toBeLessThan(0.3);
  });

  it('removes a median of about 26 nodes, IQR about 15-38 (Fossati 2019)', () => {
    const removed = patients.map((p) => p.nodesRemoved!);
    expect(quantile(removed, 0.5)).toBeGreaterThanOrEqual(23);
    expect(quantile(removed, 0.5)).toBeLessThanOrEqual(29);
    expect(quantile(removed, 0.25)).toBeGreaterThanOrEqual(13);
    expect(quantile(removed, 0.25)).toBeLessThanOrEqual(19);
    expect(quantile(removed, 0.75)).toBeGreaterThanOrEqual(34);
    expect(quantile(removed, 0.75)).toBeLessThanOrEqual(43);
  });

  it('finds 0, 1, 2 and >= 3 positive nodes in 9%, 23%, 14%, 54% (Fossati 2019)', () => {
    const close = (observed: number, cited: number) =>
      expect(Math.abs(observed - cited)).toBeLessThan(0.035);
    close(
      share((p) => p.nodesPositive === 0),
      0.09,
    );
    close(
      share((p) => p.nodesPositive === 1),
      0.23,
    );
    close(
      share((p) => p.nodesPositive === 2),
      0.14,
    );
    close(
      share((p) => p.nodesPositive! >= 3),
      0.54,
    );
    const median = quantile(
      patients.map((p) => p.nodesPositive!),
      0.5,
    );
    expect(median).toBeGreaterThanOrEqual(2);
    expect(median).toBeLessThanOrEqual(3);
  });

  it('images the recurrence mostly by PSMA PET, with >= 1 positive node, mostly pelvic', () => {
    expect(share((p) => p.imaging!.modality.startsWith('PSMA'))).toBeGreaterThan(0.8);
    expect(share((p) => p.imaging!.regions!.includes('pelvic'))).toBeGreaterThan(0.85);
    expect(share((p) => p.imaging!.positiveNodes === 1)).toBeGreaterThan(0.3);
    for (const p of patients) {
      const { positiveNodes, regions } = p.imaging!;
      expect(Number.isInteger(positiveNodes) && positiveNodes! >= 1).toBe(true);
      expect(regions!.length).toBeGreaterThanOrEqual(1);
      expect(regions!.length).toBeLessThanOrEqual(positiveNodes!);
      expect(new Set(regions).size).toBe(regions!.length);
      for (const r of regions!) expect(IMAGING_REGIONS).toContain(r);
    }
  });
});

describe('simulateCohort: baseline dates', () => {
  it('dates the recurrence after the prostatectomy and not after the sLND, months to years after', () => {
    for (const p of patients) {
      expect(p.biochemicalRecurrenceDate! > p.prostatectomyDate!).toBe(true);
      expect(p.biochemicalRecurrenceDate! <= p.surgeryDate).toBe(true);
    }
    const months = patients.map(
      (p) => daysBetween(p.prostatectomyDate!, p.biochemicalRecurrenceDate!) / 30.4375,
    );
    expect(quantile(months, 0.5)).toBeGreaterThan(6);
    expect(quantile(months, 0.5)).toBeLessThan(60);
    expect(quantile(months, 0.95)).toBeGreaterThan(36);
  });

  it('agrees with the PSA series: without prior radiotherapy, PSA >= 0.2 from the recurrence on', () => {
    // A PSA series that never reaches 0.2 before the sLND (PSA at sLND < 0.2) is rare; its
    // recurrence is dated on the last PSA before the sLND.
    const reaches = (p: Patient) => p.psa.some((m) => m.date < p.surgeryDate && m.value >= 0.2);
    expect(share((p) => !reaches(p))).toBeLessThan(0.01);
    const noRt = patients.filter((p) => p.priorSalvageRadiotherapy === false && reaches(p));
    expect(noRt.length).toBeGreaterThan(500);
    for (const p of noRt) {
      const pre = p.psa.filter((m) => m.date < p.surgeryDate);
      for (const m of pre.filter((x) => x.date >= p.biochemicalRecurrenceDate!)) {
        expect(m.value).toBeGreaterThanOrEqual(0.2);
      }
    }
    // The recurrence falls inside the series for some patients (a PSA below 0.2 before it).
    expect(
      noRt.some((p) => p.psa.some((m) => m.date < p.biochemicalRecurrenceDate! && m.value < 0.2)),
    ).toBe(true);
  });

  it('images 1-10 weeks before the sLND and not before the recurrence', () => {
    for (const p of patients) {
      const days = daysBetween(p.imaging!.date!, p.surgeryDate);
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThanOrEqual(70);
      expect(p.imaging!.date! >= p.biochemicalRecurrenceDate!).toBe(true);
    }
  });
});

describe('simulateCohort: complication categories', () => {
  const all = patients.flatMap((p) => p.complications.map((c) => ({ p, c })));
  const count = (category: ComplicationCategory) =>
    all.filter(({ c }) => c.category === category).length;

  it('gives every complication a category that matches its description', () => {
    const expected: readonly [RegExp, ComplicationCategory][] = [
      [/lymph/, 'lymphocele'],
      [/infection/, 'infection'],
      [/thrombosis|embolism/, 'thromboembolism'],
      [/ileus/, 'ileus'],
      [/retention/, 'urinary-retention'],
      [/ureter|urinoma/, 'ureteral-injury'],
      [/vein|vessel/, 'vascular-injury'],
      [/nerve/, 'nerve-injury'],
      [/bleeding|anaemia/, 'bleeding'],
      [/wound/, 'wound'],
    ];
    for (const { c } of all) {
      expect(COMPLICATION_CATEGORIES).toContain(c.category);
      expect(typeof c.intraoperative).toBe('boolean');
      const [, category] = expected.find(([re]) => re.test(c.description!))!;
      expect(c.category, c.description).toBe(category);
    }
  });

  it('has lymphocele as the commonest category and intraoperative injuries rare', () => {
    const lymphocele = count('lymphocele');
    for (const category of COMPLICATION_CATEGORIES.filter((c) => c !== 'lymphocele')) {
      expect(lymphocele, category).toBeGreaterThan(count(category));
    }
    expect(lymphocele / all.length).toBeGreaterThan(0.15);
    for (const common of ['infection', 'thromboembolism', 'ileus'] as const) {
      expect(count(common)).toBeGreaterThan(count('nerve-injury'));
    }
  });

  it('has intraoperative complications in a few percent, injuries dated on the day of the sLND', () => {
    const intraoperative = all.filter(({ c }) => c.intraoperative === true);
    const patientsWith = new Set(intraoperative.map(({ p }) => p.id)).size / patients.length;
    expect(patientsWith).toBeGreaterThan(0.01);
    expect(patientsWith).toBeLessThan(0.06);
    for (const { p, c } of intraoperative) {
      expect(c.date).toBe(p.surgeryDate);
      expect(['vascular-injury', 'ureteral-injury', 'nerve-injury']).toContain(c.category);
      expect(p.complications[0]).toBe(c);
    }
    expect(new Set(intraoperative.map(({ c }) => c.category)).size).toBe(3);
  });
});

describe('simulateCohort: the baseline is seeded', () => {
  it('gives the same baseline for a seed and another for another seed', () => {
    const a = simulateCohort({ n: 40, seed: 8 }).patients;
    const b = simulateCohort({ n: 40, seed: 8 }).patients;
    const c = simulateCohort({ n: 40, seed: 9 }).patients;
    const baseline = (p: Patient) => [p.ageAtSurgery, p.nodesRemoved, p.imaging];
    expect(a.map(baseline)).toEqual(b.map(baseline));
    expect(a.map(baseline)).not.toEqual(c.map(baseline));
  });
});

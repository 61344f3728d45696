import { describe, expect, it } from 'vitest';
import { detectCastrationResistance } from '../../src/psa/detect-castration-resistance.js';
import { deepFreeze } from '../_helpers/deep-freeze.js';
import { makePatient } from '../_helpers/patient.js';

const onAdt = (psa: { date: string; value: number }[], testosterone = 20) =>
  deepFreeze(
    makePatient({
      adtStartDate: '2024-03-01',
      testosterone: [{ date: '2024-04-01', value: testosterone }],
      psa,
    }),
  );

// Nadir 1.0, then three rises a month apart: 1.2, 1.6, 2.4 (>= 1.5 x nadir twice; last > 2).
const eauRises = [
  { date: '2024-03-01', value: 4 },
  { date: '2024-04-01', value: 1 },
  { date: '2024-05-01', value: 1.2 },
  { date: '2024-06-01', value: 1.6 },
  { date: '2024-07-01', value: 2.4 },
];

describe('detectCastrationResistance (EAU)', () => {
  it('is met at the third consecutive rise', () => {
    const result = detectCastrationResistance(onAdt(eauRises));
    expect(result).toMatchObject({
      date: '2024-07-01',
      definition: 'eau',
      nadir: { date: '2024-04-01', value: 1 },
      testosterone: { value: 20 },
    });
    expect(result!.values.map((m) => m.value)).toEqual([1.2, 1.6, 2.4]);
  });

  it('needs the last value > 2 ng/mL, two 50% increases and a week between rises', () => {
    const low = eauRises.map((m, i) => (i === 4 ? { ...m, value: 1.9 } : m));
    expect(detectCastrationResistance(onAdt(low))).toBeNull();
    const oneFifty = [
      ...eauRises.slice(0, 3),
      { date: '2024-06-01', value: 1.3 },
      { date: '2024-07-01', value: 2.1 },
    ];
    expect(detectCastrationResistance(onAdt(oneFifty))).toBeNull();
    const tooClose = eauRises.map((m, i) => (i === 4 ? { ...m, date: '2024-06-05' } : m));
    expect(detectCastrationResistance(onAdt(tooClose))).toBeNull();
  });

  it('needs castrate testosterone and an ADT start', () => {
    expect(detectCastrationResistance(onAdt(eauRises, 60))).toBeNull();
    expect(detectCastrationResistance(makePatient({ psa: eauRises }))).toBeNull();
    const noT = makePatient({ adtStartDate: '2024-03-01', psa: eauRises });
    expect(detectCastrationResistance(noT)).toBeNull();
  });
});

describe('detectCastrationResistance (PCWG3)', () => {
  const rise = [
    { date: '2024-03-01', value: 6 },
    { date: '2024-04-01', value: 1 },
    { date: '2024-05-01', value: 3.1 },
    { date: '2024-05-10', value: 3.3 },
    { date: '2024-05-22', value: 3.5 },
  ];

  it('is met at the first confirming value 3 weeks or more later', () => {
    const result = detectCastrationResistance(onAdt(rise), { definition: 'pcwg3' });
    expect(result).toMatchObject({ date: '2024-05-22', nadir: { value: 1 } });
    expect(result!.values.map((m) => m.date)).toEqual(['2024-05-01', '2024-05-22']);
  });

  it('needs >= 2 ng/mL above the nadir and an unbroken confirmation', () => {
    const small = rise.map((m) => (m.date >= '2024-05-01' ? { ...m, value: 2.9 } : m));
    expect(detectCastrationResistance(onAdt(small), { definition: 'pcwg3' })).toBeNull();
    const dip = rise.map((m) => (m.date === '2024-05-10' ? { ...m, value: 1.1 } : m));
    expect(detectCastrationResistance(onAdt(dip), { definition: 'pcwg3' })).toBeNull();
  });

  it('rejects an unknown definition', () => {
    expect(() => detectCastrationResistance(onAdt(rise), { definition: 'who' as never })).toThrow(
      /definition.*"who"/,
    );
  });
});

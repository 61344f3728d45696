import { describe, expect, it } from 'vitest';
import { SlndStatsError } from '../../src/errors.js';
import type { Patient } from '../../src/model/types.js';
import { cumulativeIncidence, endpointData, kaplanMeier } from '../../src/survival/index.js';

const base = {
  surgeryDate: '2023-01-01',
  psa: [],
  complications: [],
  lastFollowUpDate: '2024-01-01', // day 365
} as const;

const patients: Patient[] = [
  {
    ...base,
    id: 'p1',
    castrationResistanceDate: '2023-04-11',
    distantMetastasisDate: '2023-07-20',
  }, // 100, 200
  { ...base, id: 'p2', deathDate: '2023-03-02', lastFollowUpDate: '2023-03-02' }, // death day 60
  { ...base, id: 'p3', lastImagingDate: '2023-10-28' }, // imaging day 300
  { ...base, id: 'p4', lastFollowUpDate: '2026-01-01', distantMetastasisDate: '2025-06-01' }, // beyond horizon
  { ...base, id: 'p5', castrationResistanceDate: '2025-01-01', lastFollowUpDate: '2025-01-01' }, // exactly day 731
  {
    ...base,
    id: 'p6',
    distantMetastasisDate: '2024-12-31',
    lastImagingDate: '2024-12-31',
    lastFollowUpDate: '2025-02-01',
  }, // day 730
];

describe('endpointData', () => {
  it('castration resistance: event date, else censored at last follow-up; death censors', () => {
    const r = endpointData(patients, 'castration-resistance');
    expect(r.map((x) => [x.patientId, x.time, x.event])).toEqual([
      ['p1', 100, 1],
      ['p2', 60, 0],
      ['p3', 365, 0],
      ['p4', 730, 0],
      ['p5', 730, 0],
      ['p6', 730, 0],
    ]);
  });

  it('distant metastasis: censored at last imaging, else last follow-up; event at the horizon counts', () => {
    const r = endpointData(patients, 'distant-metastasis');
    expect(r.map((x) => [x.time, x.event])).toEqual([
      [200, 1],
      [60, 0],
      [300, 0],
      [730, 0],
      [730, 0],
      [730, 1],
    ]);
  });

  it('competing risk: a death without the event is status 2 at the death', () => {
    const r = endpointData(patients, 'distant-metastasis', { competingRisk: true });
    expect(r.map((x) => x.status)).toEqual([1, 2, 0, 0, 0, 1]);
    expect(r[1]).toMatchObject({ time: 60, event: 0, status: 2 });
    expect(cumulativeIncidence(r).causes).toEqual([1, 2]);
  });

  it('metastasis-free and overall survival count death as an event', () => {
    const mfs = endpointData(patients, 'metastasis-free-survival');
    expect(mfs.map((x) => [x.time, x.event])).toEqual([
      [200, 1],
      [60, 1],
      [300, 0],
      [730, 0],
      [730, 0],
      [730, 1],
    ]);
    const os = endpointData(patients, 'overall-survival', { horizonDays: 400 });
    expect(os.map((x) => [x.time, x.event])).toEqual([
      [365, 0],
      [60, 1],
      [365, 0],
      [400, 0],
      [400, 0],
      [400, 0],
    ]);
    expect(kaplanMeier(os).events).toBe(1);
  });

  it('derives castration resistance from PSA only when asked (PCWG3)', () => {
    const p: Patient = {
      id: 'crpc',
      surgeryDate: '2023-06-01',
      adtStartDate: '2024-01-01',
      testosterone: [{ date: '2024-01-15', value: 20 }],
      psa: [
        { date: '2024-02-01', value: 0.5 },
        { date: '2024-05-01', value: 3 },
        { date: '2024-06-01', value: 3.5 },
      ],
      complications: [],
      lastFollowUpDate: '2024-09-01',
    };
    expect(endpointData([p], 'castration-resistance')[0]).toMatchObject({ time: 458, event: 0 });
    expect(
      endpointData([p], 'castration-resistance', { deriveCastrationResistance: 'pcwg3' })[0],
    ).toMatchObject({ time: 366, event: 1, derived: true });
  });

  it('rejects dates before the sLND and events after death with a coded error', () => {
    const early = [{ ...base, id: 'x', distantMetastasisDate: '2022-12-01' }];
    expect(() => endpointData(early, 'distant-metastasis')).toThrow(SlndStatsError);
    const late = [
      { ...base, id: 'y', deathDate: '2023-02-01', castrationResistanceDate: '2023-03-01' },
    ];
    expect(() => endpointData(late, 'castration-resistance')).toThrow(/after the death/);
  });

  it('rejects bad arguments naming them', () => {
    expect(() => endpointData(patients, 'progression' as never)).toThrow(/endpoint/);
    expect(() => endpointData(patients, 'overall-survival', { horizonDays: 0 })).toThrow(
      /options\.horizonDays/,
    );
    const bad = [{ ...base, id: 'z', lastFollowUpDate: '2023-02-30' }];
    expect(() => endpointData(bad, 'overall-survival')).toThrow(/patients\[0\]\.lastFollowUpDate/);
  });
});

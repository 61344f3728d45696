import { describe, expect, it } from 'vitest';
import { psaNadir } from '../../src/psa/psa-nadir.js';

const values = [
  { date: '2024-01-01', value: 3 },
  { date: '2024-03-01', value: 0.1 },
  { date: '2024-04-01', value: 0.1 },
  { date: '2024-06-01', value: 0.4 },
];

describe('psaNadir', () => {
  it('takes the lowest value on or after the date, the earliest on a tie', () => {
    expect(psaNadir(values, { onOrAfter: '2024-01-15' })).toEqual({
      date: '2024-03-01',
      value: 0.1,
    });
    expect(psaNadir(values, { onOrAfter: '2024-03-02' })).toEqual({
      date: '2024-04-01',
      value: 0.1,
    });
    expect(psaNadir(values, { onOrAfter: '2024-06-01' })).toEqual({
      date: '2024-06-01',
      value: 0.4,
    });
  });

  it('returns null when nothing qualifies', () => {
    expect(psaNadir(values, { onOrAfter: '2025-01-01' })).toBeNull();
    expect(psaNadir([])).toBeNull();
  });

  it('counts an undetectable result at its limit', () => {
    const nadir = psaNadir([
      { date: '2024-01-01', value: 0.2 },
      { date: '2024-02-01', value: 0.03, undetectable: true },
    ]);
    expect(nadir).toEqual({ date: '2024-02-01', value: 0.03, undetectable: true });
  });

  it('rejects a malformed date', () => {
    expect(() => psaNadir(values, { onOrAfter: '2024-1-1' })).toThrow(/onOrAfter.*"2024-1-1"/);
  });
});

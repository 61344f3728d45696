import type { Patient } from '../../src/model/types.js';

/** A minimal valid patient; override any field. */
export function makePatient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: 'P01',
    surgeryDate: '2024-01-10',
    psa: [],
    complications: [],
    lastFollowUpDate: '2025-12-31',
    ...overrides,
  };
}

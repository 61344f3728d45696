import { describe, expect, it } from 'vitest';
import { SlndStatsError } from '../../src/errors.js';
import {
  CohortInputError,
  type CohortInputIssue,
  formatInputLocation,
} from '../../src/input/cohort-input-error.js';

const issue = (i: number): CohortInputIssue => ({
  file: 'psa.csv',
  line: i + 2,
  column: 3,
  patientId: 'P01',
  path: `psa[${i}].value`,
  code: 'invalid_number',
  message: `psa.csv line ${i + 2}, column 3: value "x" is not a number`,
});

describe('CohortInputError', () => {
  it('is a SlndStatsError with code COHORT_INPUT_INVALID and every issue', () => {
    const error = new CohortInputError([issue(0)]);
    expect(error).toBeInstanceOf(SlndStatsError);
    expect(error.name).toBe('CohortInputError');
    expect(error.code).toBe('COHORT_INPUT_INVALID');
    expect(error.issues).toEqual([issue(0)]);
    expect(error.message).toBe(
      'The cohort input has 1 problem:\n  - psa.csv line 2, column 3: value "x" is not a number',
    );
  });

  it('lists the first 10 issues in its message and counts the rest', () => {
    const issues = Array.from({ length: 12 }, (_, i) => issue(i));
    const error = new CohortInputError(issues);
    expect(error.issues).toHaveLength(12);
    expect(error.message).toMatch(/^The cohort input has 12 problems:/);
    expect(error.message).toMatch(/line 11, column 3/);
    expect(error.message).not.toMatch(/line 12, column 3/);
    expect(error.message).toMatch(/\.\.\. and 2 more$/);
  });
});

describe('formatInputLocation', () => {
  it('names file, line and column when known', () => {
    expect(formatInputLocation('psa.csv', 14, 3)).toBe('psa.csv line 14, column 3');
    expect(formatInputLocation('patients.csv', 1, null)).toBe('patients.csv line 1');
    expect(formatInputLocation('cohort.json', null, null)).toBe('cohort.json');
    expect(formatInputLocation(null, null, null)).toBe('input');
  });
});

import { describe, expect, it } from 'vitest';
import * as node from '../../src/node/index.js';

describe('src/node entry', () => {
  it('exports the file readers and the report writer', () => {
    expect(Object.keys(node).sort()).toEqual([
      'COHORT_CSV_FILE_NAMES',
      'MAX_INPUT_BYTES',
      'parseCohortFile',
      'validateCohortFile',
      'writeReport',
    ]);
    expect(node.COHORT_CSV_FILE_NAMES).toEqual([
      'patients.csv',
      'psa.csv',
      'complications.csv',
      'testosterone.csv',
      'not-operated.csv',
      'screening.csv',
    ]);
  });
});

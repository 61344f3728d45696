/**
 * The files of a CSV cohort folder, in the order they are hashed; the first three are required,
 * the others optional.
 */
export const COHORT_CSV_FILE_NAMES = Object.freeze([
  'patients.csv',
  'psa.csv',
  'complications.csv',
  'testosterone.csv',
  'not-operated.csv',
  'screening.csv',
] as const);

import { readFileSync } from 'node:fs';
import type { Patient } from '../../src/model/types.js';
import { parseCohort } from '../../src/model/validate-cohort.js';

/** The bundled synthetic example cohort, parsed. */
export function exampleCohort(): Patient[] {
  return parseCohort(JSON.parse(readFileSync('examples/example-cohort.json', 'utf8'))).patients;
}

import { assertArray, assertObject, assertOneOf } from '../_lib/assert.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade, type Complication } from '../model/types.js';

/**
 * The highest Clavien-Dindo grade among `complications` in the order
 * I < II < IIIa < IIIb < IVa < IVb < V (Dindo 2004), or null when there are none. Reporting by
 * a patient's highest grade is the Clavien-Dindo convention for per-patient rates.
 *
 * @param complications - complications (only `grade` is read); usually those of
 *   `complicationsWithin(patient)`
 * @returns the worst grade, or null for an empty list
 * @throws {TypeError} when `complications` is not an array or an element not an object.
 * @throws {RangeError} when an element's `grade` is not a Clavien-Dindo grade.
 * @example worstGrade([{ date: '2024-01-12', grade: 'II' }, { date: '2024-01-20', grade: 'IIIa' }]); // => 'IIIa'
 * @example worstGrade([]); // => null
 */
export function worstGrade(complications: readonly Complication[]): ClavienDindoGrade | null {
  assertArray('complications', complications);
  let worst = -1;
  complications.forEach((complication, i) => {
    assertObject(`complications[${i}]`, complication);
    assertOneOf(`complications[${i}].grade`, complication.grade, CLAVIEN_DINDO_GRADES);
    worst = Math.max(worst, CLAVIEN_DINDO_GRADES.indexOf(complication.grade));
  });
  return worst < 0 ? null : CLAVIEN_DINDO_GRADES[worst]!;
}

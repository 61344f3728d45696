import { assertArray, assertOneOf } from '../_lib/assert.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade } from '../model/types.js';

/**
 * The CCI weight of each non-fatal Clavien-Dindo grade (Slankamenac et al., Ann Surg
 * 2013;258:1-7, as used by the www.assessurgery.com calculator). Grade V has no weight: any
 * death sets the CCI to 100.
 */
export const CCI_WEIGHTS: Readonly<Record<Exclude<ClavienDindoGrade, 'V' | 'III' | 'IV'>, number>> =
  Object.freeze({
    I: 300,
    II: 1750,
    IIIa: 2750,
    IIIb: 4550,
    IVa: 7200,
    IVb: 8550,
  });

/** The weights a grade recorded without its sub-grade may have: those of its a and b. */
const UNKNOWN_SUB_GRADE_WEIGHTS = { III: [2750, 4550], IV: [7200, 8550] } as const;

/**
 * The Comprehensive Complication Index of one patient (Slankamenac et al., Ann Surg 2013):
 *
 *   CCI = sqrt(w_1 + w_2 + ... + w_k) / 2,
 *
 * summing the weight ({@link CCI_WEIGHTS}) of every complication's grade, so two grade II
 * complications weigh more than one. Any grade V gives 100; no complication gives 0; the sum
 * is capped at 100. The suffix "d" carries no weight. The value is not rounded (publications
 * give one decimal; rounding is the caller's). A grade III or IV whose sub-grade was not
 * recorded has no weight of its own: the CCI is null (not determined) unless the a and the b
 * weight give the same value (a grade V, or the cap of 100 either way).
 *
 * @param grades - the grade of each of the patient's complications (one entry per event)
 * @returns the CCI, from 0 to 100, or null when a missing sub-grade leaves it undetermined
 * @throws {TypeError} when `grades` is not an array.
 * @throws {RangeError} when an element is not a Clavien-Dindo grade.
 * @example comprehensiveComplicationIndex(['II']); // => 20.916500663351886 (20.9)
 * @example comprehensiveComplicationIndex(['I', 'IIIa', 'IIIb']); // => 43.58898943540674 (43.6)
 * @example comprehensiveComplicationIndex([]); // => 0
 * @example comprehensiveComplicationIndex(['II', 'III']); // => null (IIIa or IIIb: 31.2 or 39.3)
 */
export function comprehensiveComplicationIndex(
  grades: readonly ClavienDindoGrade[],
): number | null {
  assertArray('grades', grades);
  let low = 0;
  let high = 0;
  let death = false;
  grades.forEach((grade, i) => {
    assertOneOf(`grades[${i}]`, grade, CLAVIEN_DINDO_GRADES);
    if (grade === 'V') death = true;
    else if (grade === 'III' || grade === 'IV') {
      low += UNKNOWN_SUB_GRADE_WEIGHTS[grade][0];
      high += UNKNOWN_SUB_GRADE_WEIGHTS[grade][1];
    } else {
      low += CCI_WEIGHTS[grade];
      high += CCI_WEIGHTS[grade];
    }
  });
  if (death) return 100;
  const lower = Math.min(100, Math.sqrt(low) / 2);
  const upper = Math.min(100, Math.sqrt(high) / 2);
  return lower === upper ? lower : null;
}

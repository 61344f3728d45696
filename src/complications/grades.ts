import { assertObject, assertOneOf } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade } from '../model/types.js';

// The Clavien-Dindo grade ordering (Dindo, Demartines & Clavien, Ann Surg 2004;240:205-213):
// I < II < IIIa < IIIb < IVa < IVb < V, with a grade whose sub-grade was not recorded (III, IV)
// between its two sub-grades. The functions below share that one idea, so they live in one file
// (the documented exception to one function per file); the order itself is
// CLAVIEN_DINDO_GRADES in src/model/types.ts.

/** A grade as read from an export: the grade and whether it carried the suffix "d". */
export interface ParsedClavienDindoGrade {
  readonly grade: ClavienDindoGrade;
  /** The suffix "d" (disability): the complication persists at discharge (Dindo 2004). */
  readonly persistsAtDischarge: boolean;
}

/** Options of {@link isMajorComplication}. */
export interface IsMajorComplicationOptions {
  /** The lowest grade counted as major. Default `'IIIa'` (the usual minor I-II / major >= III split). */
  readonly majorThreshold?: ClavienDindoGrade;
}

/**
 * Compares two Clavien-Dindo grades in the order I < II < IIIa < III < IIIb < IVa < IV < IVb < V
 * (Dindo 2004; `'III'` and `'IV'` are grades whose sub-grade was not recorded, placed between
 * their sub-grades): negative when `a` is milder than `b`, 0 when equal, positive when worse.
 * Usable as an `Array.prototype.sort` comparator.
 *
 * @param a - a grade (`'I'`, `'II'`, `'IIIa'`, `'III'`, `'IIIb'`, `'IVa'`, `'IV'`, `'IVb'` or
 *   `'V'`)
 * @param b - another grade
 * @returns the difference of their positions in the order (an integer from -8 to 8)
 * @throws {RangeError} when `a` or `b` is not one of the seven grades (use
 *   {@link parseClavienDindoGrade} first for text such as `'3a'`).
 * @example compareGrades('IIIa', 'II'); // => 1
 * @example ['IVa', 'I', 'IIIb'].sort(compareGrades); // => ['I', 'IIIb', 'IVa']
 */
export function compareGrades(a: ClavienDindoGrade, b: ClavienDindoGrade): number {
  assertOneOf('a', a, CLAVIEN_DINDO_GRADES);
  assertOneOf('b', b, CLAVIEN_DINDO_GRADES);
  return CLAVIEN_DINDO_GRADES.indexOf(a) - CLAVIEN_DINDO_GRADES.indexOf(b);
}

/**
 * Whether a complication of `grade` is major: grade >= `majorThreshold` in the Clavien-Dindo order.
 * The default `majorThreshold` IIIa gives the usual split of minor (I-II: no intervention beyond drugs,
 * transfusion or parenteral nutrition) and major (III and above: an intervention, intensive
 * care, or death).
 *
 * A grade whose sub-grade was not recorded (`'III'`, `'IV'`) is major when its worse sub-grade
 * would be (with `majorThreshold` `'IIIb'`, `'III'` is major: it may have been IIIb), so a missing
 * sub-grade never hides a major complication.
 *
 * @param grade - the grade of the complication
 * @param options - `majorThreshold`, the lowest major grade (default `'IIIa'`)
 * @returns whether `grade` (its worse sub-grade for III and IV) is at or above `majorThreshold`
 * @throws {TypeError} when `options` is not an object.
 * @throws {RangeError} when `grade` or `majorThreshold` is not a grade.
 * @example isMajorComplication('II'); // => false
 * @example isMajorComplication('IIIa'); // => true
 * @example isMajorComplication('IIIa', { majorThreshold: 'IIIb' }); // => false
 */
export function isMajorComplication(
  grade: ClavienDindoGrade,
  options: IsMajorComplicationOptions = {},
): boolean {
  assertObject('options', options);
  const { majorThreshold = 'IIIa' } = options;
  assertOneOf('grade', grade, CLAVIEN_DINDO_GRADES);
  assertOneOf('options.majorThreshold', majorThreshold, CLAVIEN_DINDO_GRADES);
  return gradeAtLeast(grade, majorThreshold);
}

/** The worse sub-grade of a grade recorded without one; other grades are their own. */
const WORSE_SUB_GRADE: Readonly<Partial<Record<ClavienDindoGrade, ClavienDindoGrade>>> = {
  III: 'IIIb',
  IV: 'IVb',
};

/**
 * Whether `grade` may reach `threshold`: its position (that of its worse sub-grade for III and
 * IV) is at or above the threshold's. Internal: the arguments are known grades.
 */
export function gradeAtLeast(grade: ClavienDindoGrade, threshold: ClavienDindoGrade): boolean {
  const upper = WORSE_SUB_GRADE[grade] ?? grade;
  return CLAVIEN_DINDO_GRADES.indexOf(upper) >= CLAVIEN_DINDO_GRADES.indexOf(threshold);
}

/** The label of a grade in tables: `'Grade IIIa'`, `'Grade III (sub-grade not recorded)'`. */
export function gradeLabel(grade: ClavienDindoGrade): string {
  return grade in WORSE_SUB_GRADE ? `Grade ${grade} (sub-grade not recorded)` : `Grade ${grade}`;
}

/** The forms accepted by parseClavienDindoGrade, for its error message and the docs. */
const ACCEPTED_FORMS =
  'a Roman (I, II, IIIa, IIIb, IVa, IVb, V) or Arabic (1, 2, 3a, 3b, 4a, 4b, 5) grade, ' +
  'case-insensitive, optionally preceded by "Grade", with the sub-grade a/b of grades III and IV ' +
  'written directly or after "-" or a space (IIIa, III-a, III a) or left out when it was not ' +
  'recorded (III, 3, IV, 4), and optionally followed by the suffix "d" for a complication ' +
  'persisting at discharge (Id, 2d, IIIb-d; not for grade V)';

// grade-word? numeral (Roman or Arabic) (separator? a|b)? (separator? d)?
const GRADE_PATTERN = /^(?:grade\s*)?(i{1,3}|iv|v|[1-5])(?:[-\s]?([ab]))?(?:[-\s]?(d))?$/i;

const NUMERAL_TO_BASE: Readonly<Record<string, 'I' | 'II' | 'III' | 'IV' | 'V'>> = {
  i: 'I',
  ii: 'II',
  iii: 'III',
  iv: 'IV',
  v: 'V',
  '1': 'I',
  '2': 'II',
  '3': 'III',
  '4': 'IV',
  '5': 'V',
};

/**
 * Reads a Clavien-Dindo grade as it appears in case-report exports: `'3a'`, `'IIIa'`,
 * `'Grade IIIb'`, `'IV-a'`, `'5'`, `'Id'` (grade I with the suffix "d", Dindo 2004: the
 * complication persists at discharge). Surrounding whitespace and letter case are ignored.
 *
 * Rules: grades III and IV take their sub-grade (a or b); written without one (`'III'`, `'3'`,
 * `'IV'`), they are read as `'III'` or `'IV'`, a grade whose sub-grade was not recorded (still
 * major: see {@link isMajorComplication}); grades I, II and V take none; the suffix "d" may
 * follow any grade but V (a death does not persist at discharge).
 *
 * @param text - the grade as written
 * @returns `{ grade, persistsAtDischarge }`
 * @throws {TypeError} when `text` is not a string.
 * @throws {RangeError} when `text` is not a grade in an accepted form; the message lists the
 *   accepted forms.
 * @example parseClavienDindoGrade('3a'); // => { grade: 'IIIa', persistsAtDischarge: false }
 * @example parseClavienDindoGrade('Grade IV-b'); // => { grade: 'IVb', persistsAtDischarge: false }
 * @example parseClavienDindoGrade('Id'); // => { grade: 'I', persistsAtDischarge: true }
 * @example parseClavienDindoGrade('3'); // => { grade: 'III', persistsAtDischarge: false }
 */
export function parseClavienDindoGrade(text: string): ParsedClavienDindoGrade {
  if (typeof text !== 'string') {
    throw new TypeError(
      `text must be a string holding a Clavien-Dindo grade. Value: ${describeValue(text)}.`,
    );
  }
  const match = GRADE_PATTERN.exec(text.trim());
  const reject = (why: string): never => {
    throw new RangeError(
      `text must be a Clavien-Dindo grade${why}. Accepted: ${ACCEPTED_FORMS}. Value: ${describeValue(text)}.`,
    );
  };
  if (match === null) return reject('');
  const base = NUMERAL_TO_BASE[match[1]!.toLowerCase()]!;
  const sub = match[2]?.toLowerCase();
  const persistsAtDischarge = match[3] !== undefined;
  if (base !== 'III' && base !== 'IV' && sub !== undefined) {
    return reject(` (grade ${base} has no sub-grade)`);
  }
  if (base === 'V' && persistsAtDischarge) {
    return reject(' (grade V, death, takes no suffix "d")');
  }
  const grade = `${base}${sub ?? ''}` as ClavienDindoGrade;
  return { grade, persistsAtDischarge };
}

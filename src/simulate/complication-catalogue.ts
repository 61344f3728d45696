import type { ClavienDindoGrade, ComplicationCategory } from '../model/types.js';

// The complications simulateCohort writes: what a site would record, with the category an sLND
// series reports them under. The kinds are those of the pelvic lymph node dissection literature
// (Keegan & Cookson, Curr Urol Rep 2011;12:203-208: lymphocele, thromboembolism, ureteral,
// nerve and vascular injury), plus the usual postoperative ones (infection, ileus, retention).

/** A complication of the model: its description and category. */
export type CatalogueEntry = readonly [description: string, category: ComplicationCategory];

/**
 * The postoperative complications by Clavien-Dindo grade, each picked with equal probability
 * within its grade. The ORDER of each list is part of the seeded model (a pick is an index):
 * append, never reorder.
 */
export const POSTOPERATIVE_COMPLICATIONS: Readonly<
  Partial<Record<ClavienDindoGrade, readonly CatalogueEntry[]>>
> = {
  I: [
    ['wound seroma', 'wound'],
    ['transient ileus', 'ileus'],
    ['urinary retention, catheter', 'urinary-retention'],
    ['lymphorrhoea', 'lymphocele'],
  ],
  II: [
    ['lymphocele, antibiotics', 'lymphocele'],
    ['urinary tract infection, antibiotics', 'infection'],
    ['deep vein thrombosis, anticoagulation', 'thromboembolism'],
    ['anaemia, blood transfusion', 'bleeding'],
  ],
  IIIa: [
    ['lymphocele, percutaneous drainage', 'lymphocele'],
    ['urinoma, percutaneous drainage', 'ureteral-injury'],
  ],
  IIIb: [
    ['bleeding, reoperation', 'bleeding'],
    ['ureteral injury, reoperation', 'ureteral-injury'],
  ],
  IVa: [['pulmonary embolism, intensive care', 'thromboembolism']],
};

/** An intraoperative complication of the model: grade, description, category, weight. */
export type IntraoperativeEntry = readonly [
  grade: ClavienDindoGrade,
  description: string,
  category: ComplicationCategory,
  weight: number,
];

/**
 * The intraoperative complications (dated on the day of the sLND), with their relative
 * weights: mostly a vascular injury sutured at once, some ureteral and obturator nerve injuries.
 */
export const INTRAOPERATIVE_COMPLICATIONS: readonly IntraoperativeEntry[] = [
  ['I', 'iliac vein injury, sutured', 'vascular-injury', 0.45],
  ['II', 'iliac vessel injury, sutured, blood transfusion', 'vascular-injury', 0.15],
  ['IIIb', 'ureteral injury, repaired over a stent', 'ureteral-injury', 0.2],
  ['I', 'obturator nerve injury, physiotherapy', 'nerve-injury', 0.2],
];

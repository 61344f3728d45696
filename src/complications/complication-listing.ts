// The complications of the window one by one (the line listing a safety board reads) and
// counted by category and grade (the table every sLND series publishes).
import { daysBetween } from '../model/iso-date.js';
import {
  CLAVIEN_DINDO_GRADES,
  type ClavienDindoGrade,
  COMPLICATION_CATEGORIES,
  type Complication,
  type ComplicationCategory,
  type Patient,
} from '../model/types.js';

/** One complication within the window, as a line of the listing. */
export interface ComplicationListingRow {
  readonly patientId: string;
  /** Day after the sLND (day 0). */
  readonly day: number;
  readonly grade: ClavienDindoGrade;
  /** null when not recorded. */
  readonly category: ComplicationCategory | null;
  /** null when not recorded. */
  readonly intraoperative: boolean | null;
  /** As recorded; a death counted as grade V says so (`'death (cause not recorded)'`). */
  readonly description: string | null;
}

/** The complications of one category (or of none recorded: `category` null). */
export interface ComplicationCategoryRow {
  readonly category: ComplicationCategory | null;
  /** Patients with at least one complication of the category. */
  readonly patients: number;
  /** Complications (events) of the category. */
  readonly events: number;
  /** Events by grade; every grade is present, 0 where none. */
  readonly byGrade: Readonly<Record<ClavienDindoGrade, number>>;
}

/**
 * The listing of the complications within the window: one row per complication (a death
 * counted as grade V included, as `complicationsWithin` adds it), in the order of the patients
 * given, then by day.
 */
export function complicationListing(
  patients: readonly Patient[],
  inWindow: readonly (readonly Complication[])[],
): ComplicationListingRow[] {
  return patients.flatMap((patient, i) =>
    (inWindow[i] ?? [])
      .map((c) => ({
        patientId: patient.id,
        day: daysBetween(patient.surgeryDate, c.date),
        grade: c.grade,
        category: c.category ?? null,
        intraoperative: c.intraoperative ?? null,
        description: c.description ?? null,
      }))
      .sort((a, b) => a.day - b.day),
  );
}

/**
 * The listing counted by category, in the order of `COMPLICATION_CATEGORIES`, then the
 * complications without a recorded category (`category: null`); only categories with events.
 * A patient is counted once per category however many of its complications it has.
 */
export function complicationsByCategory(
  listing: readonly ComplicationListingRow[],
): ComplicationCategoryRow[] {
  const order: (ComplicationCategory | null)[] = [...COMPLICATION_CATEGORIES, null];
  return order.flatMap((category) => {
    const rows = listing.filter((r) => r.category === category);
    if (rows.length === 0) return [];
    const byGrade = Object.fromEntries(CLAVIEN_DINDO_GRADES.map((g) => [g, 0])) as Record<
      ClavienDindoGrade,
      number
    >;
    for (const r of rows) byGrade[r.grade] += 1;
    return [
      {
        category,
        patients: new Set(rows.map((r) => r.patientId)).size,
        events: rows.length,
        byGrade,
      },
    ];
  });
}

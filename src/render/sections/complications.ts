import type { ComplicationSummary } from '../../complications/complication-summary.js';
import { CLAVIEN_DINDO_GRADES, type ClavienDindoGrade } from '../../model/types.js';
import type { Proportion } from '../../stats/estimate.js';
import type { Block } from '../block.js';
import { countOf, fixed, percentInterval } from '../format.js';

/** Grades recorded without their sub-grade: shown only when some patient has one. */
const UNKNOWN_SUB_GRADE = new Set(['III', 'IV']);

const cell = (r: Proportion) => countOf(r.count, r.n, r.estimate);

/**
 * The 90-day complications: patients by worst grade, any, minor, major, suffix d and 90-day
 * mortality, each among all operated patients and among the patients whose outcome is known
 * (the interim denominator), then the CCI and the notes. Shared by the report and the notebook
 * display of `complicationSummary`.
 */
export function complicationBlocks(summary: ComplicationSummary): Block[] {
  const level = `${Math.round(summary.confLevel * 100)}% CI`;
  const rows = summary.rows.filter(
    (r) => !UNKNOWN_SUB_GRADE.has(r.key) || r.count > 0 || r.evaluable.count > 0,
  );
  const blocks: Block[] = [
    {
      kind: 'table',
      header: [
        'Worst grade per patient',
        'All operated',
        level,
        `Completed ${summary.windowDays} days or had the event`,
        level,
      ],
      numeric: [1, 3],
      rows: rows.map((r) => [
        r.label,
        cell(r),
        percentInterval(r.lower, r.upper),
        cell(r.evaluable),
        percentInterval(r.evaluable.lower, r.evaluable.upper),
      ]),
    },
    {
      kind: 'paragraph',
      text:
        `${summary.n} patient(s) operated, ${summary.completedWindow} of them followed to day ` +
        `${summary.windowDays} or dead within it. "All operated" divides by every patient, ` +
        `including those still inside their window; the second rate divides by the patients ` +
        `whose outcome in the row is known. ${summary.totalEvents} complication(s) in all. ` +
        `Comprehensive Complication Index per patient: median ${fixed(summary.cci.median, 1)} ` +
        `(IQR ${fixed(summary.cci.q1, 1)} to ${fixed(summary.cci.q3, 1)}), over ${summary.cci.n} patient(s).`,
    },
  ];
  if (summary.notes.length > 0) blocks.push({ kind: 'list', items: summary.notes });
  blocks.push(...categoryBlocks(summary), ...listingBlocks(summary));
  return blocks;
}

/** Category labels as a reader says them; complications without a category last. */
const categoryLabel = (category: string | null) =>
  category === null ? 'Category not recorded' : category.replaceAll('-', ' ');

/** The grades shown as columns: those with an event, in Clavien-Dindo order. */
function gradesWithEvents(summary: ComplicationSummary): ClavienDindoGrade[] {
  return CLAVIEN_DINDO_GRADES.filter((g) => summary.byCategory.some((r) => r.byGrade[g] > 0));
}

/** Complications by category and grade: patients, events, and events per grade. */
function categoryBlocks(summary: ComplicationSummary): Block[] {
  if (summary.byCategory.length === 0) return [];
  const grades = gradesWithEvents(summary);
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 3,
      text: `Complications by category and grade (within ${summary.windowDays} days)`,
    },
    {
      kind: 'table',
      header: ['Category', 'Patients', 'Events', ...grades.map((g) => `Grade ${g}`)],
      numeric: [1, 2, ...grades.map((_, i) => i + 3)],
      rows: summary.byCategory.map((r) => [
        categoryLabel(r.category),
        String(r.patients),
        String(r.events),
        ...grades.map((g) => String(r.byGrade[g])),
      ]),
    },
  ];
  const unrecorded = summary.byCategory.find((r) => r.category === null);
  if (unrecorded !== undefined) {
    blocks.push({
      kind: 'paragraph',
      text: `${unrecorded.events} complication(s) have no recorded category (a death counted as grade V has none).`,
    });
  }
  return blocks;
}

/** The line listing a safety board reads: every complication of the window. */
function listingBlocks(summary: ComplicationSummary): Block[] {
  if (summary.listing.length === 0) return [];
  const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
  return [
    { kind: 'heading', level: 3, text: 'Line listing of the complications' },
    {
      kind: 'table',
      header: ['Patient', 'Day', 'Grade', 'Category', 'Intraoperative', 'Description'],
      numeric: [1],
      rows: summary.listing.map((r) => [
        r.patientId,
        String(r.day),
        r.grade,
        r.category === null ? '' : categoryLabel(r.category),
        yesNo(r.intraoperative),
        r.description ?? '',
      ]),
    },
  ];
}

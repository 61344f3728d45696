import type {
  ComplicationRate,
  ComplicationSummary,
} from '../../complications/complication-summary.js';
import type { Block } from '../block.js';
import { countOf, fixed, percentInterval } from '../format.js';

/** Grades recorded without their sub-grade: shown only when some patient has one. */
const UNKNOWN_SUB_GRADE = new Set(['III', 'IV']);

const cell = (r: ComplicationRate) => countOf(r.count, r.n, r.rate);

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
  return blocks;
}

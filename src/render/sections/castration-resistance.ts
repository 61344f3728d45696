import type { TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';

/** How castration resistance was dated, and every patient whose records and labs disagree. */
export function castrationResistanceBlocks(report: TrialReport): Block[] {
  const c = report.castrationResistance;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Castration resistance: definition and data' },
    { kind: 'paragraph', text: c.description },
  ];
  if (c.discrepancies.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Every recorded date agrees with the patient's own labs within 30 days (${c.definition.toUpperCase()} definition).`,
    });
    return blocks;
  }
  blocks.push(
    {
      kind: 'callout',
      tone: 'warn',
      text:
        `${c.discrepancies.length} patient(s) whose recorded date of castration resistance and the ` +
        `date their own PSA and testosterone meet the ${c.definition.toUpperCase()} definition ` +
        `differ by more than 30 days, or exist on one side only: check them.`,
    },
    {
      kind: 'table',
      header: [
        'Patient',
        'Recorded',
        `Labs (${c.definition.toUpperCase()})`,
        'Labs - recorded, days',
      ],
      numeric: [3],
      rows: c.discrepancies.map((d) => [
        d.patientId,
        d.recordedDate ?? 'none',
        d.derivedDate ?? 'never met',
        d.differenceDays === null ? 'NA' : String(d.differenceDays),
      ]),
    },
  );
  return blocks;
}

import { patientFlowPlot } from '../../plot/patient-flow-plot.js';
import type { FlowCount, TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';

const reasons = (counts: readonly FlowCount[]) =>
  counts.length === 0 ? 'none' : counts.map((c) => `${c.reason}: ${c.count}`).join('; ');

/**
 * The patient flow (CONSORT): the diagram and the same counts as a table, every exclusion with
 * its reason. Says so when no screening log or no not-operated patients were given.
 */
export function patientFlowBlocks(report: TrialReport): Block[] {
  const flow = report.flow;
  const rows: string[][] = [];
  if (flow.assessed !== undefined) {
    rows.push(['Assessed for eligibility', String(flow.assessed), '']);
    const excluded = (flow.screeningExcluded ?? []).reduce((sum, c) => sum + c.count, 0);
    rows.push(['Excluded at screening', String(excluded), reasons(flow.screeningExcluded ?? [])]);
  }
  const notOperated = flow.notOperated.reduce((sum, c) => sum + c.count, 0);
  rows.push(
    ['Enrolled', String(flow.enrolled), ''],
    ['Not operated', String(notOperated), reasons(flow.notOperated)],
    ['Operated (sLND)', String(flow.operated), ''],
    ...flow.endpoints.map((e) => [
      `Analysed: ${e.endpoint}`,
      String(e.evaluable),
      reasons(e.excluded),
    ]),
  );
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Patient flow' },
    {
      kind: 'figure',
      file: 'plots/patient-flow.svg',
      svg: patientFlowPlot(flow, { title: 'Patient flow', idPrefix: 'flow' }),
      caption:
        'Patient flow (CONSORT): screening, enrolment, operation and the patients analysed for each endpoint, with every exclusion and its reason.',
    },
    { kind: 'table', header: ['Step', 'Patients', 'Not included, by reason'], rows, numeric: [1] },
  ];
  const missing: string[] = [];
  if (flow.assessed === undefined)
    missing.push('no screening log was given (screening), so the flow starts at enrolment');
  if (flow.notOperated.length === 0) {
    missing.push('no enrolled patient is recorded as not operated (notOperated)');
  }
  if (missing.length > 0) {
    blocks.push({ kind: 'callout', tone: 'note', text: `Flow: ${missing.join('; ')}.` });
  }
  return blocks;
}

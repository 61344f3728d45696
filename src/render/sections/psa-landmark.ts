import { waterfallPlot } from '../../plot/waterfall-plot.js';
import type { TrialReport } from '../../report/trial-report.js';
import type { Proportion } from '../../stats/estimate.js';
import type { Block } from '../block.js';
import { fixed, percent, percentInterval } from '../format.js';

const rate = (p: Proportion) =>
  `${p.count}/${p.n}, ${percent(p.estimate)} (95% CI ${percentInterval(p.lower, p.upper)})`;

/** The PSA 6 weeks after the sLND: values, response rates, who is not evaluable and why. */
export function psaLandmarkBlocks(report: TrialReport): Block[] {
  const lm = report.psaLandmark;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'PSA 6 weeks after sLND' },
    {
      kind: 'table',
      header: ['Item', 'Value'],
      rows: [
        [
          `Patients with a PSA at day ${lm.landmarkDays} +- ${lm.toleranceDays}, before any ADT`,
          `${lm.evaluable}/${report.cohort.n}`,
        ],
        [
          'PSA, ng/mL: median (IQR)',
          `${fixed(lm.median, 3)} (${fixed(lm.q1, 3)} to ${fixed(lm.q3, 3)})`,
        ],
        ['Complete biochemical response (< 0.2 ng/mL)', rate(lm.completeResponse)],
        ['Undetectable (< 0.1 ng/mL)', rate(lm.undetectable)],
      ],
    },
  ];
  if (lm.notEvaluable.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        text: `Not evaluable for the 6-week response (${lm.notEvaluable.length}):`,
      },
      {
        kind: 'table',
        header: ['Patient', 'Why'],
        rows: lm.notEvaluable.map((p) => [p.patientId, p.reason]),
      },
    );
  }
  if (lm.waterfall.length > 0) {
    blocks.push({
      kind: 'figure',
      file: 'plots/psa-waterfall.svg',
      svg: waterfallPlot(lm.waterfall, { title: 'PSA change at 6 weeks', idPrefix: 'waterfall' }),
      caption:
        'Percent change of PSA at 6 weeks from the last PSA before the sLND, one bar per patient.',
    });
  }
  return blocks;
}

import { psaTrajectoriesPlot } from '../../plot/psa-trajectories-plot.js';
import { swimmerPlot } from '../../plot/swimmer-plot.js';
import { INDIVIDUAL_PLOT_LIMIT, type TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';

/**
 * Each patient's course: the PSA trajectories after the sLND (log scale, the 0.2 ng/mL line,
 * ADT start marked) and the swimmer plot of follow-up and events; for more than
 * `INDIVIDUAL_PLOT_LIMIT` patients, a note that they are not drawn.
 */
export function individualCourseBlocks(report: TrialReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Individual courses' }];
  const individual = report.individual;
  if (individual === null) {
    blocks.push({
      kind: 'callout',
      tone: 'note',
      text: `Not drawn: ${report.cohort.n} patients, more than the ${INDIVIDUAL_PLOT_LIMIT} one plot can show one by one.`,
    });
    return blocks;
  }
  if (individual.swimmer.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No patients.' });
    return blocks;
  }
  blocks.push(
    {
      kind: 'figure',
      file: 'plots/psa-trajectories.svg',
      svg: psaTrajectoriesPlot(individual.psaTrajectories, {
        title: 'PSA after the sLND',
        idPrefix: 'psa-trajectories',
      }),
      caption:
        'PSA of each patient from the sLND on (log scale, months from the sLND); the dashed line is 0.2 ng/mL; hollow circles are undetectable values at their limit; squares mark the start of hormone therapy.',
    },
    {
      kind: 'figure',
      file: 'plots/swimmer.svg',
      svg: swimmerPlot(individual.swimmer, { title: 'Follow-up and events', idPrefix: 'swimmer' }),
      caption:
        'Each patient from the sLND to the last follow-up or death (months), longest follow-up at the top, with biochemical recurrence after a complete response, start of hormone therapy, castration resistance, distant metastasis and death marked.',
    },
  );
  return blocks;
}

import { forestPlot } from '../../plot/forest-plot.js';
import {
  PREDICTORS_LIMIT,
  type PredictorRow,
  type TrialReport,
} from '../../report/trial-report.js';
import type { Block } from '../block.js';
import { fixed } from '../format.js';

const ratio = (r: PredictorRow) =>
  r.estimate === null
    ? `not estimable: ${r.reason ?? ''}`
    : `${fixed(r.estimate, 2)} (${fixed(r.lower, 2)} to ${fixed(r.upper, 2)})`;

const p = (x: number | null) => (x === null ? 'NA' : x < 0.001 ? '< 0.001' : fixed(x, 3));

/**
 * The exploratory predictors: one univariable model per endpoint and baseline variable, as a
 * forest plot and a table with the events per variable, under the warning that they generate
 * hypotheses and are not corrected for multiplicity. Says so when no variable is present.
 */
export function predictorBlocks(report: TrialReport): Block[] {
  const rows = report.predictors;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Exploratory predictors' }];
  if (report.cohort.n > PREDICTORS_LIMIT) {
    blocks.push({
      kind: 'callout',
      tone: 'note',
      text: `Not computed: ${report.cohort.n} patients, more than the ${PREDICTORS_LIMIT} for which the report fits these models (Firth's profile limits take seconds each at that size). Fit them with coxRegression and logisticRegression.`,
    });
    return blocks;
  }
  if (rows.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No baseline variable to model: the cohort records none of PSA at sLND, the pre-sLND doubling time, ISUP grade group, nodes positive on imaging or in histology, or prior salvage radiotherapy.',
    });
    return blocks;
  }
  const endpoints = [...new Set(rows.map((r) => r.endpoint))];
  blocks.push(
    {
      kind: 'callout',
      tone: 'warn',
      text: `Hypothesis-generating: ${rows.length} univariable models on the same patients, with no correction for multiplicity; with few events per variable the estimates are unstable.`,
    },
    {
      kind: 'figure',
      file: 'plots/forest.svg',
      svg: forestPlot(
        endpoints.map((endpoint) => ({
          title: endpoint,
          rows: rows
            .filter((r) => r.endpoint === endpoint)
            .map((r) => ({ ...r, reason: r.reason ?? undefined })),
        })),
        { title: 'Exploratory predictors (univariable)', idPrefix: 'forest' },
      ),
      caption:
        'Hazard ratios (Cox) and odds ratios (Firth logistic) with 95% confidence intervals, log scale; the line marks a ratio of 1.',
    },
    {
      kind: 'table',
      header: [
        'Endpoint',
        'Model',
        'Variable',
        'Patients',
        'Events (per variable)',
        'Ratio (95% CI)',
        'p',
      ],
      numeric: [3, 4],
      rows: rows.map((r) => [
        r.endpoint,
        r.model === 'cox' ? 'Cox, HR' : 'Firth logistic, OR',
        r.label,
        String(r.n),
        String(r.events),
        ratio(r),
        p(r.pValue),
      ]),
    },
    {
      kind: 'paragraph',
      text: "Cox: survival::coxph with Efron ties, Wald limits and p. Logistic: Firth's penalised likelihood as logistf, profile penalised-likelihood limits and p. Each model uses the patients with the variable recorded; PSA at sLND enters as log2 (ratio per doubling).",
    },
  );
  return blocks;
}

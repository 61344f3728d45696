import { describeValue } from '../_lib/describe-value.js';
import { heading } from './_internal/axes.js';
import { describeFlowSize, describePatientFlow } from './_internal/describe-patient-flow.js';
import { FLOW_MAIN, FLOW_SIDE } from './_internal/flow-box.js';
import { layOutEndpoints } from './_internal/flow-endpoint-grid.js';
import { flowColumns, layOutStages } from './_internal/flow-main-column.js';
import { type LegendItem, legend } from './_internal/legend.js';
import { MAX_PLOT_SIZE, type PlotOptions, readPlotOptions } from './_internal/plot-options.js';
import { readPatientFlow } from './_internal/read-patient-flow.js';
import { element, formatNumber, svgDocument } from './_internal/svg.js';

/** A number of patients leaving the flow for one reason. */
export interface PatientFlowReason {
  /** Why, as written in the diagram (wrapped when long). */
  readonly reason: string;
  /** How many patients: an integer >= 0. */
  readonly count: number;
}

/** One endpoint's analysis: the operated patients evaluable for it, and those excluded. */
export interface PatientFlowEndpoint {
  /** The endpoint's name, as written in its box. */
  readonly endpoint: string;
  /** Operated patients evaluable for the endpoint (at most `operated`). */
  readonly evaluable: number;
  /** Why the others were excluded from its analysis. */
  readonly excluded: readonly PatientFlowReason[];
}

/**
 * Input of {@link patientFlowPlot}: the counts of a CONSORT flow diagram of the trial, the
 * shape of the trial report's `flow`.
 */
export interface PatientFlowPlotInput {
  /** Patients assessed for eligibility (screening), when known. */
  readonly assessed?: number;
  /** Why assessed patients were not enrolled; only with `assessed`. */
  readonly screeningExcluded?: readonly PatientFlowReason[];
  /** Patients enrolled in the trial (at most `assessed`). */
  readonly enrolled: number;
  /** Patients who underwent the sLND (at most `enrolled`). */
  readonly operated: number;
  /** Why enrolled patients were not operated. */
  readonly notOperated: readonly PatientFlowReason[];
  /** One entry per endpoint, among the operated patients; may be empty. */
  readonly endpoints: readonly PatientFlowEndpoint[];
}

/** Options of {@link patientFlowPlot}: the shared ones; there are no axes to label. */
export type PatientFlowPlotOptions = Omit<PlotOptions, 'xLabel' | 'yLabel'>;

/**
 * Draws the trial's patient flow as a CONSORT-style diagram (CONSORT 2010 flow diagram, Schulz
 * et al., BMJ 2010;340:c332), a standalone SVG string: the patients assessed for eligibility
 * (when given) with a side box of those excluded and why, then enrolled, a side box of those
 * not operated and why, operated (sLND), and one cell per endpoint with the patients
 * evaluable for it over those excluded from its analysis, with reasons.
 *
 * Rules: every side box counts the difference between the stages it leaves and enters
 * (assessed - enrolled, enrolled - operated, operated - evaluable), so the diagram always adds
 * up; the reasons' counts may not exceed that difference, and a remainder is listed as "Reason
 * not recorded" (as the cohort model checks screening: assessed at least enrolled plus
 * excluded). Without `assessed` the diagram starts at enrolment. The main column takes 45% of
 * the width, the side boxes the rest. Endpoints sit side by side under the operated patients,
 * as many to a row as fit 180 pixels wide (each at most as wide as the main column), wrapping
 * to further rows in input order. Long names and reasons wrap (widths estimated with
 * `textWidth`) and the height grows with the text. Main boxes are blue, side boxes vermillion
 * (Okabe-Ito), as the legend says. Every string is XML-escaped; the output is deterministic.
 *
 * @param flow `{ assessed?, screeningExcluded?, enrolled, operated, notOperated, endpoints:
 *   [{ endpoint, evaluable, excluded }] }`, each count an integer in [0, 1,000,000,000] and
 *   each reason `{ reason, count }`: the report's `flow` as it is.
 * @param options `width` (720), `height` (default: what the boxes need; a larger one leaves
 *   room below), `title` and `idPrefix` (default "slnd-flow").
 * @returns The SVG document as a string.
 * @throws {TypeError} when `flow` or an entry is not an object, a list not an array, a reason
 *   or endpoint not a string, a count not a number, or an option has the wrong type.
 * @throws {RangeError} naming the entry: a count that is not an integer in [0, 1,000,000,000],
 *   a stage larger than the one before it, reasons adding up to more than the patients who
 *   left, a blank reason or endpoint, `screeningExcluded` without `assessed`, an
 *   `options.height` below what the boxes need, or boxes needing more than 40,000 pixels.
 * @example
 * const svg = patientFlowPlot({
 *   assessed: 90,
 *   screeningExcluded: [{ reason: 'Not meeting inclusion criteria', count: 10 }],
 *   enrolled: 80,
 *   operated: 78,
 *   notOperated: [{ reason: 'Withdrew consent', count: 2 }],
 *   endpoints: [{ endpoint: 'PSA response at 6 weeks', evaluable: 75, excluded: [] }],
 * });
 * svg.includes('>Enrolled (n = 80)</text>'); // => true
 */
export function patientFlowPlot(
  flow: PatientFlowPlotInput,
  options: PatientFlowPlotOptions = {},
): string {
  const stages = readPatientFlow(flow);
  const base = readPlotOptions(options, {
    width: 720,
    height: 150, // replaced below by the height the boxes need, unless options.height is given
    xLabel: '',
    yLabel: '',
    idPrefix: 'slnd-flow',
  });
  const { width, title, idPrefix } = base;

  const items: LegendItem[] = [
    { label: 'Patients at each stage', swatch: { kind: 'rect', ...FLOW_MAIN } },
    { label: 'Patients leaving the flow, with reasons', swatch: { kind: 'rect', ...FLOW_SIDE } },
  ];
  const columns = flowColumns(width);
  const legendTop = title === null ? 10 : 32;
  const key = legend(items, columns.left, legendTop, columns.right - columns.left);
  const main = layOutStages(stages, columns, legendTop + key.height + 14);
  const trunkX = columns.mainX + columns.mainW / 2;
  const ends = layOutEndpoints(stages.endpoints, columns, main.bottom, trunkX);

  const needed = Math.max(150, Math.ceil(ends.bottom + 16));
  if (needed > MAX_PLOT_SIZE) {
    throw new RangeError(
      `flow needs ${needed} pixels of height at options.width = ${formatNumber(width)}, more than the ${MAX_PLOT_SIZE} allowed: shorten or merge the reasons, or widen the plot. Value: ${describeFlowSize(stages)}.`,
    );
  }
  const height = options.height === undefined ? needed : base.height;
  if (height < needed) {
    throw new RangeError(
      `options.height must be at least ${needed} pixels to hold this flow. Value: ${describeValue(height)}.`,
    );
  }

  const parts = [key.markup, element('g', { class: 'flow' }, main.markup + ends.markup)];
  if (title !== null) parts.unshift(heading(title, width));
  return svgDocument({
    width,
    height,
    idPrefix,
    title: title ?? 'Patient flow',
    description: describePatientFlow(stages),
    body: parts.join('\n'),
  });
}

// Plots: standalone, deterministic SVG strings (no DOM) for Node, browsers and notebooks. The
// `slnd-stats/plot` entry. See docs/plots.md.

export type { PlotOptions } from './_internal/plot-options.js';
export {
  type BoundaryPlotInput,
  type BoundaryPlotOptions,
  boundaryPlot,
} from './boundary-plot.js';
export {
  type ForestPlotGroup,
  type ForestPlotOptions,
  type ForestPlotRow,
  forestPlot,
} from './forest-plot.js';
export {
  type KaplanMeierPlotOptions,
  kaplanMeierPlot,
  type LabelledKaplanMeierFit,
} from './kaplan-meier-plot.js';
export {
  type PatientFlowEndpoint,
  type PatientFlowPlotInput,
  type PatientFlowPlotOptions,
  type PatientFlowReason,
  patientFlowPlot,
} from './patient-flow-plot.js';
export {
  type PsaTrajectoriesPlotOptions,
  type PsaTrajectory,
  type PsaTrajectoryPoint,
  psaTrajectoriesPlot,
} from './psa-trajectories-plot.js';
export {
  type SwimmerEvent,
  type SwimmerEventKind,
  type SwimmerLane,
  type SwimmerPlotOptions,
  swimmerPlot,
} from './swimmer-plot.js';
export { type WaterfallBar, type WaterfallPlotOptions, waterfallPlot } from './waterfall-plot.js';

// Safety monitoring: stopping rules for the phase I/II sLND trial, their exact operating
// characteristics, and the live monitor. See docs/safety-monitoring.md.

export {
  type BayesianToxicityBoundary,
  type BayesianToxicityBoundaryOptions,
  bayesianToxicityBoundary,
} from './bayesian-toxicity-boundary.js';
export {
  type BoundaryOperatingCharacteristicsOptions,
  boundaryOperatingCharacteristics,
  type OperatingCharacteristics,
  type StoppingBoundary,
} from './boundary-operating-characteristics.js';
export {
  evaluateStoppingRule,
  type StoppingEvaluation,
  type StoppingRule,
} from './evaluate-stopping-rule.js';
export {
  type SafetyMonitorOptions,
  type SafetyMonitorResult,
  type SafetyMonitorRow,
  type SafetyStatus,
  safetyMonitor,
} from './safety-monitor.js';
export {
  type SimonDesign,
  type SimonTwoStage,
  type SimonTwoStageOptions,
  simonTwoStage,
} from './simon-two-stage.js';
export { type SprtBoundary, type SprtBoundaryOptions, sprtBoundary } from './sprt-boundary.js';
export {
  type ToxicityBoundary,
  type ToxicityBoundaryEdge,
  type ToxicityBoundaryOptions,
  toxicityBoundary,
} from './toxicity-boundary.js';

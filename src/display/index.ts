// Notebook-ready versions of the main results: the same functions and plain data, with display
// members attached. The root entry exports these in place of the plain ones.
export { complicationSummary } from './complication-summary.js';
export { evaluateStoppingRule } from './evaluate-stopping-rule.js';
export { kaplanMeier } from './kaplan-meier.js';
export { logRank } from './log-rank.js';
export { buildTrialReport } from './trial-report.js';

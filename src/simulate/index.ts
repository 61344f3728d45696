export {
  type SimulateCohortOptions,
  type SimulatedCohort,
  simulateCohort,
} from './simulate-cohort.js';
export {
  type SimulatedTrial,
  type SimulateTrialOptions,
  simulateTrial,
} from './simulate-trial.js';

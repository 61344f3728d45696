export {
  type SimulateCohortOptions,
  type SimulatedCohort,
  simulateCohort,
} from './simulate-cohort.js';

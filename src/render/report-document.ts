import type { TrialReport } from '../report/trial-report.js';
import type { Block } from './block.js';
import { baselineBlocks } from './sections/baseline.js';
import { castrationResistanceBlocks } from './sections/castration-resistance.js';
import { complicationBlocks } from './sections/complications.js';
import { individualCourseBlocks } from './sections/individual-courses.js';
import { overviewBlocks } from './sections/overview.js';
import { patientFlowBlocks } from './sections/patient-flow.js';
import { predictorBlocks } from './sections/predictors.js';
import { psaDoublingTimeBlocks } from './sections/psa-doubling-time.js';
import { psaLandmarkBlocks } from './sections/psa-landmark.js';
import { safetyBlocks } from './sections/safety.js';
import { byResponseBlocks, secondaryEndpointBlocks } from './sections/secondary-endpoints.js';
import { survivalBlocks } from './sections/survival.js';

export type { Block } from './block.js';

/**
 * The blocks of a trial report, in reading order, with the plots rendered as SVG: the overview
 * (data cut, settings, exclusions, cohort and follow-up), the patient flow, the baseline
 * characteristics, complications (by grade, by category, line listing), the safety monitor,
 * the 6-week PSA, the doubling time, castration resistance, the time-to-event endpoints, the
 * further endpoints of sLND series, the endpoints by 6-week response, the individual courses,
 * the exploratory predictors and the methods. Each section is built by its own function in
 * `src/render/sections/`.
 *
 * @param report - a report from `buildTrialReport`.
 * @returns the blocks; `reportToMarkdown` and `reportToHtml` render them.
 * @example reportDocument(buildTrialReport(patients)).filter((b) => b.kind === 'figure');
 */
export function reportDocument(report: TrialReport): Block[] {
  return [
    ...overviewBlocks(report),
    ...patientFlowBlocks(report),
    ...baselineBlocks(report),
    { kind: 'heading', level: 2, text: 'Complications within 90 days (Clavien-Dindo)' },
    ...complicationBlocks(report.complications),
    ...safetyBlocks(report.safety),
    ...psaLandmarkBlocks(report),
    ...psaDoublingTimeBlocks(report),
    ...castrationResistanceBlocks(report),
    ...survivalBlocks(report),
    ...secondaryEndpointBlocks(report),
    ...byResponseBlocks(report),
    ...individualCourseBlocks(report),
    ...predictorBlocks(report),
    { kind: 'heading', level: 2, text: 'Methods' },
    ...report.methods.map((text): Block => ({ kind: 'paragraph', text })),
  ];
}

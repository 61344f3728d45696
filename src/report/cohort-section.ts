import { DAYS_PER_MONTH, daysBetween } from '../model/iso-date.js';
import type { IsoDate, Patient } from '../model/types.js';
import { medianFollowUp } from '../survival/median-follow-up.js';
import { followUpCompleteness } from './follow-up-completeness.js';
import type { TrialReport } from './trial-report.js';

/** The cohort at the data cut: size, dates of surgery, follow-up and its completeness. */
export function cohortSection(
  cohort: readonly Patient[],
  cut: { readonly asOf: IsoDate; readonly notYetOperated: readonly string[] },
): TrialReport['cohort'] {
  const surgeries = cohort.map((p) => p.surgeryDate).sort();
  const followUp = {
    time: cohort.map((p) => daysBetween(p.surgeryDate, p.deathDate ?? p.lastFollowUpDate)),
    event: cohort.map((p) => (p.deathDate === undefined ? 0 : 1)),
  };
  const fu = cohort.length > 0 ? medianFollowUp(followUp) : null;
  const toMonths = (d: number | null | undefined) =>
    d === null || d === undefined ? null : d / DAYS_PER_MONTH;
  return {
    n: cohort.length,
    firstSurgery: surgeries[0] ?? null,
    lastSurgery: surgeries[surgeries.length - 1] ?? null,
    notYetOperated: [...cut.notYetOperated],
    medianFollowUpMonths: {
      estimate: toMonths(fu?.estimate),
      lower: toMonths(fu?.lower),
      upper: toMonths(fu?.upper),
    },
    followUpCompleteness: followUpCompleteness(cohort, cut.asOf),
    deaths: followUp.event.filter((e) => e === 1).length,
  };
}

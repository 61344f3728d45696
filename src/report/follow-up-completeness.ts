import { addDaysIso, daysBetween } from '../model/iso-date.js';
import type { IsoDate, Patient } from '../model/types.js';
import { HORIZON_DAYS } from './endpoint-section.js';
import type { FollowUpCompleteness } from './trial-report.js';

/**
 * Clark's completeness index (Clark, Altman & De Stavola, Lancet 2002;359:1309) of the follow-up
 * over the trial's 2 years: C = sum of observed follow-up / sum of potential follow-up. A
 * patient's observed follow-up runs from the sLND to the last follow-up (or death), its
 * potential follow-up from the sLND to the data cut, both at most 2 years; a death completes
 * the follow-up (its potential time ends at the death). C = 1 when every patient alive was seen
 * at the data cut or after 2 years; the reverse Kaplan-Meier median beside it says how long the
 * follow-up is, C how complete.
 */
export function followUpCompleteness(
  cohort: readonly Patient[],
  asOf: IsoDate,
): FollowUpCompleteness {
  let observedDays = 0;
  let potentialDays = 0;
  for (const p of cohort) {
    const horizon = addDaysIso(p.surgeryDate, HORIZON_DAYS);
    const end = (date: IsoDate) => daysBetween(p.surgeryDate, date < horizon ? date : horizon);
    const potentialEnd = p.deathDate !== undefined && p.deathDate < asOf ? p.deathDate : asOf;
    observedDays += Math.max(0, end(p.deathDate ?? p.lastFollowUpDate));
    potentialDays += Math.max(0, end(potentialEnd));
  }
  return {
    observedDays,
    potentialDays,
    index: potentialDays === 0 ? null : Math.min(1, observedDays / potentialDays),
  };
}

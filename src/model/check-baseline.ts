import type { CohortIssue } from '../errors.js';
import type { Patient } from './types.js';

/**
 * The rules between baseline fields, each a named issue: the biochemical recurrence between the
 * prostatectomy and the sLND (`date_order`), the imaging of the recurrence not after the sLND
 * (`date_order`), no more positive nodes than nodes removed (`nodes_order`); and a warning when
 * an intraoperative complication is not dated on the day of the sLND (`intraoperative_date`).
 * Paths use the indices of the patient as given.
 */
export function checkBaseline(
  patient: Patient,
  issues: CohortIssue[],
  warnings: CohortIssue[],
): void {
  const { id, surgeryDate, prostatectomyDate, biochemicalRecurrenceDate: bcr } = patient;
  const flag = (list: CohortIssue[], path: string, code: string, message: string) =>
    list.push({ patientId: id, path, code, message });
  if (bcr !== undefined) {
    if (bcr > surgeryDate) {
      flag(
        issues,
        'biochemicalRecurrenceDate',
        'date_order',
        `biochemicalRecurrenceDate ${bcr} is after surgeryDate ${surgeryDate}; the recurrence comes before the sLND`,
      );
    }
    if (prostatectomyDate !== undefined && bcr <= prostatectomyDate) {
      flag(
        issues,
        'biochemicalRecurrenceDate',
        'date_order',
        `biochemicalRecurrenceDate ${bcr} is not after prostatectomyDate ${prostatectomyDate}`,
      );
    }
  }
  const imagingDate = patient.imaging?.date;
  if (imagingDate !== undefined && imagingDate > surgeryDate) {
    flag(
      issues,
      'imaging.date',
      'date_order',
      `imaging.date ${imagingDate} is after surgeryDate ${surgeryDate}; it is the imaging that led to the sLND`,
    );
  }
  const { nodesRemoved, nodesPositive } = patient;
  if (nodesRemoved !== undefined && nodesPositive !== undefined && nodesPositive > nodesRemoved) {
    flag(
      issues,
      'nodesPositive',
      'nodes_order',
      `nodesPositive ${nodesPositive} is more than nodesRemoved ${nodesRemoved}`,
    );
  }
  patient.complications.forEach((c, i) => {
    if (c.intraoperative === true && c.date !== surgeryDate) {
      flag(
        warnings,
        `complications[${i}].date`,
        'intraoperative_date',
        `an intraoperative complication dated ${c.date}, not on the day of the sLND (${surgeryDate})`,
      );
    }
  });
}

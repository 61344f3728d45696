// The notes of complicationSummary: which patients and complications its rows leave out or count
// with a caveat, each listed with its day, so that nothing is dropped silently.

/** The patients (with a day) each note lists. */
export interface NoteLists {
  readonly incompleteFree: string[];
  readonly incompleteWithComplication: string[];
  readonly beforeSurgery: string[];
  readonly afterWindow: string[];
  readonly deathsCounted: string[];
  readonly deathsNotCounted: string[];
  readonly withoutCci: string[];
}

export function emptyNoteLists(): NoteLists {
  return {
    incompleteFree: [],
    incompleteWithComplication: [],
    beforeSurgery: [],
    afterWindow: [],
    deathsCounted: [],
    deathsNotCounted: [],
    withoutCci: [],
  };
}

/** The notes in words, one per list that is not empty. */
export function summaryNotes(
  n: number,
  windowDays: number,
  withCci: number,
  lists: NoteLists,
): string[] {
  const notes: string[] = [];
  if (n === 0) notes.push('No patients: every rate, interval and CCI quantile is null.');
  if (lists.incompleteFree.length > 0) {
    notes.push(
      `${countOf(lists.incompleteFree, 'patient')} followed for fewer than ${windowDays} days without a ` +
        `complication (last follow-up day in parentheses): counted as without complication among all ` +
        `patients, but not among those who completed the window: ${listIds(lists.incompleteFree)}.`,
    );
  }
  if (lists.incompleteWithComplication.length > 0) {
    notes.push(
      `${countOf(lists.incompleteWithComplication, 'patient')} followed for fewer than ${windowDays} ` +
        `days after a complication: counted by the worst grade observed, which a later ` +
        `complication could have exceeded: ${listIds(lists.incompleteWithComplication)}.`,
    );
  }
  if (lists.beforeSurgery.length > 0) {
    notes.push(
      `${countOf(lists.beforeSurgery, 'complication')} dated before the surgery (day 0) left out: ` +
        `${listIds(lists.beforeSurgery)}.`,
    );
  }
  if (lists.afterWindow.length > 0) {
    notes.push(
      `${countOf(lists.afterWindow, 'complication')} dated after day ${windowDays} left out of the ` +
        `${windowDays}-day window: ${listIds(lists.afterWindow)}.`,
    );
  }
  if (lists.deathsCounted.length > 0) {
    notes.push(
      `${countOf(lists.deathsCounted, 'patient')} died within the ${windowDays}-day window without a ` +
        `recorded grade V complication: each death is counted as a grade V complication, since its ` +
        `cause is not recorded as prostate cancer or other: ${listIds(lists.deathsCounted)}.`,
    );
  }
  if (lists.deathsNotCounted.length > 0) {
    notes.push(
      `${countOf(lists.deathsNotCounted, 'patient')} died within the ${windowDays}-day window of a ` +
        `cause recorded as prostate cancer or other: not counted as a complication, but counted ` +
        `in the ${windowDays}-day mortality: ${listIds(lists.deathsNotCounted)}.`,
    );
  }
  if (lists.withoutCci.length > 0) {
    notes.push(
      `${countOf(lists.withoutCci, 'patient')} with a grade III or IV complication whose sub-grade ` +
        `was not recorded: the CCI is not determined (it depends on the sub-grade) and the CCI ` +
        `median and IQR are over the other ${withCci}: ${listIds(lists.withoutCci)}.`,
    );
  }
  return notes;
}

function countOf(items: readonly string[], noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}`;
}

/** Up to 20 entries, then how many more. */
function listIds(items: readonly string[]): string {
  const shown = items.slice(0, 20).join(', ');
  return items.length > 20 ? `${shown} and ${items.length - 20} more` : shown;
}

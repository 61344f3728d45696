import type { TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';
import { percent, withInterval } from '../format.js';

/** Input warnings listed in the report itself; report.json keeps them all. */
const MAX_WARNINGS_SHOWN = 20;

/**
 * The top of the report: title, data cut and input, every setting with whether it was given or
 * defaulted, the excluded patients, the input's warnings, and the cohort.
 */
export function overviewBlocks(report: TrialReport): Block[] {
  const { cohort } = report;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: report.title },
    {
      kind: 'paragraph',
      text:
        `Data cut ${report.asOf}. slnd-stats ${report.libraryVersion}.` +
        (report.source === null
          ? ''
          : ` Input ${report.source.path}, SHA-256 ${report.source.sha256}.`),
    },
    {
      kind: 'table',
      header: ['Setting', 'Value', 'Set by', 'What it decides'],
      rows: report.settings.map((s) => [
        s.name,
        s.value,
        s.defaulted ? 'default (not given)' : 'given',
        s.description,
      ]),
    },
  ];
  if (report.excluded.length > 0) {
    blocks.push(
      {
        kind: 'callout',
        tone: 'alert',
        text: `${report.excluded.length} patient(s) were excluded as invalid and are not analysed.`,
      },
      {
        kind: 'table',
        header: ['Patient', 'Reasons'],
        rows: report.excluded.map((e) => [e.patientId ?? '(no id)', e.reasons.join('; ')]),
      },
    );
  }
  blocks.push(...inputWarningBlocks(report));
  const fu = cohort.medianFollowUpMonths;
  const c = cohort.followUpCompleteness;
  blocks.push(
    { kind: 'heading', level: 2, text: 'Cohort' },
    {
      kind: 'table',
      header: ['Item', 'Value'],
      rows: [
        ['Patients operated', String(cohort.n)],
        ['Surgery dates', `${cohort.firstSurgery ?? 'NA'} to ${cohort.lastSurgery ?? 'NA'}`],
        [
          'Median follow-up, months (95% CI; reverse Kaplan-Meier)',
          withInterval(fu.estimate, fu.lower, fu.upper),
        ],
        [
          "Follow-up completeness over 2 years (Clark's C: observed / potential person-time)",
          c.index === null
            ? 'NA (no follow-up could have been observed)'
            : `${percent(c.index)} (${c.observedDays} of ${c.potentialDays} days)`,
        ],
        ['Deaths', String(cohort.deaths)],
        ['Not yet operated at the data cut', String(cohort.notYetOperated.length)],
      ],
    },
  );
  return blocks;
}

/** The warnings of reading the input: a callout and the first few, all in report.json. */
function inputWarningBlocks(report: TrialReport): Block[] {
  if (report.inputWarnings.length === 0) return [];
  const shown = report.inputWarnings.slice(0, MAX_WARNINGS_SHOWN);
  const more = report.inputWarnings.length - shown.length;
  return [
    {
      kind: 'callout',
      tone: 'warn',
      text: `The input was read with ${report.inputWarnings.length} warning(s): nothing was dropped without a note, but each deserves a look.`,
    },
    {
      kind: 'list',
      items: [
        ...shown.map((w) => `${w.patientId === null ? '' : `${w.patientId}: `}${w.message}`),
        ...(more > 0 ? [`... and ${more} more (all in report.json, inputWarnings)`] : []),
      ],
    },
  ];
}

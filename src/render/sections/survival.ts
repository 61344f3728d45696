import { DAYS_PER_MONTH } from '../../model/iso-date.js';
import { kaplanMeierPlot } from '../../plot/kaplan-meier-plot.js';
import type {
  EndpointReport,
  LandmarkIncidence,
  LandmarkSurvival,
  TrialReport,
} from '../../report/trial-report.js';
import type { Block } from '../block.js';
import { fixed, percent, percentInterval, withInterval } from '../format.js';

const months = (days: number) => days / DAYS_PER_MONTH;

/** `no patient followed to 24 months`: why a landmark estimate is missing. */
export function notEstimableText(days: number): string {
  return `not estimable (no patient followed to ${fixed(months(days), 0)} months)`;
}

/** A landmark estimate with its interval and number at risk, or why it is not estimable. */
export function landmarkText(
  row: LandmarkSurvival | LandmarkIncidence | undefined,
  value: (r: LandmarkSurvival | LandmarkIncidence) => number | null,
): string {
  if (row === undefined) return 'NA';
  if (!row.estimable) return `${notEstimableText(row.time)}, 0 at risk`;
  return `${percent(value(row))} (${percentInterval(row.lower, row.upper)}), ${row.nRisk} at risk`;
}

export const survivalOf = (r: LandmarkSurvival | LandmarkIncidence) =>
  'survival' in r ? r.survival : r.estimate;

/** One endpoint: its definition, Kaplan-Meier curve and risk table (nothing for no patients). */
export function endpointBlocks(s: EndpointReport): Block[] {
  if (s.n === 0) return [];
  return [
    { kind: 'heading', level: 3, text: s.label },
    { kind: 'paragraph', text: s.definition },
    {
      kind: 'figure',
      file: `plots/km-${s.endpoint}.svg`,
      svg: kaplanMeierPlot([{ label: s.label, fit: s.fit }], {
        title: s.label,
        idPrefix: `km-${s.endpoint}`,
        riskTimes: s.riskTable.map((r) => months(r.time)),
      }),
      caption: `${s.label}: Kaplan-Meier estimate with its 95% confidence band; ticks mark censored patients; numbers at risk below the axis.`,
    },
    {
      kind: 'table',
      header: ['Months', ...s.riskTable.map((r) => fixed(months(r.time), 0))],
      numeric: s.riskTable.map((_, i) => i + 1),
      rows: [
        ['At risk', ...s.riskTable.map((r) => String(r.nRisk))],
        ['Events (cumulative)', ...s.riskTable.map((r) => String(r.cumulativeEvents))],
        ['Censored (cumulative)', ...s.riskTable.map((r) => String(r.cumulativeCensored))],
      ],
    },
  ];
}

/**
 * The Kaplan-Meier summary of endpoints: patients, events, the 1- and 2-year estimates with
 * their numbers at risk (or why not estimable), and the median.
 */
export function endpointTable(endpoints: readonly EndpointReport[]): Block {
  return {
    kind: 'table',
    header: [
      'Endpoint (Kaplan-Meier)',
      'Patients',
      'Events',
      '1 year (95% CI), at risk',
      '2 years (95% CI), at risk',
      'Median, months (95% CI)',
    ],
    numeric: [1, 2],
    rows: endpoints.map((s) => {
      const md = s.median;
      const m = (d: number | null) => (d === null ? null : months(d));
      return [
        s.label,
        String(s.n),
        String(s.events),
        landmarkText(s.at[0], survivalOf),
        landmarkText(s.at[1], survivalOf),
        withInterval(m(md.estimate), m(md.lower), m(md.upper)),
      ];
    }),
  };
}

/**
 * The time-to-event endpoints: Kaplan-Meier estimates at 1 and 2 years with the numbers at
 * risk (or why not estimable), medians, definitions, the cumulative incidence with death as a
 * competing event, and one curve with its risk table per endpoint.
 */
export function survivalBlocks(report: TrialReport): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Time-to-event endpoints (2 years)' },
    endpointTable(report.survival),
    { kind: 'list', items: report.survival.map((s) => `${s.label}: ${s.definition}`) },
  ];
  const competing = report.survival.filter((s) => s.competingRisk !== null);
  if (competing.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        text: 'Cumulative incidence with death as a competing event (Aalen-Johansen): the probability of having had the event by then, where a death without it ends the risk instead of being censored.',
      },
      {
        kind: 'table',
        header: [
          'Cumulative incidence of',
          'Events',
          'Competing deaths',
          '1 year (95% CI), at risk',
          '2 years (95% CI), at risk',
        ],
        numeric: [1, 2],
        rows: competing.map((s) => {
          const cr = s.competingRisk!;
          return [
            s.endpoint === 'castration-resistance' ? 'Castration resistance' : 'Distant metastasis',
            String(cr.events),
            String(cr.competingDeaths),
            landmarkText(cr.at[0], survivalOf),
            landmarkText(cr.at[1], survivalOf),
          ];
        }),
      },
    );
  }
  for (const s of report.survival) blocks.push(...endpointBlocks(s));
  return blocks;
}

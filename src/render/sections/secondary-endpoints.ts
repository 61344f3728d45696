import { kaplanMeierPlot } from '../../plot/kaplan-meier-plot.js';
import type { ResponseComparison, TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';
import { fixed } from '../format.js';
import { endpointBlocks, endpointTable, landmarkText, survivalOf } from './survival.js';

/**
 * The endpoints sLND series report beside the registered ones: biochemical-recurrence-free
 * survival after a complete response and freedom from hormone therapy, each with its
 * definition, curve and risk table; an endpoint without patients says why.
 */
export function secondaryEndpointBlocks(report: TrialReport): Block[] {
  const endpoints = report.secondaryEndpoints;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Further endpoints of sLND series' },
    endpointTable(endpoints),
    { kind: 'list', items: endpoints.map((s) => `${s.label}: ${s.definition}`) },
  ];
  for (const s of endpoints) {
    if (s.n === 0) {
      blocks.push({
        kind: 'callout',
        tone: 'note',
        text: `${s.label}: no patient qualifies, so nothing is estimated (${s.definition.split('.')[0]}).`,
      });
    }
    blocks.push(...endpointBlocks(s));
  }
  return blocks;
}

const pValue = (c: ResponseComparison) =>
  c.test === null || c.test.pValue === null
    ? 'NA'
    : c.test.pValue < 0.001
      ? '< 0.001'
      : fixed(c.test.pValue, 3);

/** Why a comparison has no test, in words. */
const noTest = (c: ResponseComparison) =>
  c.groups.some((g) => g.n === 0)
    ? 'a group has no patients'
    : 'the variance is 0 (no event, or all in one group at each time)';

/**
 * The registered time-to-event endpoints by the 6-week response (complete vs not): each group's
 * 1- and 2-year estimates, the log-rank test, and one plot with both curves.
 */
export function byResponseBlocks(report: TrialReport): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Time-to-event endpoints by 6-week PSA response' },
    {
      kind: 'table',
      header: [
        'Endpoint',
        'Group',
        'Patients',
        'Events',
        '1 year, at risk',
        '2 years, at risk',
        'Log-rank p',
      ],
      numeric: [2, 3],
      rows: report.byResponse.flatMap((c) =>
        c.groups.map((g, i) => [
          i === 0 ? c.label : '',
          g.group,
          String(g.n),
          String(g.events),
          landmarkText(g.at[0], survivalOf),
          landmarkText(g.at[1], survivalOf),
          i === 0 ? pValue(c) : '',
        ]),
      ),
    },
    {
      kind: 'paragraph',
      text: `Complete response: PSA < 0.2 ng/mL at 6 weeks, before any hormone therapy. Patients without an evaluable 6-week PSA are in neither group (${report.byResponse[0]?.notEvaluable ?? 0}). Log-rank test as R's survdiff (2 groups, 1 df). Exploratory: the response is not randomised.`,
    },
  ];
  for (const c of report.byResponse) {
    if (c.test === null || c.test.statistic === null) {
      blocks.push({
        kind: 'callout',
        tone: 'note',
        text: `${c.label}: no log-rank test, ${noTest(c)}.`,
      });
    }
    if (c.groups.every((g) => g.n === 0)) continue;
    blocks.push({
      kind: 'figure',
      file: `plots/km-${c.endpoint}-by-response.svg`,
      svg: kaplanMeierPlot(
        c.groups.filter((g) => g.n > 0).map((g) => ({ label: g.group, fit: g.fit })),
        { title: `${c.label}, by 6-week response`, idPrefix: `km-${c.endpoint}-by-response` },
      ),
      caption: `${c.label} by 6-week PSA response: Kaplan-Meier estimates with 95% confidence bands.`,
    });
  }
  return blocks;
}

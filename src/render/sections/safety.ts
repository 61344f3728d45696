import { type BoundaryPlotInput, boundaryPlot } from '../../plot/boundary-plot.js';
import type { TrialReport } from '../../report/trial-report.js';
import type { Block } from '../block.js';
import { fixed, plural } from '../format.js';

/**
 * The headline of the safety monitor, never plainer than the data allow: a STOP names the look
 * (evaluable patient) where the boundary was crossed; a continue is amber, not green, when
 * patients lie beyond the rule's planned maximum (the rule does not assess them) or when the
 * rule is the library's default that nobody chose for the trial.
 */
export function safetyHeadline(safety: TrialReport['safety']): {
  tone: 'ok' | 'warn' | 'alert';
  text: string;
} {
  const m = safety.monitor;
  const e = m.evaluation;
  const unchosen = safety.ruleIsDefault
    ? " No rule was given: this is the library's default, not a rule chosen for this trial; give the protocol's rule (--rule, or the rule option)."
    : '';
  if (m.decision === 'stop') {
    return {
      tone: 'alert',
      text:
        `STOP: the boundary of ${safety.rule} was crossed at evaluable patient ${e.patients}: ` +
        `${plural(e.events, 'major complication')} in the first ${e.patients} evaluable patients, ` +
        `more than the ${e.boundary ?? 'NA'} it allows there.${unchosen}`,
    };
  }
  const lastLook = safety.looks[safety.looks.length - 1] ?? 0;
  if (safety.beyondRule > 0) {
    return {
      tone: 'warn',
      text:
        `Not assessed beyond patient ${lastLook}: ${safety.rule} covers the first ${lastLook} ` +
        `evaluable patients (${plural(e.events, 'major complication')}, boundary not crossed); ` +
        `${plural(safety.beyondRule, 'evaluable patient')} beyond its planned maximum ` +
        `${safety.beyondRule === 1 ? 'is' : 'are'} not assessed by it. In all: ` +
        `${plural(m.events, 'major complication')} in ${m.evaluable} evaluable patients.${unchosen}`,
    };
  }
  const text =
    `Continue: ${plural(m.events, 'major complication')} in ${m.evaluable} evaluable ` +
    `patients; the boundary of ${safety.rule} is not crossed.${unchosen}`;
  return { tone: safety.ruleIsDefault ? 'warn' : 'ok', text };
}

/** The safety monitor: headline, rule, counts, operating characteristics and boundary plot. */
export function safetyBlocks(safety: TrialReport['safety']): Block[] {
  const m = safety.monitor;
  const headline = safetyHeadline(safety);
  const oc = safety.operatingCharacteristics;
  const plotInput: BoundaryPlotInput = {
    looks: safety.looks,
    maxAllowed: safety.maxAllowed,
    observed: safety.path,
    decision: m.decision,
  };
  return [
    { kind: 'heading', level: 2, text: 'Safety monitor' },
    { kind: 'callout', tone: headline.tone, text: headline.text },
    {
      kind: 'paragraph',
      text: `Rule ${safety.rule} (${safety.ruleIsDefault ? 'default: no rule was given' : 'given'}). ${safety.description}`,
    },
    {
      kind: 'table',
      header: ['Item', 'Value'],
      rows: [
        ['Evaluable patients', String(m.evaluable)],
        [
          'Major complications within 90 days (IIIa or higher; a death counts as V)',
          String(m.events),
        ],
        ['Pending (inside their 90-day window)', String(m.pending)],
        ['Lost to follow-up before day 90 without an event (not counted)', String(m.incomplete)],
        [
          "Evaluable patients beyond the rule's planned maximum (not assessed)",
          String(safety.beyondRule),
        ],
      ],
    },
    {
      kind: 'table',
      header: ['True rate', 'P(stop)', 'Expected patients'],
      numeric: [0, 1, 2],
      rows: oc.rates.map((p, i) => [
        fixed(p, 2),
        fixed(oc.crossProbability[i] ?? null, 3),
        fixed(oc.expectedSampleSize[i] ?? null, 1),
      ]),
    },
    {
      kind: 'figure',
      file: 'plots/safety-boundary.svg',
      svg: boundaryPlot(plotInput, {
        title: 'Major complications against evaluable patients',
        idPrefix: 'safety',
      }),
      caption:
        'Cumulative major complications after each evaluable patient, with the stopping boundary.',
    },
  ];
}

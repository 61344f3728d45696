import { escapeXml } from '../_lib/escape-xml.js';
import {
  evaluateStoppingRule as evaluateStoppingRuleData,
  type StoppingEvaluation,
  type StoppingRule,
} from '../monitoring/evaluate-stopping-rule.js';
import { boundaryPlot } from '../plot/boundary-plot.js';
import { escapeMarkdown } from '../render/report-markdown.js';
import { attachDisplay, type Displayable } from './attach-display.js';

function sentence(e: StoppingEvaluation): string {
  return e.decision === 'stop'
    ? `Stop: ${e.events} event(s) in ${e.patients} patient(s) cross the boundary${e.boundary === null ? '' : ` (at most ${e.boundary} allowed)`}.`
    : `Continue: ${e.events} event(s) in ${e.patients} patient(s); the boundary is not crossed.`;
}

/**
 * `evaluateStoppingRule` from `src/monitoring` with notebook
 * display attached: the same plain data, plus non-enumerable `toHTML()`, `toMarkdown()`, and,
 * for a rule given as looks and `maxAllowed`, `toSVG()` and a Jupyter bundle with the boundary
 * plot and the observed path.
 *
 * @param rule - a boundary, a `toxicityBoundary` result, an SPRT or a Simon design.
 * @param outcomes - per-patient outcomes in order of entry (true = event).
 * @throws {TypeError|RangeError} as the evaluation.
 * @example evaluateStoppingRule({ looks: [10, 20], maxAllowed: [3, 5] }, outcomes).decision;
 */
export function evaluateStoppingRule(
  rule: StoppingRule,
  outcomes: readonly boolean[],
): StoppingEvaluation & Displayable {
  const evaluation = evaluateStoppingRuleData(rule, outcomes);
  const boundary =
    'looks' in rule && 'maxAllowed' in rule
      ? { looks: rule.looks, maxAllowed: rule.maxAllowed }
      : 'looks' in rule && 'lower' in rule
        ? { looks: rule.looks, maxAllowed: rule.lower.boundary }
        : null;
  const svg =
    boundary === null
      ? undefined
      : () => {
          const observed: { patients: number; events: number }[] = [];
          let events = 0;
          for (const [i, o] of outcomes.slice(0, evaluation.patients).entries()) {
            if (o) events++;
            observed.push({ patients: i + 1, events });
          }
          return boundaryPlot(
            { ...boundary, observed, decision: evaluation.decision },
            { idPrefix: 'boundary' },
          );
        };
  return attachDisplay(evaluation, {
    text: () => sentence(evaluation),
    html: () => `<p>${escapeXml(sentence(evaluation))}</p>${svg === undefined ? '' : svg()}`,
    markdown: () => escapeMarkdown(sentence(evaluation)),
    ...(svg === undefined ? {} : { svg }),
  });
}

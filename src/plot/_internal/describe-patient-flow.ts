import type { FlowExits, FlowStages } from './read-patient-flow.js';

// Internal: the patient-flow diagram in words, for its `<desc>` (what a screen reader says),
// and a short account of its size for the message of a flow too tall to draw.

/** "4 not operated (Withdrew consent: 2; ...)". */
function describeExits(e: FlowExits, what: string): string {
  const reasons = e.reasons.map((r) => `${r.reason}: ${r.count}`).join('; ');
  return reasons === '' ? `${e.total} ${what}` : `${e.total} ${what} (${reasons})`;
}

/** Every stage with its count, and every side box with its reasons. */
export function describePatientFlow(s: FlowStages): string {
  const parts: string[] = [];
  if (s.assessed !== null) {
    parts.push(
      `${s.assessed.count} assessed for eligibility`,
      describeExits(s.assessed.exits, 'excluded'),
    );
  }
  parts.push(
    `${s.enrolled} enrolled`,
    describeExits(s.notOperated, 'not operated'),
    `${s.operated} underwent sLND`,
  );
  for (const ep of s.endpoints) {
    parts.push(
      `${ep.endpoint}: ${ep.evaluable} evaluable, ${describeExits(ep.exits, 'excluded from analysis')}`,
    );
  }
  return `Patient flow (CONSORT): ${parts.join('; ')}.`;
}

/** How many endpoints and reasons a flow has and its longest text. */
export function describeFlowSize(s: FlowStages): string {
  let reasons = 0;
  let longest = 0;
  const measure = (text: string): void => {
    longest = Math.max(longest, [...text].length);
  };
  const lists = [s.assessed?.exits.reasons ?? [], s.notOperated.reasons];
  for (const ep of s.endpoints) {
    measure(ep.endpoint);
    lists.push(ep.exits.reasons);
  }
  for (const list of lists) {
    for (const r of list) {
      reasons += 1;
      measure(r.reason);
    }
  }
  return `${s.endpoints.length} endpoint(s) and ${reasons} reason(s), the longest text ${longest} characters`;
}

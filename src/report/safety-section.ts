import type { IsoDate, Patient } from '../model/types.js';
import { boundaryOperatingCharacteristics } from '../monitoring/boundary-operating-characteristics.js';
import { safetyMonitor } from '../monitoring/safety-monitor.js';
import type { ResolvedStoppingRule } from './stopping-rule-spec.js';
import type { TrialReport } from './trial-report.js';

/**
 * The safety monitor under the stopping rule: the decision (`safetyMonitor`), the rule's exact
 * operating characteristics at its two rates, the path of cumulative events after each
 * evaluable patient, and how many evaluable patients lie beyond the rule's planned maximum.
 */
export function safetySection(
  cohort: readonly Patient[],
  rule: ResolvedStoppingRule,
  ruleIsDefault: boolean,
  asOf: IsoDate,
): TrialReport['safety'] {
  const monitor = safetyMonitor(cohort, { rule, asOf });
  const path: { patients: number; events: number }[] = [];
  for (const row of monitor.patients) {
    if (row.order !== null && row.cumulativeEvents !== null) {
      path.push({ patients: row.order, events: row.cumulativeEvents });
    }
  }
  path.sort((a, b) => a.patients - b.patients);
  const lastLook = rule.looks[rule.looks.length - 1] ?? 0;
  return {
    rule: rule.spec,
    ruleIsDefault,
    description: rule.description,
    looks: rule.looks,
    maxAllowed: rule.maxAllowed,
    operatingCharacteristics: boundaryOperatingCharacteristics({
      looks: rule.looks,
      maxAllowed: rule.maxAllowed,
      rates: [...rule.rates],
    }),
    monitor,
    path,
    beyondRule: Math.max(0, monitor.evaluable - lastLook),
  };
}

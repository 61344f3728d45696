import type { IsoDate } from '../model/types.js';
import type { ReportSetting } from './trial-report.js';
import type { TrialReportOptions } from './trial-report-options.js';

/** Every setting of the analysis, with whether it was given or defaulted. */
export function reportSettings(
  options: TrialReportOptions,
  asOf: IsoDate,
  rule: string,
  crpc: { readonly castrationResistance: string; readonly castrationResistanceDefinition: string },
): ReportSetting[] {
  const { castrationResistance, castrationResistanceDefinition } = crpc;
  const ruleIsDefault = options.rule === undefined;
  return [
    {
      name: 'as-of',
      value: asOf,
      defaulted: options.asOf === undefined,
      description: 'the data cut: nothing dated later is used (default: the latest last follow-up)',
    },
    {
      name: 'rule',
      value: rule,
      defaulted: ruleIsDefault,
      description: ruleIsDefault
        ? 'the safety stopping rule; none was given, so the library default was applied: the protocol should name its rule'
        : 'the safety stopping rule',
    },
    {
      name: 'crpc',
      value: castrationResistance,
      defaulted: options.castrationResistance === undefined,
      description: 'how castration resistance is dated: as recorded, or derived from the labs',
    },
    {
      name: 'crpc-definition',
      value: castrationResistanceDefinition,
      defaulted: options.castrationResistanceDefinition === undefined,
      description: 'the definition of castration resistance the labs are checked against',
    },
  ];
}

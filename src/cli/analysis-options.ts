import { cohortAsOf } from '../model/cohort-as-of.js';
import { isCalendarDate, isIsoDate, MAX_YEAR, MIN_YEAR } from '../model/iso-date.js';
import type { Patient } from '../model/types.js';
import type { TrialReportOptions } from '../report/build-trial-report.js';
import { stoppingRuleFromSpec } from '../report/stopping-rule-spec.js';
import type { CliIo } from './cli-io.js';
import type { ReportValues } from './parse-report-args.js';
import { UsageError } from './usage-error.js';

/**
 * The analysis options `--as-of`, `--rule`, `--crpc` and `--crpc-definition`, checked. They
 * are the user's to fix: checked here, so that an error from the analysis itself stays an
 * internal error (exit 1) rather than passing for a usage error. A data cut before every
 * surgery is reported, with the exit status 2 returned.
 */
export function analysisOptions(
  io: CliIo,
  input: string,
  patients: readonly Patient[],
  values: ReportValues,
): TrialReportOptions | number {
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new UsageError(
      isCalendarDate(asOf)
        ? `--as-of must be a date in the years ${MIN_YEAR}-${MAX_YEAR}. Value: "${asOf}".`
        : `--as-of must be a calendar date written YYYY-MM-DD. Value: "${asOf}".`,
    );
  }
  if (asOf !== undefined && cohortAsOf(patients, asOf).patients.length === 0) {
    // A cut before every surgery leaves no patient: as for an empty cohort, no report of none.
    const first = patients.reduce((a, p) => (p.surgeryDate < a ? p.surgeryDate : a), '9999-12-31');
    io.err(
      `${input}: no patient was operated on or before --as-of ${asOf} (the first sLND is on ` +
        `${first}); no report written.`,
    );
    return 2;
  }
  if (values.rule !== undefined) {
    try {
      stoppingRuleFromSpec(values.rule);
    } catch (error) {
      throw new UsageError(`--rule: ${(error as Error).message}`);
    }
  }
  const crpc = values.crpc;
  if (crpc !== undefined && crpc !== 'recorded' && crpc !== 'derived') {
    throw new UsageError(`--crpc must be recorded or derived. Value: "${crpc}".`);
  }
  const crpcDefinition = values['crpc-definition'];
  if (crpcDefinition !== undefined && crpcDefinition !== 'eau' && crpcDefinition !== 'pcwg3') {
    throw new UsageError(`--crpc-definition must be eau or pcwg3. Value: "${crpcDefinition}".`);
  }
  return {
    ...(asOf === undefined ? {} : { asOf }),
    ...(values.rule === undefined ? {} : { rule: values.rule }),
    ...(crpc === undefined ? {} : { castrationResistance: crpc }),
    ...(crpcDefinition === undefined ? {} : { castrationResistanceDefinition: crpcDefinition }),
  };
}

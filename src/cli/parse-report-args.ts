import { parseArgs } from 'node:util';
import { CSV_OPTIONS } from './csv-options.js';

/** The arguments of `report`, as parseArgs reads them. */
export function parseReportArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'slnd-stats-report' },
      format: { type: 'string', default: 'html,md,json' },
      'as-of': { type: 'string' },
      rule: { type: 'string' },
      crpc: { type: 'string' },
      'crpc-definition': { type: 'string' },
      'exclude-invalid': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...CSV_OPTIONS,
    },
  });
}

export type ReportValues = ReturnType<typeof parseReportArgs>['values'];

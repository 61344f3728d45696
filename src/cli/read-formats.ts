import type { ReportFormat } from '../node/write-report.js';
import { UsageError } from './usage-error.js';

const FORMATS: readonly ReportFormat[] = ['html', 'md', 'json'];

/** `--format` read: a comma-separated list of html, md and json. */
export function readFormats(format: string): ReportFormat[] {
  const formats = format.split(',').map((f) => f.trim());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`--format: "${f}" is not one of ${FORMATS.join(', ')}`);
    }
  }
  return formats as ReportFormat[];
}

import { parseArgs } from 'node:util';
import { columnMappingJsonSchema } from '../input/column-mapping-schema.js';
import { cohortJsonSchema } from '../model/cohort-schema.js';
import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';

/**
 * `slnd-stats schema [--mapping]`: prints the JSON Schema of a cohort file (or of a column
 * mapping file).
 *
 * @returns the exit status, 0.
 */
export function schemaCommand(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: {
      mapping: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) io.out(HELP.schema);
  else {
    const json = values.mapping ? columnMappingJsonSchema() : cohortJsonSchema();
    io.out(JSON.stringify(json, null, 2));
  }
  return 0;
}

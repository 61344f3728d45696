import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as input from '../../src/input/index.js';

describe('src/input barrel (the slnd-stats/csv entry)', () => {
  it('exports the CSV reader, the values of its options, the file names, the mapping schema and the error', () => {
    expect(Object.keys(input).sort()).toEqual([
      'CSV_DIALECTS',
      'CohortInputError',
      'FILE_NAMES',
      'UNKNOWN_COLUMNS',
      'columnMappingJsonSchema',
      'parseCohortCsv',
      'validateCohortCsv',
    ]);
  });

  it('stays browser-safe: no node: imports and not csv-parse/sync (it needs the Buffer global)', () => {
    for (const folder of ['src/input', 'src/simulate']) {
      for (const name of readdirSync(folder)) {
        const text = readFileSync(join(folder, name), 'utf8');
        expect(text, `${folder}/${name}`).not.toMatch(/from ['"]node:|require\(/);
        expect(text, `${folder}/${name}`).not.toMatch(/from ['"]csv-parse(\/sync)?['"]/);
        expect(text, `${folder}/${name}`).not.toMatch(/\bBuffer\./);
      }
    }
  });
});

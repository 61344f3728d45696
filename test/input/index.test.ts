import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as input from '../../src/input/index.js';

describe('src/input barrel', () => {
  it('exports the CSV reader and its error', () => {
    expect(Object.keys(input).sort()).toEqual([
      'CohortInputError',
      'parseCohortCsv',
      'parseCohortCsvOrThrow',
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

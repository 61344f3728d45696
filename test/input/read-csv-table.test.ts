// The CSV reader's parser (csv-parse, chosen per runtime by package.json's "imports"): its
// syntax errors are the user's data problems, anything else it throws is this library's fault
// and must never be reported as bad data (issue 13: under Deno every file was reported as "not
// readable as CSV: that.write is not a function", sending a data manager to look at good files).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CohortInputIssue } from '../../src/input/cohort-input-error.js';
import type { ColumnSpec } from '../../src/input/csv-layout.js';

const failure = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock('#csv-parse', async (importOriginal) => {
  const csv = await importOriginal<typeof import('csv-parse/sync')>();
  return {
    ...csv,
    parse: (...args: Parameters<typeof csv.parse>) => {
      if (failure.error !== null) throw failure.error;
      return csv.parse(...args);
    },
  };
});

const { readTable } = await import('../../src/input/read-csv-table.js');

// readTable looks only at each column's name and whether it is required.
const SPECS = [
  { name: 'patient_id', required: true },
  { name: 'date', required: true },
  { name: 'value', required: true },
] as unknown as readonly ColumnSpec[];

function read(text: string) {
  const issues: CohortInputIssue[] = [];
  const table = readTable('psa.csv', text, SPECS, 'error', issues, []);
  return { table, issues };
}

afterEach(() => {
  failure.error = null;
});

describe('readTable: parser failures', () => {
  it('reports a CSV syntax error as a data problem, with its line', () => {
    const { table, issues } = read('patient_id,date,value\n007,"2024"x,1\n');
    expect(table).toBeNull();
    expect(issues).toMatchObject([{ code: 'csv_syntax', line: 2 }]);
  });

  it("throws the parser's own failure instead of blaming the file", () => {
    failure.error = new TypeError('that.write is not a function');
    expect(() => read('patient_id,date,value\n007,2024-01-01,1\n')).toThrow(
      'that.write is not a function',
    );
  });

  it('reads the rows of a good file with their lines', () => {
    const { table, issues } = read('patient_id,date,value\n007,2024-01-01,1\n\n008,2024-02-01,2\n');
    expect(issues).toEqual([]);
    expect(table?.rows.map((r) => [r.line, r.cells.get('patient_id')?.text])).toEqual([
      [2, '007'],
      [4, '008'],
    ]);
  });
});

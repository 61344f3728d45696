// Reads one CSV file of an export into rows of known columns, with the line and column of every
// cell, reporting file-level problems (encoding, separator, header) as issues.
//
// csv-parse's `csv-parse/sync` entry (lib/sync.js) calls the Node global `Buffer`, so it fails
// in a browser; `csv-parse/browser/esm/sync` is the same parser, bundled by csv-parse with its
// own Buffer shim and no Node import. It is used here so this module stays browser-safe.
import { parse } from 'csv-parse/browser/esm/sync';
import { describeValue } from '../_lib/describe-value.js';
import { type CohortInputIssue, inputIssue } from './cohort-input-error.js';
import type { ColumnSpec } from './csv-layout.js';

/**
 * The longest first line read as a header. The layout's header is under 200 characters; even
 * with many unknown columns (`unknownColumns: 'warning'`) a real header stays far below this,
 * while a junk file without line breaks would otherwise be parsed whole as its header.
 */
const MAX_HEADER_CHARS = 65_536;

export interface Cell {
  /** The cell's text, surrounding whitespace removed. */
  readonly text: string;
  /** 1-based column. */
  readonly column: number;
}

export interface Row {
  /** 1-based line where the record starts (the header is line 1). */
  readonly line: number;
  /** Cells of known columns, by lower-case column name (absent column: no entry). */
  readonly cells: ReadonlyMap<string, Cell>;
}

export interface Table {
  readonly rows: readonly Row[];
  /** 1-based column of each known column name present in the header. */
  readonly columns: ReadonlyMap<string, number>;
}

/** Parses one file into rows of known columns; null when the file as a whole is unreadable. */
export function readTable(
  file: string,
  rawText: string,
  specs: readonly ColumnSpec[],
  unknownColumns: 'error' | 'warning',
  issues: CohortInputIssue[],
  warnings: CohortInputIssue[],
): Table | null {
  // The BOM is dropped and line endings made LF before parsing: csv-parse counts a CRLF inside a
  // quoted cell as two lines, which would shift every later line number by one.
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fileIssue = (line: number | null, code: string, message: string): null => {
    issues.push(inputIssue(file, line, null, null, '', code, message));
    return null;
  };
  const expected = specs.map((s) => s.name).join(',');
  if (text.trim() === '') {
    return fileIssue(null, 'empty_file', `the file is empty; expected the header line ${expected}`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control !== null) {
    // A NUL or other control character: a binary file or one in another encoding (UTF-16).
    // Checked before parsing so that junk fails at once with its line, not after a slow parse.
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fileIssue(
      text.slice(0, control.index).split('\n').length,
      'control_character',
      `control character U+${code}: the file is not comma-separated UTF-8 text (binary, or ` +
        'UTF-16?); export it as CSV UTF-8',
    );
  }
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  if (headerLine.length > MAX_HEADER_CHARS) {
    return fileIssue(
      1,
      'csv_syntax',
      `the first line is ${headerLine.length} characters long, not a header; expected the ` +
        `header line ${expected}`,
    );
  }
  for (const [char, name] of [
    [';', 'semicolons (";")'],
    ['\t', 'tabs'],
  ] as const) {
    if (headerLine.includes(char) && !headerLine.includes(',')) {
      return fileIssue(
        1,
        'wrong_separator',
        `the file is separated by ${name}, not commas; export it as comma-separated CSV ` +
          `with a decimal point (header ${expected})`,
      );
    }
  }

  type Records = { record: string[]; raw?: string; info: { lines: number } }[];
  const parseCsv = (csv: string): Records | null => {
    try {
      return parse(csv, {
        cast: false,
        info: true,
        raw: true,
        relax_column_count: true,
        skip_empty_lines: false,
      }) as unknown as Records;
    } catch (error) {
      const line = (error as { lines?: unknown }).lines;
      return fileIssue(
        typeof line === 'number' ? line : null,
        'csv_syntax',
        `not readable as CSV: ${(error as Error).message}`,
      );
    }
  };

  // The header is checked before the rest is parsed, so a file that is not this table (junk,
  // another export) fails at once; parsing megabytes only to reject line 1 took seconds.
  const headerRecords = parseCsv(headerLine);
  if (headerRecords === null) return null;
  // A blank first line is an empty header: reported as its missing columns, as before.
  const headerRecord = headerRecords[0] ?? { record: [''] };
  const header = headerRecord.record.map((h) => h.trim().toLowerCase());
  const known = new Map(specs.map((s) => [s.name, s]));
  const columns = new Map<string, number>();
  let ok = true;
  header.forEach((name, i) => {
    const column = i + 1;
    const original = headerRecord.record[i]!;
    if (known.has(name)) {
      if (columns.has(name)) {
        issues.push(
          inputIssue(
            file,
            1,
            column,
            null,
            '',
            'duplicate_column',
            `column "${original}" appears twice (columns ${columns.get(name)} and ${column})`,
          ),
        );
        ok = false;
      } else columns.set(name, column);
      return;
    }
    const issue = inputIssue(
      file,
      1,
      column,
      null,
      '',
      'unknown_column',
      `unknown column ${describeValue(original)}; the columns of ${file} are ${expected}`,
    );
    (unknownColumns === 'error' ? issues : warnings).push(issue);
  });
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.name)) {
      issues.push(
        inputIssue(
          file,
          1,
          null,
          null,
          '',
          'missing_column',
          `required column "${spec.name}" is missing; the header is ${describeValue(headerLine)}`,
        ),
      );
      ok = false;
    }
  }
  if (!ok) return null;

  const records = parseCsv(text);
  if (records === null) return null;
  const rows: Row[] = [];
  for (const { record, raw = '', info } of records.slice(1)) {
    // info.lines is the line where the record ends; a quoted cell may hold line breaks.
    const line = info.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== header.length) {
      const hint =
        record.length > header.length && /\d,\d/.test(raw)
          ? ' (a decimal comma? write 1.2, not 1,2)'
          : '';
      issues.push(
        inputIssue(
          file,
          line,
          null,
          null,
          '',
          'wrong_field_count',
          `the row has ${record.length} fields but the header has ${header.length}${hint}`,
        ),
      );
      continue;
    }
    const cells = new Map<string, Cell>();
    for (const [name, column] of columns) {
      cells.set(name, { text: record[column - 1]!.trim(), column });
    }
    rows.push({ line, cells });
  }
  return { rows, columns };
}

// Reads one CSV file of an export into rows of known columns, with the line and column of every
// cell, reporting file-level problems (encoding, separator, header) as issues.
//
// The parser is csv-parse's synchronous API, in the build that suits the runtime, chosen by the
// `#csv-parse` entry of package.json's "imports" (a Node condition): Node, Deno and Bun get
// `csv-parse/sync`, which uses their global `Buffer`; everything else (browsers, workers) gets
// `csv-parse/browser/esm/sync`, the same parser bundled with an old Buffer polyfill. That
// polyfill turns a Uint8Array into a Buffer by assigning `__proto__`, which Deno does not honour
// (its `__proto__` setter adds an own property instead), so under Deno it failed on every file
// with "that.write is not a function" (issue 13): the browser build must not reach Deno.
import { parse } from '#csv-parse';
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

/** csv-parse's error codes for text that is not CSV (the others are about its options). */
const CSV_SYNTAX_CODES: ReadonlySet<string> = new Set([
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_MAX_RECORD_SIZE',
  'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH',
  'CSV_RECORD_INCONSISTENT_COLUMNS',
  'INVALID_OPENING_QUOTE',
]);

/** A csv-parse error about the text (it carries the line it stopped at). */
function isCsvSyntaxError(error: unknown): error is Error & { code: string; lines?: unknown } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && CSV_SYNTAX_CODES.has(code);
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

  /** csv-parse's records; `raw` and `info` only when parsed with lines. */
  type Records = { record: string[]; raw?: string; info?: { lines: number } }[];
  const parseCsv = (csv: string, withLines: boolean): Records | null => {
    try {
      return (withLines
        ? parse(csv, {
            cast: false,
            info: true,
            raw: true,
            relax_column_count: true,
            skip_empty_lines: false,
          })
        : (
            parse(csv, {
              cast: false,
              relax_column_count: true,
              skip_empty_lines: false,
            }) as string[][]
          ).map((record) => ({ record }))) as unknown as Records;
    } catch (error) {
      // Only csv-parse's syntax errors describe the file; anything else (a TypeError from the
      // parser, an option it rejects) is a fault of this library and is thrown as such, never
      // reported to the user as bad data.
      if (!isCsvSyntaxError(error)) throw error;
      const line = error.lines;
      return fileIssue(
        typeof line === 'number' ? line : null,
        'csv_syntax',
        `not readable as CSV: ${(error as Error).message}`,
      );
    }
  };

  // The header is checked before the rest is parsed, so a file that is not this table (junk,
  // another export) fails at once; parsing megabytes only to reject line 1 took seconds.
  const headerRecords = parseCsv(headerLine, false);
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

  // Records without csv-parse's line information first (three times faster: a registry export
  // has 10^6 rows): when there are as many records as lines, record i is on line i + 1. Only a
  // file with a line break inside a quoted cell is parsed again with each record's lines.
  let records = parseCsv(text, false);
  if (records === null) return null;
  let lines = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  const onePerLine = records.length === lines;
  if (!onePerLine) {
    records = parseCsv(text, true);
    if (records === null) return null;
  }
  const rows: Row[] = [];
  for (let index = 1; index < records.length; index++) {
    const { record, info } = records[index]!;
    const raw = records[index]!.raw ?? record.join(',');
    // info.lines is the line where the record ends; a quoted cell may hold line breaks.
    const line = onePerLine
      ? index + 1
      : info!.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0);
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

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
import { DE_DIALECT_HINT, DIALECT_RULES, type DialectRules } from './csv-dialect.js';
import type { ColumnSpec } from './csv-layout.js';
import type { ResolvedFileMapping } from './resolve-column-mapping.js';

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
  /** A column mapping's codes for this column: lower-case code → the layout's text (null: empty). */
  readonly codes?: ReadonlyMap<string, string | null>;
  /** The export's checkbox cells a column mapping makes this (list) cell from. */
  readonly checkboxes?: readonly CheckboxCell[];
}

/** One checkbox cell of an export, and the list value it stands for when checked. */
export interface CheckboxCell {
  readonly text: string;
  readonly column: number;
  /** The export's column name, as its header writes it. */
  readonly header: string;
  readonly value: string;
}

/** How an export is written: its dialect, and the column mapping of this file (if any). */
export interface TableFormat {
  readonly dialect?: DialectRules;
  readonly mapping?: ResolvedFileMapping;
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
  unknownColumns: 'error' | 'warning' | 'ignore',
  issues: CohortInputIssue[],
  warnings: CohortInputIssue[],
  format: TableFormat = {},
): Table | null {
  const dialect = format.dialect ?? DIALECT_RULES.standard;
  // The BOM is dropped and line endings made LF before parsing: csv-parse counts a CRLF inside a
  // quoted cell as two lines, which would shift every later line number by one.
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fileIssue: FileIssue = (line, code, message) => {
    issues.push(inputIssue(file, line, null, null, '', code, message));
    return null;
  };
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const problem = fileProblem(text, headerLine, dialect, specs);
  if (problem !== null) return fileIssue(problem.line, problem.code, problem.message);
  const parseCsv = (csv: string, withLines: boolean) =>
    parseRecords(csv, dialect.separator, withLines, fileIssue);

  // The header is checked before the rest is parsed, so a file that is not this table (junk,
  // another export) fails at once; parsing megabytes only to reject line 1 took seconds.
  const headerRecords = parseCsv(headerLine, false);
  if (headerRecords === null) return null;
  // A blank first line is an empty header: reported as its missing columns, as before.
  const headerRecord = headerRecords[0] ?? { record: [''] };
  const header = headerRecord.record.map((h) => h.trim().toLowerCase());
  const layout = readHeader(file, header, headerRecord.record, headerLine, specs, format.mapping);
  for (const issue of layout.issues) issues.push(issue);
  if (unknownColumns !== 'ignore') {
    for (const issue of layout.unknown)
      (unknownColumns === 'error' ? issues : warnings).push(issue);
  }
  const { columns, checkboxGroups } = layout;
  // An unknown column, even as an error, leaves the known ones readable: their rows' problems
  // are reported with it.
  const ok = layout.issues.length === 0;
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
  // The columns read as they are, each with its mapped codes (looked up once, not per row).
  const plain = [...columns]
    .filter(([name]) => !checkboxGroups.has(name))
    .map(([name, column]) => [name, column, format.mapping?.codes.get(name)] as const);
  const shape = { file, dialect, fields: header.length, onePerLine, plain, checkboxGroups };
  return { rows: readRows(records, shape, issues), columns };
}

/** Reports a problem of the whole file (line null: of no one line); returns null, the table. */
type FileIssue = (line: number | null, code: string, message: string) => null;

/** A problem of the whole file, found before any parsing. */
interface FileProblem {
  readonly line: number | null;
  readonly code: string;
  readonly message: string;
}

/**
 * Why the file is not this table at all, before it is parsed: empty, a control character (a
 * binary file, UTF-16), a first line too long for a header, or another separator; or null.
 */
function fileProblem(
  text: string,
  headerLine: string,
  dialect: DialectRules,
  specs: readonly ColumnSpec[],
): FileProblem | null {
  const expected = specs.map((s) => s.name).join(dialect.separator);
  if (text.trim() === '') {
    return {
      line: null,
      code: 'empty_file',
      message: `the file is empty; expected the header line ${expected}`,
    };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control !== null) {
    // A NUL or other control character: a binary file or one in another encoding (UTF-16).
    // Checked before parsing so that junk fails at once with its line, not after a slow parse.
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      line: text.slice(0, control.index).split('\n').length,
      code: 'control_character',
      message:
        `control character U+${code}: the file is not comma-separated UTF-8 text (binary, or ` +
        'UTF-16?); export it as CSV UTF-8',
    };
  }
  if (headerLine.length > MAX_HEADER_CHARS) {
    return {
      line: 1,
      code: 'csv_syntax',
      message:
        `the first line is ${headerLine.length} characters long, not a header; expected the ` +
        `header line ${expected}`,
    };
  }
  const separatorProblem = wrongSeparator(headerLine, dialect, expected);
  if (separatorProblem !== null) {
    return { line: 1, code: 'wrong_separator', message: separatorProblem };
  }
  return null;
}

/** csv-parse's records; `raw` and `info` only when parsed with lines. */
type Records = { record: string[]; raw?: string; info?: { lines: number } }[];

/**
 * The records of `csv` (with each record's raw text and end line when `withLines`), or null
 * when csv-parse finds it is not CSV (reported through `fileIssue`).
 */
function parseRecords(
  csv: string,
  separator: string,
  withLines: boolean,
  fileIssue: FileIssue,
): Records | null {
  try {
    return (withLines
      ? parse(csv, {
          cast: false,
          delimiter: separator,
          info: true,
          raw: true,
          relax_column_count: true,
          skip_empty_lines: false,
        })
      : (
          parse(csv, {
            cast: false,
            delimiter: separator,
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
}

/** What every row of a file is read against: its header and how its lines are counted. */
interface RowShape {
  readonly file: string;
  readonly dialect: DialectRules;
  /** Fields in the header. */
  readonly fields: number;
  /** Record i is on line i + 1 (no line break inside a quoted cell). */
  readonly onePerLine: boolean;
  /** The columns read as they are: name, 1-based column, the mapping's codes. */
  readonly plain: readonly (readonly [string, number, Cell['codes']])[];
  readonly checkboxGroups: ReadonlyMap<string, readonly Omit<CheckboxCell, 'text'>[]>;
}

/** The records after the header as rows (blank ones skipped; a wrong field count an issue). */
function readRows(records: Records, shape: RowShape, issues: CohortInputIssue[]): Row[] {
  const { onePerLine, plain, checkboxGroups } = shape;
  const rows: Row[] = [];
  for (let index = 1; index < records.length; index++) {
    const { record, info } = records[index]!;
    const raw = records[index]!.raw ?? record.join(',');
    // info.lines is the line where the record ends; a quoted cell may hold line breaks.
    const line = onePerLine
      ? index + 1
      : info!.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== shape.fields) {
      issues.push(fieldCountIssue(shape, line, record.length, raw));
      continue;
    }
    const cells = new Map<string, Cell>();
    for (const [name, column, codes] of plain) {
      const text = record[column - 1]!.trim();
      cells.set(name, codes === undefined ? { text, column } : { text, column, codes });
    }
    for (const [name, group] of checkboxGroups) {
      const checkboxes = group.map((box) => ({ ...box, text: record[box.column - 1]!.trim() }));
      cells.set(name, { text: '', column: group[0]!.column, checkboxes });
    }
    rows.push({ line, cells });
  }
  return rows;
}

/** A row with more or fewer fields than the header, with a hint when a decimal comma is why. */
function fieldCountIssue(
  shape: RowShape,
  line: number,
  fields: number,
  raw: string,
): CohortInputIssue {
  const hint =
    fields > shape.fields && shape.dialect.separator === ',' && /\d,\d/.test(raw)
      ? ` (a decimal comma? write 1.2, not 1,2, or ${DE_DIALECT_HINT} with ";" between fields)`
      : '';
  return inputIssue(
    shape.file,
    line,
    null,
    null,
    '',
    'wrong_field_count',
    `the row has ${fields} fields but the header has ${shape.fields}${hint}`,
  );
}

/** Why the header's separator is not the dialect's, or null. */
function wrongSeparator(
  headerLine: string,
  dialect: DialectRules,
  expected: string,
): string | null {
  const has = (char: string) => headerLine.includes(char);
  if (dialect.separator === ',') {
    if (has(';') && !has(',')) {
      return (
        'the file is separated by semicolons (";"), not commas; export it as comma-separated CSV ' +
        `with a decimal point (header ${expected}), or ${DE_DIALECT_HINT} (";", decimal comma, ` +
        'DD.MM.YYYY dates)'
      );
    }
    if (has('\t') && !has(',')) {
      return (
        'the file is separated by tabs, not commas; export it as comma-separated CSV ' +
        `with a decimal point (header ${expected})`
      );
    }
    return null;
  }
  for (const [char, name] of [
    [',', 'commas'],
    ['\t', 'tabs'],
  ] as const) {
    if (has(char) && !has(';')) {
      return (
        `the file is separated by ${name}, not semicolons as the de dialect expects (header ` +
        `${expected}); a comma-separated export with a decimal point is read without --csv-dialect de`
      );
    }
  }
  return null;
}

/** The header read against the layout, with a column mapping applied. */
interface Header {
  /** 1-based column of each layout column present (a checkbox list: its first checkbox). */
  readonly columns: Map<string, number>;
  /** The layout's list columns a mapping makes from checkboxes, with their columns. */
  readonly checkboxGroups: Map<string, Omit<CheckboxCell, 'text'>[]>;
  /** Problems that make the file unreadable. */
  readonly issues: CohortInputIssue[];
  /** `unknown_column` issues: errors or warnings, as the caller chooses. */
  readonly unknown: CohortInputIssue[];
}

/**
 * Matches the header's names (lower case, trimmed) to the layout's columns: a mapping's
 * `ignore`d columns are left out, its `columns` renamed and its checkbox columns gathered into
 * their list column. A name twice, an unknown name and a missing required column are issues.
 */
function readHeader(
  file: string,
  header: readonly string[],
  originals: readonly string[],
  headerLine: string,
  specs: readonly ColumnSpec[],
  mapping: ResolvedFileMapping | undefined,
): Header {
  const headerIssue: HeaderIssue = (column, code, message) =>
    inputIssue(file, 1, column, null, '', code, message);
  const known = new Set(specs.map((s) => s.name));
  const matched = matchNames(header, originals, known, mapping, headerIssue);
  const { columns, boxes } = matched;
  const issues = matched.duplicates;
  const expected = specs.map((s) => s.name).join(', ');
  const unnamed = mapping === undefined ? '' : ' (the column mapping does not name it)';
  const unknown = matched.unknown.map(({ column, original }) =>
    headerIssue(
      column,
      'unknown_column',
      `unknown column ${describeValue(original)}${unnamed}; the columns of ${file} are ${expected}`,
    ),
  );
  const checkboxGroups = new Map<string, Omit<CheckboxCell, 'text'>[]>();
  for (const [target, list] of mapping?.checkboxes ?? []) {
    const present = list.filter((b) => boxes.has(b.source)).map((b) => boxes.get(b.source)!);
    if (present.length === 0) continue;
    if (columns.has(target)) {
      issues.push(
        headerIssue(
          columns.get(target)!,
          'duplicate_column',
          `${target} is in the header and also made from checkbox columns by the column mapping`,
        ),
      );
      continue;
    }
    for (const box of list) {
      if (boxes.has(box.source)) continue;
      issues.push(
        headerIssue(
          null,
          'missing_column',
          `checkbox column "${box.source}" (${box.value}, of ${target} in the column mapping) is missing, while others of ${target} are there; the header is ${describeValue(headerLine)}`,
        ),
      );
    }
    checkboxGroups.set(target, present);
    columns.set(target, present[0]!.column);
  }
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.name)) {
      issues.push(missingColumnIssue(spec.name, mapping, headerLine, headerIssue));
    }
  }
  return { columns, checkboxGroups, issues, unknown };
}

/** An issue of the header line, in its column (null: of no one column). */
type HeaderIssue = (column: number | null, code: string, message: string) => CohortInputIssue;

/**
 * The header's names matched one by one: the layout column each is (after the mapping's
 * renames; a name the mapping ignores is skipped), a checkbox of the mapping, or unknown. A
 * layout column named twice is a `duplicate_column` issue.
 */
function matchNames(
  header: readonly string[],
  originals: readonly string[],
  known: ReadonlySet<string>,
  mapping: ResolvedFileMapping | undefined,
  headerIssue: HeaderIssue,
): {
  columns: Map<string, number>;
  boxes: Map<string, Omit<CheckboxCell, 'text'>>;
  duplicates: CohortInputIssue[];
  unknown: { column: number; original: string }[];
} {
  const boxOf = new Map<string, { target: string; value: string }>();
  for (const [target, boxes] of mapping?.checkboxes ?? []) {
    for (const box of boxes) boxOf.set(box.source, { target, value: box.value });
  }
  const columns = new Map<string, number>();
  const boxes = new Map<string, Omit<CheckboxCell, 'text'>>();
  const duplicates: CohortInputIssue[] = [];
  const unknown: { column: number; original: string }[] = [];
  header.forEach((name, i) => {
    const column = i + 1;
    const original = originals[i]!;
    if (mapping?.ignore.has(name)) return;
    const box = boxOf.get(name);
    if (box !== undefined) {
      boxes.set(name, { column, header: original.trim(), value: box.value });
      return;
    }
    const target = mapping?.rename.get(name) ?? name;
    if (!known.has(target)) {
      unknown.push({ column, original });
      return;
    }
    const first = columns.get(target);
    if (first === undefined) columns.set(target, column);
    else {
      const mapped = target !== name || mapping?.rename.has(name) === true;
      const message = mapped
        ? `column "${original}"${target === name ? '' : ` (mapped to ${target})`} and column ${first} are both ${target}`
        : `column "${original}" appears twice (columns ${first} and ${column})`;
      duplicates.push(headerIssue(column, 'duplicate_column', message));
    }
  });
  return { columns, boxes, duplicates, unknown };
}

/** A required column missing from the header, saying where the mapping reads it from. */
function missingColumnIssue(
  name: string,
  mapping: ResolvedFileMapping | undefined,
  headerLine: string,
  headerIssue: HeaderIssue,
): CohortInputIssue {
  const from = [...(mapping?.rename ?? [])].filter(([, t]) => t === name).map(([s]) => s);
  const mapped = from.length === 0 ? '' : ` (the column mapping reads it from "${from[0]}")`;
  return headerIssue(
    null,
    'missing_column',
    `required column "${name}" is missing${mapped}; the header is ${describeValue(headerLine)}`,
  );
}

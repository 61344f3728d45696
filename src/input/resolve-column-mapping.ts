// Checks a column mapping (docs/data-format.md, "Column mappings") and turns it into the lookups
// the CSV reader applies: every problem is a named issue with its path in the mapping, found
// before any export is read, so a mapping that would misread a column never reaches the data.
import type { $ZodIssue } from 'zod/v4/core';
import { describeValue } from '../_lib/describe-value.js';
import type { CohortInputIssue } from './cohort-input-error.js';
import { columnMappingSchema } from './column-mapping-schema.js';
import {
  type ColumnSpec,
  FILE_COLUMNS,
  FILE_NAMES,
  type FileKey,
  fileKeyOf,
} from './csv-layout.js';
import { readCell } from './read-csv-cell.js';

/** One checkbox column of an export and the list value it stands for. */
export interface CheckboxColumn {
  /** The export's column, lower case. */
  readonly source: string;
  readonly value: string;
}

/** The mapping of one file, as the reader applies it. Export names are lower case. */
export interface ResolvedFileMapping {
  /** Export column → the layout's column. */
  readonly rename: ReadonlyMap<string, string>;
  /** Export columns left out on purpose. */
  readonly ignore: ReadonlySet<string>;
  /** The layout's column → { lower-case export code → the layout's text; null: empty }. */
  readonly codes: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  /** A list column of the layout → the checkbox columns that make it. */
  readonly checkboxes: ReadonlyMap<string, readonly CheckboxColumn[]>;
}

/** A checked mapping: the files it maps (a file it does not name is read as it is). */
export type ResolvedColumnMapping = ReadonlyMap<FileKey, ResolvedFileMapping>;

/** An export's column or code as the reader matches it. */
const key = (name: string) => name.trim().toLowerCase();

/** `files["patients.csv"].columns.record_id`: a place in the mapping, as JavaScript writes it. */
export function mappingPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part)))
      out += out === '' ? String(part) : `.${String(part)}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/**
 * Checks a column mapping and resolves it. Problems, each an issue of `file` whose path is the
 * place in the mapping: `mapping_invalid` (not the mapping's shape: a wrong type, an unknown
 * key; checkboxes for a column that is not a list), `mapping_unknown_file` (a file the layout
 * does not have), `mapping_unknown_column` (a column of the layout that does not exist),
 * `mapping_conflict` (two export columns onto one, an export column both mapped and ignored, a
 * code twice ignoring case, a list column both mapped and made from checkboxes) and
 * `mapping_invalid_value` (a value the column's reader does not accept: codes map only to what
 * a cell of the layout may hold).
 *
 * @param input - the parsed mapping (JSON).
 * @param file - the mapping's name in issues (`redcap-mapping.json`).
 * @returns the resolved mapping, or null with the issues.
 */
export function resolveColumnMapping(
  input: unknown,
  file: string,
): { mapping: ResolvedColumnMapping; issues: [] } | { mapping: null; issues: CohortInputIssue[] } {
  const issues: CohortInputIssue[] = [];
  const push = (parts: readonly PropertyKey[], code: string, message: string) => {
    const path = mappingPath(parts);
    issues.push({
      file,
      line: null,
      column: null,
      patientId: null,
      path,
      code,
      message: `${file}: ${path === '' ? '' : `${path}: `}${message}`,
    });
  };
  const parsed = columnMappingSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fromZod(issue, input, push);
    return { mapping: null, issues };
  }
  // The raw input, not zod's copy: its own keys as written (a `__proto__` key stays a key).
  const files = (input as { files: Record<string, unknown> }).files;
  const mapping = new Map<FileKey, ResolvedFileMapping>();
  for (const [name, raw] of Object.entries(files)) {
    const fileKey = fileKeyOf(name)!;
    if (raw === undefined) continue;
    const resolved = resolveFile(fileKey, raw as FileMappingInput, (parts, code, message) =>
      push(['files', name, ...parts], code, message),
    );
    mapping.set(fileKey, resolved);
  }
  return issues.length === 0 ? { mapping, issues: [] } : { mapping: null, issues };
}

type Push = (parts: readonly PropertyKey[], code: string, message: string) => void;

interface FileMappingInput {
  readonly columns?: Record<string, string>;
  readonly values?: Record<string, Record<string, string | number | boolean | null>>;
  readonly checkboxes?: Record<string, Record<string, string>>;
  readonly ignore?: string[];
}

function resolveFile(fileKey: FileKey, raw: FileMappingInput, push: Push): ResolvedFileMapping {
  const context = fileContext(fileKey, push);
  const { rename, renamedFrom } = resolveColumns(raw.columns ?? {}, context);
  const ignore = new Set<string>();
  (raw.ignore ?? []).forEach((name, i) => {
    if (context.claim(['ignore', i], name, 'ignored')) ignore.add(key(name));
  });
  const checkboxes = resolveCheckboxes(raw.checkboxes ?? {}, renamedFrom, context);
  const codes = resolveCodes(raw.values ?? {}, checkboxes, context);
  return { rename, ignore, codes, checkboxes };
}

/** What resolving the mapping of one file works with: its layout, and the columns it claims. */
interface FileContext {
  readonly fileName: string;
  readonly specs: readonly ColumnSpec[];
  readonly push: Push;
  /** The layout's column called `name` (any case); undefined, after an issue, when none is. */
  readonly specOf: (parts: readonly PropertyKey[], name: string) => ColumnSpec | undefined;
  /**
   * Claims the export column `name` for `what` ("mapped to age", "ignored"): false, after an
   * issue, when it has no name or is claimed already, so that no export column is used twice.
   */
  readonly claim: (parts: readonly PropertyKey[], name: string, what: string) => boolean;
}

function fileContext(fileKey: FileKey, push: Push): FileContext {
  const fileName = FILE_NAMES[fileKey];
  const specs = FILE_COLUMNS[fileKey];
  const columnList = specs.map((s) => s.name).join(', ');
  /** Every export column the mapping uses, with where. */
  const sources = new Map<string, string>();
  return {
    fileName,
    specs,
    push,
    specOf: (parts, name) => {
      const spec = specs.find((s) => s.name === key(name));
      if (spec === undefined) {
        push(
          parts,
          'mapping_unknown_column',
          `${describeValue(name)} is not a column of ${fileName}; its columns are ${columnList}`,
        );
      }
      return spec;
    },
    claim: (parts, name, what) => {
      const source = key(name);
      if (source === '') {
        push(parts, 'mapping_invalid', 'an export column needs a name');
        return false;
      }
      const before = sources.get(source);
      if (before !== undefined) {
        push(
          parts,
          'mapping_conflict',
          `export column ${describeValue(name)} is ${what}, and also ${before}`,
        );
        return false;
      }
      sources.set(source, what);
      return true;
    },
  };
}

/** `columns`: export column → the layout's column, one export column per layout column. */
function resolveColumns(
  columns: Record<string, string>,
  { specOf, claim, push }: FileContext,
): { rename: Map<string, string>; renamedFrom: Map<string, string> } {
  const rename = new Map<string, string>();
  const renamedFrom = new Map<string, string>();
  for (const [source, target] of Object.entries(columns)) {
    const parts = ['columns', source];
    const spec = specOf(parts, target);
    if (spec === undefined || !claim(parts, source, `mapped to ${spec.name}`)) continue;
    const other = renamedFrom.get(spec.name);
    if (other !== undefined) {
      push(
        parts,
        'mapping_conflict',
        `${describeValue(source)} and ${describeValue(other)} are both mapped to ${spec.name}`,
      );
      continue;
    }
    renamedFrom.set(spec.name, source);
    rename.set(key(source), spec.name);
  }
  return { rename, renamedFrom };
}

/** `checkboxes`: a list column of the layout → its checkbox columns, each one of its values. */
function resolveCheckboxes(
  input: Record<string, Record<string, string>>,
  renamedFrom: ReadonlyMap<string, string>,
  context: FileContext,
): Map<string, CheckboxColumn[]> {
  const { fileName, specs, push } = context;
  const checkboxes = new Map<string, CheckboxColumn[]>();
  for (const [target, boxes] of Object.entries(input)) {
    const spec = context.specOf(['checkboxes', target], target);
    if (spec === undefined) continue;
    if (spec.kind !== 'list') {
      const lists = specs.filter((s) => s.kind === 'list').map((s) => s.name);
      push(
        ['checkboxes', target],
        'mapping_invalid',
        `checkboxes make a list column; ${spec.name} is not one (${lists.length === 0 ? `${fileName} has none` : `the list columns of ${fileName}: ${lists.join(', ')}`})`,
      );
      continue;
    }
    if (renamedFrom.has(spec.name)) {
      push(
        ['checkboxes', target],
        'mapping_conflict',
        `${spec.name} is made from checkboxes and also mapped from ${describeValue(renamedFrom.get(spec.name))}`,
      );
      continue;
    }
    checkboxes.set(spec.name, checkboxColumns(spec, target, boxes, context));
  }
  return checkboxes;
}

/** The checkbox columns of one list column, each standing for one value of it. */
function checkboxColumns(
  spec: ColumnSpec,
  target: string,
  boxes: Record<string, string>,
  { fileName, push, claim }: FileContext,
): CheckboxColumn[] {
  const list: CheckboxColumn[] = [];
  for (const [source, value] of Object.entries(boxes)) {
    const parts = ['checkboxes', target, source];
    const item = readCell(spec, { text: value, column: 0 }, fileName);
    if (item === null || 'error' in item || (item.value as string[]).length !== 1) {
      push(
        parts,
        'mapping_invalid_value',
        `${describeValue(value)} is not one value of ${spec.name}: ${spec.values!.join(', ')}`,
      );
      continue;
    }
    const one = (item.value as string[])[0]!;
    if (list.some((b) => b.value === one)) {
      push(parts, 'mapping_conflict', `two checkbox columns stand for ${one}`);
      continue;
    }
    if (claim(parts, source, `a checkbox of ${spec.name}`))
      list.push({ source: key(source), value: one });
  }
  return list;
}

/** `values`: a column of the layout → { export code → the layout's text (null: empty) }. */
function resolveCodes(
  values: Record<string, Record<string, string | number | boolean | null>>,
  checkboxes: ReadonlyMap<string, readonly CheckboxColumn[]>,
  context: FileContext,
): Map<string, Map<string, string | null>> {
  const codes = new Map<string, Map<string, string | null>>();
  for (const [target, table] of Object.entries(values)) {
    const spec = context.specOf(['values', target], target);
    if (spec === undefined) continue;
    if (checkboxes.has(spec.name)) {
      context.push(
        ['values', target],
        'mapping_conflict',
        `${spec.name} is made from checkboxes, which have no codes`,
      );
      continue;
    }
    codes.set(spec.name, codeTable(spec, target, table, context));
  }
  return codes;
}

/** One column's codes, each checked to be a code once (ignoring case) and a value it may hold. */
function codeTable(
  spec: ColumnSpec,
  target: string,
  table: Record<string, string | number | boolean | null>,
  { fileName, push }: FileContext,
): Map<string, string | null> {
  const resolved = new Map<string, string | null>();
  const written = new Map<string, string>();
  for (const [code, value] of Object.entries(table)) {
    const parts = ['values', target, code];
    const other = written.get(key(code));
    if (other !== undefined) {
      push(
        parts,
        'mapping_conflict',
        `codes ${describeValue(other)} and ${describeValue(code)} are one code (codes are matched ignoring case and spaces)`,
      );
      continue;
    }
    written.set(key(code), code);
    const text = value === null ? null : String(value);
    if (text !== null) {
      // The value must be what a cell of this column may hold, read in the standard dialect.
      const read = readCell(
        { ...spec, required: true },
        { text: text.trim(), column: 0 },
        fileName,
      );
      if (read !== null && 'error' in read) {
        push(
          parts,
          'mapping_invalid_value',
          `${describeValue(value)} is not a value of ${spec.name}: ${read.error}`,
        );
        continue;
      }
    }
    resolved.set(key(code), text === null ? null : text.trim());
  }
  return resolved;
}

/** One zod issue of the mapping's shape as mapping issues. */
function fromZod(issue: $ZodIssue, input: unknown, push: Push): void {
  const parts = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const inFiles = parts.length === 1 && parts[0] === 'files';
    for (const k of issue.keys) {
      if (inFiles) {
        push(
          [...parts, k],
          'mapping_unknown_file',
          `${describeValue(k)} is not a file of the layout; the files are ${Object.values(FILE_NAMES).join(', ')}`,
        );
      } else {
        const allowed =
          parts.length === 0
            ? '$schema, description, files'
            : 'columns, values, checkboxes, ignore';
        push([...parts, k], 'mapping_invalid', `unknown key; the keys here are ${allowed}`);
      }
    }
    return;
  }
  let value: unknown = input;
  for (const part of parts) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[part]
        : undefined;
  }
  const expected =
    issue.code === 'invalid_union'
      ? 'a string, a number, true, false or null'
      : issue.code === 'invalid_type'
        ? issue.expected === 'record'
          ? 'an object'
          : issue.expected === 'object' || issue.expected === 'array'
            ? `an ${issue.expected}`
            : `a ${issue.expected}`
        : null;
  if (expected !== null && value === undefined && issue.code === 'invalid_type') {
    push(parts, 'mapping_invalid', `is required (${expected})`);
  } else if (expected !== null) {
    push(parts, 'mapping_invalid', `must be ${expected}. Value: ${describeValue(value)}`);
  } else push(parts, 'mapping_invalid', issue.message);
}

// Reads one cell under its column's rules (an id, a calendar date, a PSA value with `<limit`
// for undetectable, a number, a count, a Clavien-Dindo grade, a yes/no, one or several values
// of a list, free text) in the export's dialect, or says what is wrong with it. A column mapping
// (docs/data-format.md, "Column mappings") is applied first: an export's code becomes the value
// the mapping gives, read in the standard dialect.
import { describeValue } from '../_lib/describe-value.js';
import { parseClavienDindoGrade } from '../complications/grades.js';
import { isCalendarDate, isIsoDate, MAX_YEAR, MIN_YEAR } from '../model/iso-date.js';
import {
  type CsvDialect,
  DE_DIALECT_HINT,
  DIALECT_RULES,
  type DialectRules,
} from './csv-dialect.js';
import { type ColumnSpec, LIST_SEPARATOR } from './csv-layout.js';
import type { Cell } from './read-csv-table.js';

/** A decimal number: digits with an optional point and exponent (no thousands separators). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** The same with a decimal comma (the de dialect). */
const NUMBER_DECIMAL_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;

/** An undetectable result as labs export it: `<0.03`, `< 0.03`. */
const BELOW_LIMIT = /^<\s*(.*)$/;

/** A day-first date (`18.03.2024`, `1.3.2024`): the de dialect's, and a hint in the standard. */
const DAY_FIRST_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * The spellings of a yes/no cell, any case: what spreadsheets (`TRUE`), REDCap (`1`/`0`) and
 * forms (`Yes`) export; the de dialect also reads `ja`/`nein`. Anything else (`y`, `x`,
 * `unknown`) is an error: map another export's codes with a column mapping.
 */
const TRUE_WORDS: ReadonlySet<string> = new Set(['yes', 'true', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['no', 'false', '0']);
const BOOLEAN_WORDS: Readonly<
  Record<CsvDialect, { yes: ReadonlySet<string>; no: ReadonlySet<string>; spellings: string }>
> = {
  standard: { yes: TRUE_WORDS, no: FALSE_WORDS, spellings: 'yes/no, true/false, 1/0 (any case)' },
  de: {
    yes: new Set([...TRUE_WORDS, 'ja']),
    no: new Set([...FALSE_WORDS, 'nein']),
    spellings: 'yes/no, ja/nein, true/false, 1/0 (any case)',
  },
};
/** A REDCap checkbox cell also reads as its label export writes it; empty is unchecked. */
const CHECKED_WORDS: ReadonlySet<string> = new Set([...TRUE_WORDS, 'checked']);
const UNCHECKED_WORDS: ReadonlySet<string> = new Set([...FALSE_WORDS, 'unchecked', '']);

/** The value of one cell under its column's rules, or an issue (at `column` when given). */
export type CellResult =
  | { readonly value: unknown }
  | { readonly error: string; readonly code: string; readonly column?: number };

type Failure = { readonly error: string; readonly code: string; readonly column?: number };

/**
 * Reads one cell; null for an empty optional cell (the field is absent).
 *
 * @param spec - the column.
 * @param cell - the cell, or undefined when the column is not in the header.
 * @param file - the file's name, for messages.
 * @param dialect - how the export writes numbers and dates (default the standard dialect).
 */
export function readCell(
  spec: ColumnSpec,
  cell: Cell | undefined,
  file: string,
  dialect: DialectRules = DIALECT_RULES.standard,
): CellResult | null {
  let text = cell?.text ?? '';
  let rules = dialect;
  let mappedFrom: string | null = null;
  if (cell?.checkboxes !== undefined) {
    const checked = readCheckboxes(cell);
    if ('error' in checked) return checked;
    text = checked.text;
    rules = DIALECT_RULES.standard;
  } else if (cell?.codes !== undefined && text !== '') {
    const mapped = cell.codes.get(text.toLowerCase());
    if (mapped === undefined) {
      const codes = [...cell.codes.keys()].map((c) => describeValue(c)).join(', ');
      return {
        code: 'unmapped_value',
        error: `${spec.name} ${describeValue(text)} is not a code the column mapping lists for it (its codes: ${codes})`,
      };
    }
    mappedFrom = text;
    text = mapped ?? '';
    // A mapped value is written as the layout writes it, whatever the export's dialect.
    rules = DIALECT_RULES.standard;
  }
  if (text === '') {
    if (!spec.required) return null;
    const from =
      mappedFrom === null ? '' : ` (the column mapping makes ${describeValue(mappedFrom)} empty)`;
    return { code: 'empty_cell', error: `${spec.name} is empty; it is required${from}` };
  }
  return readText(spec, text, file, rules);
}

function readText(spec: ColumnSpec, text: string, file: string, rules: DialectRules): CellResult {
  // Quoted only for a message: describing every cell of a 10^6-row export cost more than reading it.
  const quoted = () => describeValue(text);
  switch (spec.kind) {
    case 'id':
    case 'text':
      return { value: text };
    case 'date':
      return readDate(spec, text, rules, quoted);
    case 'grade':
      try {
        return { value: parseClavienDindoGrade(text) };
      } catch (error) {
        const why = /Clavien-Dindo grade( \([^)]*\))?\. Accepted/.exec((error as Error).message);
        return {
          code: 'invalid_grade',
          error:
            `grade ${quoted()} is not a Clavien-Dindo grade${why?.[1] ?? ''}; accepted: I, II, ` +
            'IIIa, IIIb, IVa, IVb, V or 1, 2, 3a, 3b, 4a, 4b, 5, optionally with "Grade", ' +
            '"-" before a/b, and the suffix d (e.g. "Grade IIIb", "IV-a", "IId")',
        };
      }
    case 'boolean': {
      const word = text.toLowerCase();
      const words = BOOLEAN_WORDS[rules.name];
      if (words.yes.has(word)) return { value: true };
      if (words.no.has(word)) return { value: false };
      return {
        code: 'invalid_boolean',
        error: `${spec.name} ${quoted()} is not a yes or no; accepted: ${words.spellings}`,
      };
    }
    case 'choice': {
      const value = choiceOf(spec).get(normalise(text));
      if (value !== undefined) return { value };
      return {
        code: 'invalid_value',
        error: `${spec.name} ${quoted()} is not one of ${spec.values!.join(', ')}`,
      };
    }
    case 'list':
      return readList(spec, text, quoted);
    case 'integer': {
      const number = readNumber(spec.name, text, quoted, rules);
      if ('error' in number || Number.isInteger(number.value)) return number;
      return {
        code: 'invalid_number',
        error: `${spec.name} ${quoted()} is not a whole number; it is a count`,
      };
    }
    case 'psa':
    case 'number': {
      const below = BELOW_LIMIT.exec(text);
      if (below !== null) {
        if (spec.kind === 'number') {
          return {
            code: 'censored_value',
            error: `${spec.name} ${quoted()}: a "<" result is accepted only in psa.csv; write the number (${file} has no undetectable flag)`,
          };
        }
        const limit = readNumber(spec.name, below[1]!.trim(), quoted, rules);
        if ('error' in limit) return limit;
        if (limit.value === 0) {
          return {
            code: 'out_of_range',
            error: `${spec.name} ${quoted()}: the detection limit after "<" must be > 0`,
          };
        }
        return { value: { value: limit.value, undetectable: true } };
      }
      const number = readNumber(spec.name, text, quoted, rules);
      if ('error' in number) return number;
      return spec.kind === 'psa' ? { value: { value: number.value } } : number;
    }
  }
}

function readDate(
  spec: ColumnSpec,
  text: string,
  rules: DialectRules,
  quoted: () => string,
): CellResult {
  let iso = text;
  // The de dialect reads a day-first date; an ISO date means the same in every dialect.
  const dayFirst = rules.date === 'DD.MM.YYYY' ? DAY_FIRST_DATE.exec(text) : null;
  if (dayFirst !== null) {
    iso = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
  }
  if (isIsoDate(iso)) return { value: iso };
  if (isCalendarDate(iso)) {
    return {
      code: 'year_out_of_range',
      error: `${spec.name} ${quoted()} is outside the years ${MIN_YEAR}-${MAX_YEAR} that slnd-stats accepts`,
    };
  }
  const hint =
    rules.date === 'DD.MM.YYYY'
      ? ' (or YYYY-MM-DD; the de dialect)'
      : DAY_FIRST_DATE.test(text)
        ? ` (day first: ${DE_DIALECT_HINT})`
        : '';
  return {
    code: 'invalid_date',
    error: `${spec.name} ${quoted()} is not an existing calendar date written ${rules.date}${hint}`,
  };
}

function readList(spec: ColumnSpec, text: string, quoted: () => string): CellResult {
  const values: string[] = [];
  const bad = (why: string): Failure => ({
    code: 'invalid_value',
    error: `${spec.name} ${quoted()}: ${why}; write one or more of ${spec.values!.join(', ')}, separated by "${LIST_SEPARATOR}"`,
  });
  for (const part of text.split(LIST_SEPARATOR)) {
    const piece = part.trim();
    if (piece === '') return bad(`an empty value between two "${LIST_SEPARATOR}"`);
    const value = choiceOf(spec).get(normalise(piece));
    if (value === undefined) return bad(`${describeValue(piece)} is not one of them`);
    if (values.includes(value)) return bad(`${value} is named twice`);
    values.push(value);
  }
  return { value: values };
}

/** The text a mapping's checkbox columns make: the values of the checked ones, `|`-separated. */
function readCheckboxes(cell: Cell): { readonly text: string } | Failure {
  const checked: string[] = [];
  for (const box of cell.checkboxes!) {
    const word = box.text.toLowerCase();
    if (CHECKED_WORDS.has(word)) checked.push(box.value);
    else if (!UNCHECKED_WORDS.has(word)) {
      return {
        code: 'invalid_boolean',
        column: box.column,
        error: `checkbox column ${describeValue(box.header)} ${describeValue(box.text)} is not checked or unchecked; accepted: ${BOOLEAN_WORDS.standard.spellings}, checked/unchecked, empty`,
      };
    }
  }
  return { text: checked.join(LIST_SEPARATOR) };
}

/** A choice compared ignoring case, with a space or `_` for `-` (`urinary retention`). */
function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

const choices = new WeakMap<ColumnSpec, ReadonlyMap<string, string>>();

/** The normalised spellings of a choice column's values, built once per column. */
function choiceOf(spec: ColumnSpec): ReadonlyMap<string, string> {
  let map = choices.get(spec);
  if (map === undefined) {
    map = new Map((spec.values ?? []).map((v) => [normalise(v), v]));
    choices.set(spec, map);
  }
  return map;
}

/**
 * A number >= 0 written in the dialect (`1.25`, or `1,25` in the de dialect), or an issue
 * naming the column.
 */
export function readNumber(
  name: string,
  text: string,
  quoted: () => string,
  rules: DialectRules = DIALECT_RULES.standard,
): { readonly value: number } | Failure {
  const commaDecimal = rules.decimal === ',';
  if (!(commaDecimal ? NUMBER_DECIMAL_COMMA : NUMBER).test(text)) {
    let hint = '';
    if (!commaDecimal && /^\d+,\d+$/.test(text)) {
      hint = ` (decimal comma? write it with a point: 1.2, or ${DE_DIALECT_HINT})`;
    } else if (commaDecimal && /^[+-]?[\d.]+(?:,\d*)?$/.test(text)) {
      hint =
        ' (the de dialect writes a decimal comma, 1,2, and reads no thousands separator: 1200, not 1.200)';
    }
    return { code: 'invalid_number', error: `${name} ${quoted()} is not a number${hint}` };
  }
  const value = Number(commaDecimal ? text.replace(',', '.') : text);
  if (!Number.isFinite(value)) {
    return { code: 'not_finite', error: `${name} ${quoted()} is not a finite number` };
  }
  if (value < 0) {
    return { code: 'out_of_range', error: `${name} ${quoted()} is negative; values must be >= 0` };
  }
  // Number('-0') is -0; a result of "-0" is 0.
  return { value: value === 0 ? 0 : value };
}

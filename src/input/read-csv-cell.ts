// Reads one cell under its column's rules (an id, a calendar date, a PSA value with `<limit`
// for undetectable, a number, a Clavien-Dindo grade, free text), or says what is wrong with it.
import { describeValue } from '../_lib/describe-value.js';
import { parseClavienDindoGrade } from '../complications/grades.js';
import { isCalendarDate, isIsoDate, MAX_YEAR, MIN_YEAR } from '../model/iso-date.js';
import type { ColumnSpec } from './csv-layout.js';
import type { Cell } from './read-csv-table.js';

/** A decimal number: digits with an optional point and exponent (no thousands separators). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** An undetectable result as labs export it: `<0.03`, `< 0.03`. */
const BELOW_LIMIT = /^<\s*(.*)$/;

/** The value of one cell under its column's rules, or an issue. */
export type CellResult =
  | { readonly value: unknown }
  | { readonly error: string; readonly code: string };

export function readCell(
  spec: ColumnSpec,
  cell: Cell | undefined,
  file: string,
): CellResult | null {
  if (cell === undefined || cell.text === '') {
    return spec.required
      ? { code: 'empty_cell', error: `${spec.name} is empty; it is required` }
      : null;
  }
  const { text } = cell;
  // Quoted only for a message: describing every cell of a 10^6-row export cost more than reading it.
  const quoted = () => describeValue(text);
  switch (spec.kind) {
    case 'id':
    case 'text':
      return { value: text };
    case 'date':
      if (isIsoDate(text)) return { value: text };
      return isCalendarDate(text)
        ? {
            code: 'year_out_of_range',
            error: `${spec.name} ${quoted()} is outside the years ${MIN_YEAR}-${MAX_YEAR} that slnd-stats accepts`,
          }
        : {
            code: 'invalid_date',
            error: `${spec.name} ${quoted()} is not an existing calendar date written YYYY-MM-DD`,
          };
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
    case 'psa':
    case 'number': {
      const below = BELOW_LIMIT.exec(text);
      if (below !== null) {
        if (spec.kind === 'number') {
          return {
            code: 'censored_value',
            error: `value ${quoted()}: a "<" result is accepted only in psa.csv; write the number (${file} has no undetectable flag)`,
          };
        }
        const limit = readNumber(below[1]!.trim(), quoted);
        if ('error' in limit) return limit;
        if (limit.value === 0) {
          return {
            code: 'out_of_range',
            error: `value ${quoted()}: the detection limit after "<" must be > 0`,
          };
        }
        return { value: { value: limit.value, undetectable: true } };
      }
      const number = readNumber(text, quoted);
      if ('error' in number) return number;
      return spec.kind === 'psa' ? { value: { value: number.value } } : number;
    }
  }
}

export function readNumber(
  text: string,
  quoted: () => string,
): { readonly value: number } | { readonly error: string; readonly code: string } {
  if (!NUMBER.test(text)) {
    const hint = /^\d+,\d+$/.test(text) ? ' (decimal comma? write it with a point: 1.2)' : '';
    return { code: 'invalid_number', error: `value ${quoted()} is not a number${hint}` };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return { code: 'not_finite', error: `value ${quoted()} is not a finite number` };
  }
  if (value < 0) {
    return { code: 'out_of_range', error: `value ${quoted()} is negative; values must be >= 0` };
  }
  // Number('-0') is -0; a result of "-0" is 0.
  return { value: value === 0 ? 0 : value };
}

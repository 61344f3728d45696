import { assertArray } from '../../_lib/assert.js';
import { describeValue } from '../../_lib/describe-value.js';

// Reading regression input given either as columns (arrays or typed arrays, one per field, all
// of one length) or as rows with accessors (`{ rows, time: (row, i) => ..., ... }`, the d3
// convention: rows of any shape need no reshaping). Every value is checked where it is read and
// an error names the field and the row: `data.covariates.psa[3] must be a finite number. Value:
// NaN.`

/** An accessor of rows input: the value of one field for one row. */
export type Accessor<Row, Value> = (row: Row, index: number) => Value;

/** How a field is read: where it is (for messages) and its value at row i. */
export interface Field {
  /** `data.covariates.psa[3]` (columns) or `data.covariates.psa(data.rows[3])` (rows). */
  where(i: number): string;
  get(i: number): unknown;
}

/** The input seen as n rows, whichever its form. */
export interface Frame {
  readonly n: number;
  /** Reads the field `path` (e.g. `covariates.psa`) whose column or accessor is `spec`. */
  field(path: string, spec: unknown): Field;
}

/**
 * Opens `data` (named `name` in messages) as a frame. Rows form when it has a `rows` array;
 * otherwise columns, whose length is that of the column `lengthKey` (`time`, `outcome`).
 */
export function openFrame(name: string, data: unknown, lengthKey: string): Frame {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TypeError(
      `${name} must be an object of columns or { rows, ...accessors }. Value: ${describeValue(data)}.`,
    );
  }
  const record = data as Record<string, unknown>;
  if ('rows' in record) {
    const rows = record['rows'];
    // A hole in rows would reach the accessor as undefined (`row.time` then fails inside the
    // caller's code): refused here, naming it. Columns need no such check: a hole reads as
    // undefined, which readNumbers and readIndicator refuse by name.
    assertArray(`${name}.rows`, rows);
    return {
      n: rows.length,
      field(path, spec) {
        if (typeof spec !== 'function') {
          throw new TypeError(
            `${name}.${path} must be an accessor function (row, index) => value when ${name}.rows is given. Value: ${describeValue(spec)}.`,
          );
        }
        const accessor = spec as (row: unknown, index: number) => unknown;
        return {
          where: (i) => `${name}.${path}(${name}.rows[${i}])`,
          get: (i) => accessor(rows[i], i),
        };
      },
    };
  }
  const n = columnOf(name, lengthKey, record[lengthKey]).length;
  return {
    n,
    field(path, spec) {
      const col = columnOf(name, path, spec);
      if (col.length !== n) {
        throw new RangeError(
          `${name}.${path} must have the same length as ${name}.${lengthKey} (${n}). Value: length ${col.length}.`,
        );
      }
      return { where: (i) => `${name}.${path}[${i}]`, get: (i) => col[i] };
    },
  };
}

function columnOf(name: string, path: string, value: unknown): ArrayLike<unknown> {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { length?: unknown }).length !== 'number'
  ) {
    throw new TypeError(
      `${name}.${path} must be an array-like column. Value: ${describeValue(value)}.`,
    );
  }
  return value as ArrayLike<unknown>;
}

/** Reads a numeric field: every value a finite number (a time also >= 0). */
export function readNumbers(frame: Frame, field: Field, nonNegative = false): Float64Array {
  const out = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const v = field.get(i);
    if (typeof v !== 'number') {
      throw new TypeError(`${field.where(i)} must be a number. Value: ${describeValue(v)}.`);
    }
    if (!Number.isFinite(v) || (nonNegative && v < 0)) {
      throw new RangeError(
        `${field.where(i)} must be a finite number${nonNegative ? ' >= 0' : ''}. Value: ${describeValue(v)}.`,
      );
    }
    out[i] = v;
  }
  return out;
}

/** Reads a 0/1 field (`true`/`false` accepted): the codes and how many are 1. */
export function readIndicator(
  frame: Frame,
  field: Field,
): { readonly values: Uint8Array; readonly count: number } {
  const values = new Uint8Array(frame.n);
  let count = 0;
  for (let i = 0; i < frame.n; i++) {
    const v = field.get(i);
    if (v === 1 || v === true) {
      values[i] = 1;
      count++;
    } else if (v !== 0 && v !== false) {
      const message = `${field.where(i)} must be 0 or 1 (or a boolean). Value: ${describeValue(v)}.`;
      throw typeof v === 'number' ? new RangeError(message) : new TypeError(message);
    }
  }
  return { values, count };
}

/** The covariates object: its keys in order (the coefficients' order) and their columns. */
export function readCovariates(
  name: string,
  frame: Frame,
  covariates: unknown,
  reserved: readonly string[] = [],
): { readonly names: readonly string[]; readonly columns: readonly Float64Array[] } {
  if (typeof covariates !== 'object' || covariates === null || Array.isArray(covariates)) {
    throw new TypeError(
      `${name}.covariates must be an object { name: column or accessor }. Value: ${describeValue(covariates)}.`,
    );
  }
  const names = Object.keys(covariates);
  for (const key of names) {
    if (reserved.includes(key)) {
      throw new RangeError(
        `${name}.covariates must not use the reserved name ${describeValue(key)}. Value: ${describeValue(key)}.`,
      );
    }
  }
  const columns = names.map((key) =>
    readNumbers(
      frame,
      frame.field(`covariates.${key}`, (covariates as Record<string, unknown>)[key]),
    ),
  );
  return { names, columns };
}

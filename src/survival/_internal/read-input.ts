import { describeValue } from '../../_lib/describe-value.js';

// Reading survival input, given as rows or as columns, into typed arrays. One pass, no
// per-row objects kept; every time is checked (finite, >= 0) and every indicator coded.

/** One follow-up record: time from the origin and whether the event was observed. */
export interface SurvivalRow {
  readonly time: number;
  readonly event: boolean | 0 | 1;
}

/** The same records as columns; typed arrays are read without copying them first. */
export interface SurvivalColumns {
  readonly time: ArrayLike<number>;
  readonly event: ArrayLike<number | boolean>;
}

/** Rows or columns of (time, event). */
export type SurvivalInput = readonly SurvivalRow[] | SurvivalColumns;

/** A label of a group or stratum: numbers sort numerically, strings by code unit. */
export type Label = string | number;

export interface TimeEvent {
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly eventCount: number;
}

function rowsOrColumns(
  name: string,
  input: unknown,
): { rows: readonly Record<string, unknown>[] } | { cols: Record<string, unknown> } {
  if (Array.isArray(input)) return { rows: input as readonly Record<string, unknown>[] };
  if (typeof input === 'object' && input !== null && 'time' in input) {
    return { cols: input as Record<string, unknown> };
  }
  throw new TypeError(
    `${name} must be an array of rows or an object of columns with a time column. Value: ${describeValue(input)}.`,
  );
}

function checkTime(where: string, value: unknown): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${where} must be a number. Value: ${describeValue(value)}.`);
  }
  if (!(value >= 0) || value === Number.POSITIVE_INFINITY) {
    throw new RangeError(`${where} must be a finite number >= 0. Value: ${describeValue(value)}.`);
  }
  return value;
}

function checkEvent(where: string, value: unknown): 0 | 1 {
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  if (typeof value === 'number') {
    throw new RangeError(`${where} must be 0 or 1. Value: ${describeValue(value)}.`);
  }
  throw new TypeError(`${where} must be a boolean, 0 or 1. Value: ${describeValue(value)}.`);
}

function column(name: string, cols: Record<string, unknown>, key: string): ArrayLike<unknown> {
  const value = cols[key];
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { length?: unknown }).length !== 'number'
  ) {
    throw new TypeError(
      `${name}.${key} must be an array-like column. Value: ${describeValue(value)}.`,
    );
  }
  return value as ArrayLike<unknown>;
}

function columnLength(name: string, key: string, col: ArrayLike<unknown>, n: number): void {
  if (col.length !== n) {
    throw new RangeError(
      `${name}.${key} must have the same length as ${name}.time (${n}). Value: length ${col.length}.`,
    );
  }
}

/** Reads (time, event) from rows or columns. */
export function readTimeEvent(name: string, input: unknown): TimeEvent {
  const src = rowsOrColumns(name, input);
  let eventCount = 0;
  if ('rows' in src) {
    const rows = src.rows;
    const n = rows.length;
    const time = new Float64Array(n);
    const event = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (typeof row !== 'object' || row === null) {
        throw new TypeError(`${name}[${i}] must be an object. Value: ${describeValue(row)}.`);
      }
      time[i] = checkTime(`${name}[${i}].time`, row.time);
      const e = checkEvent(`${name}[${i}].event`, row.event);
      event[i] = e;
      eventCount += e;
    }
    return { time, event, eventCount };
  }
  const timeCol = column(name, src.cols, 'time');
  const eventCol = column(name, src.cols, 'event');
  const n = timeCol.length;
  columnLength(name, 'event', eventCol, n);
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = timeCol[i];
    // Fast path: a finite number >= 0 needs no further look. The typeof test comes first: `>=`
    // would coerce a string ('8'), null (0), a boolean, a Date or an object with valueOf, and
    // a column must be read as strictly as rows are.
    time[i] =
      typeof t === 'number' && t >= 0 && t !== Number.POSITIVE_INFINITY
        ? t
        : checkTime(`${name}.time[${i}]`, t);
    const e = eventCol[i];
    const code =
      e === 1 || e === true ? 1 : e === 0 || e === false ? 0 : checkEvent(`${name}.event[${i}]`, e);
    event[i] = code;
    eventCount += code;
  }
  return { time, event, eventCount };
}

/** Reads a competing-risks status (0 censored, 1, 2, ... a cause) from rows or columns. */
export function readTimeStatus(
  name: string,
  input: unknown,
): { readonly time: Float64Array; readonly status: Int32Array } {
  const src = rowsOrColumns(name, input);
  const check = (where: string, value: unknown): number => {
    if (typeof value !== 'number') {
      throw new TypeError(`${where} must be a number. Value: ${describeValue(value)}.`);
    }
    if (!Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) {
      throw new RangeError(
        `${where} must be 0 (censored) or a cause 1, 2, ... Value: ${describeValue(value)}.`,
      );
    }
    return value;
  };
  if ('rows' in src) {
    const rows = src.rows;
    const n = rows.length;
    const time = new Float64Array(n);
    const status = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (typeof row !== 'object' || row === null) {
        throw new TypeError(`${name}[${i}] must be an object. Value: ${describeValue(row)}.`);
      }
      time[i] = checkTime(`${name}[${i}].time`, row.time);
      status[i] = check(`${name}[${i}].status`, row.status);
    }
    return { time, status };
  }
  const timeCol = column(name, src.cols, 'time');
  const statusCol = column(name, src.cols, 'status');
  const n = timeCol.length;
  columnLength(name, 'status', statusCol, n);
  const time = new Float64Array(n);
  const status = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = checkTime(`${name}.time[${i}]`, timeCol[i]);
    status[i] = check(`${name}.status[${i}]`, statusCol[i]);
  }
  return { time, status };
}

/** Labels coded as 0-based indices into `levels`, sorted as R sorts factor levels. */
export interface CodedLabels {
  readonly codes: Int32Array;
  readonly levels: readonly Label[];
}

/**
 * Codes a label column: levels sorted (numbers ascending, strings by UTF-16 code unit), so
 * that level order is R's `factor()` order for numbers and for ASCII labels of one case.
 */
export function codeLabels(where: string, get: (i: number) => unknown, n: number): CodedLabels {
  const index = new Map<Label, number>();
  const raw = new Int32Array(n);
  let kind: 'number' | 'string' | null = null;
  for (let i = 0; i < n; i++) {
    const v = get(i);
    let k = index.get(v as Label);
    if (k === undefined) {
      const type = typeof v;
      if ((type !== 'number' && type !== 'string') || (type === 'number' && !Number.isFinite(v))) {
        throw new TypeError(
          `${where}[${i}] must be a string or a finite number. Value: ${describeValue(v)}.`,
        );
      }
      if (kind === null) kind = type as 'number' | 'string';
      else if (kind !== type) {
        throw new TypeError(
          `${where}[${i}] must be a ${kind} like the labels before it. Value: ${describeValue(v)}.`,
        );
      }
      k = index.size;
      index.set(v as Label, k);
    }
    raw[i] = k;
  }
  const firstSeen = [...index.keys()];
  const sorted = [...firstSeen].sort((a, b) =>
    kind === 'number' ? (a as number) - (b as number) : a < b ? -1 : a > b ? 1 : 0,
  );
  const remap = new Int32Array(firstSeen.length);
  for (let j = 0; j < sorted.length; j++) remap[index.get(sorted[j]!)!] = j;
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = remap[raw[i]!]!;
  return { codes, levels: sorted };
}

/**
 * Reads (time, event or status, group, optional stratum) from rows or columns. `statusKey` is
 * `event` for the log-rank family and `status` for competing risks.
 */
export function readGrouped(
  name: string,
  input: unknown,
  statusKey: 'event' | 'status',
): {
  readonly time: Float64Array;
  readonly status: Int32Array;
  readonly group: CodedLabels;
  readonly stratum: CodedLabels | null;
} {
  const src = rowsOrColumns(name, input);
  let time: Float64Array;
  let status: Int32Array;
  let getGroup: (i: number) => unknown;
  let getStratum: ((i: number) => unknown) | null = null;
  let groupWhere: string;
  let stratumWhere: string;
  let n: number;
  if ('rows' in src) {
    const rows = src.rows;
    n = rows.length;
    for (let i = 0; i < n; i++) {
      if (typeof rows[i] !== 'object' || rows[i] === null) {
        throw new TypeError(`${name}[${i}] must be an object. Value: ${describeValue(rows[i])}.`);
      }
    }
    const base =
      statusKey === 'event'
        ? (() => {
            const te = readTimeEvent(name, rows);
            return { time: te.time, status: Int32Array.from(te.event) };
          })()
        : readTimeStatus(name, rows);
    time = base.time;
    status = base.status;
    getGroup = (i) => rows[i]!.group;
    groupWhere = `${name}.group`;
    stratumWhere = `${name}.stratum`;
    if (n > 0 && rows.some((r) => r.stratum !== undefined)) getStratum = (i) => rows[i]!.stratum;
  } else {
    const cols = src.cols;
    const base =
      statusKey === 'event'
        ? (() => {
            const te = readTimeEvent(name, cols);
            return { time: te.time, status: Int32Array.from(te.event) };
          })()
        : readTimeStatus(name, cols);
    time = base.time;
    status = base.status;
    n = time.length;
    const g = column(name, cols, 'group');
    columnLength(name, 'group', g, n);
    getGroup = (i) => g[i];
    groupWhere = `${name}.group`;
    stratumWhere = `${name}.stratum`;
    if (cols.stratum !== undefined) {
      const s = column(name, cols, 'stratum');
      columnLength(name, 'stratum', s, n);
      getStratum = (i) => s[i];
    }
  }
  return {
    time,
    status,
    group: codeLabels(groupWhere, getGroup, n),
    stratum: getStratum === null ? null : codeLabels(stratumWhere, getStratum, n),
  };
}

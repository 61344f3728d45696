import { basename, resolve } from 'node:path';
import type { CohortInputIssue } from '../../input/cohort-input-error.js';
import type { ColumnMapping } from '../../input/column-mapping-schema.js';
import {
  type ResolvedColumnMapping,
  resolveColumnMapping,
} from '../../input/resolve-column-mapping.js';
import { statInput } from '../stat-input.js';
import { plainIssue } from './plain-issue.js';
import { readJson } from './read-json.js';

/**
 * The column mapping of the options, checked: read from its file when it is a path (its
 * issues name that file), or taken as the parsed mapping (its issues name the option).
 */
export function readColumnMapping(
  columnMapping: string | ColumnMapping,
):
  | { mapping: ResolvedColumnMapping; issues: null }
  | { mapping: null; issues: CohortInputIssue[] } {
  if (typeof columnMapping !== 'string') {
    const resolved = resolveColumnMapping(columnMapping, 'options.columnMapping');
    if (resolved.mapping !== null) return { mapping: resolved.mapping, issues: null };
    return { mapping: null, issues: resolved.issues.map((i) => ({ ...i, file: null })) };
  }
  const file = basename(columnMapping);
  let absolute: string;
  try {
    absolute = resolve(columnMapping);
  } catch (error) {
    const reason = `cannot find ${columnMapping}: the current folder no longer exists (${(error as Error).message})`;
    return { mapping: null, issues: [plainIssue(file, 'not_found', reason)] };
  }
  const stat = statInput(absolute);
  if (stat.kind === 'problem') {
    return {
      mapping: null,
      issues: [plainIssue(file, stat.code, `column mapping: ${stat.reason}`)],
    };
  }
  if (stat.kind === 'folder') {
    const reason = 'column mapping: is a folder, not a JSON file';
    return { mapping: null, issues: [plainIssue(file, 'unreadable', reason)] };
  }
  const json = readJson(absolute, file, '{ "files": { "patients.csv": { ... } } }');
  if (json.issues !== null) return { mapping: null, issues: json.issues };
  const resolved = resolveColumnMapping(json.input, file);
  return resolved.mapping === null
    ? { mapping: null, issues: resolved.issues }
    : { mapping: resolved.mapping, issues: null };
}

import { createHash } from 'node:crypto';
import { type CohortInputIssue, formatInputLocation } from '../../input/cohort-input-error.js';
import { jsonErrorPlace } from '../../input/json-error-place.js';
import { mayHaveDuplicateKeys } from '../../input/json-may-have-duplicate-keys.js';
import { readInputFile } from '../read-input-file.js';
import { duplicateKeyIssues } from './duplicate-key-issues.js';
import { plainIssue } from './plain-issue.js';

/** A JSON file read and parsed, or its issues; `sha256` of its bytes when they were read. */
export type JsonRead =
  | { readonly input: unknown; readonly issues: null; readonly sha256: string }
  | { readonly input: null; readonly issues: CohortInputIssue[]; readonly sha256: string | null };

/**
 * Reads and parses one JSON file: its bytes (see readInputFile), a UTF-8 BOM dropped, a syntax
 * error placed on its line and column, a key written twice in one object refused.
 */
export function readJson(path: string, file: string, expected: string): JsonRead {
  const read = readInputFile(path, file);
  const sha256 = read.bytes === null ? null : createHash('sha256').update(read.bytes).digest('hex');
  if (read.issue !== null) return { input: null, issues: [read.issue], sha256 };
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const fail = (issue: CohortInputIssue): JsonRead => ({ input: null, issues: [issue], sha256 });
  if (text.trim() === '') {
    return fail(plainIssue(file, 'empty_file', `the file is empty; expected ${expected}`));
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error; validateCohortFile makes every message printable,
    // escaping its control characters (junk, or a terminal escape sequence) so the message
    // prints as one readable line.
    const reason = (error as Error).message;
    const { line, column } = jsonErrorPlace(text, reason);
    return fail({
      file,
      line,
      column,
      patientId: null,
      path: '',
      code: 'json_syntax',
      message: `${formatInputLocation(file, line, column)}: not valid JSON: ${reason}`,
    });
  }
  const duplicates = mayHaveDuplicateKeys(text, input) ? duplicateKeyIssues(file, text) : [];
  if (duplicates.length > 0) return { input: null, issues: duplicates, sha256 };
  return { input, issues: null, sha256: sha256! };
}

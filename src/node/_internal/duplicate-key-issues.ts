import { describeValue } from '../../_lib/describe-value.js';
import { type CohortInputIssue, formatInputLocation } from '../../input/cohort-input-error.js';
import { jsonDuplicateKeys } from '../../input/json-duplicate-keys.js';

/** The most `duplicate_key` issues one file gives; the last of them counts the rest. */
const MAX_DUPLICATE_KEY_ISSUES = 100;

/**
 * A key written twice in one object is an error, not last-wins: the value JSON.parse dropped
 * may be the one that was meant (`"value": -5, "value": 1.2` hides an invalid value), and
 * `{"patients": [...], "patients": []}` would read as a valid cohort of none. The issues come
 * alone: what the parsed object holds is not what the file says.
 */
export function duplicateKeyIssues(file: string, text: string): CohortInputIssue[] {
  const { duplicates, total } = jsonDuplicateKeys(text, MAX_DUPLICATE_KEY_ISSUES);
  return duplicates.map((d, index) => {
    const more = total - duplicates.length;
    const rest =
      index === duplicates.length - 1 && more > 0
        ? ` (and ${more} more duplicate key${more === 1 ? '' : 's'} after this one)`
        : '';
    return {
      file,
      line: d.line,
      column: d.column,
      patientId: null,
      path: d.path,
      code: 'duplicate_key',
      message:
        `${formatInputLocation(file, d.line, d.column)}: the key ${describeValue(d.key)} (${d.path}) ` +
        `is written twice in one object, first at line ${d.firstLine}, column ${d.firstColumn}; ` +
        `JSON keeps only the last, silently: remove one${rest}`,
    };
  });
}

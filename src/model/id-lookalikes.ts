import { visibleText } from '../_lib/visible-text.js';
import type { CohortIssue } from '../errors.js';

// Ids that a reader cannot tell apart: the same text once Unicode-normalised (NFKC) and with
// the invisible characters removed (zero-width spaces and joiners, word joiner, byte-order
// mark, soft hyphen, bidirectional marks and overrides). "P07" and "P07\u200b", or "Ｐ07" and
// "P07", are different strings to a program and one patient to a person reading the report.

/** Invisible characters: zero width, soft hyphen, bidi marks, embeddings, overrides, isolates. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The form of an id a reader sees: NFKC, invisible characters removed. */
export function visibleIdKey(id: string): string {
  // Printable ASCII is its own normal form, with nothing invisible: the usual id, at no cost.
  if (PRINTABLE_ASCII.test(id)) return id;
  return id.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * One warning (`lookalike_ids`) for each group of distinct ids that read the same
 * ({@link visibleIdKey}), naming them all; the patients stay apart, since they may be
 * different patients, but someone should check.
 */
export function lookalikeIdWarnings(ids: readonly string[]): CohortIssue[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = visibleIdKey(id);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [id]);
    else if (!group.includes(id)) group.push(id);
  }
  const warnings: CohortIssue[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Invisible characters shown as \u escapes, so the message shows how the ids differ.
    const shown = group.map((id) => `"${visibleText(id)}"`).join(', ');
    warnings.push({
      patientId: group[1]!,
      path: 'id',
      code: 'lookalike_ids',
      message:
        `ids ${shown} differ only by invisible characters or Unicode normalisation: they read ` +
        'as one id; check whether they are one patient',
    });
  }
  return warnings;
}

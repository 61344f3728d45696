// Internal: a patient id cut for an axis or lane label; the tooltip keeps it whole.

const MAX_ID_CHARS = 16;

/** `id` cut to 16 characters (code points), the last an ellipsis, when longer. */
export function shortId(id: string): string {
  const chars = [...id];
  return chars.length <= MAX_ID_CHARS ? id : `${chars.slice(0, MAX_ID_CHARS - 1).join('')}…`;
}

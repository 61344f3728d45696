import type { ValidateCohortFileResult } from '../node/validate-cohort-file.js';

/** A note after the warnings when columns were left out, saying how to refuse or hide them. */
export function unknownColumnsNote(
  write: (text: string) => void,
  read: ValidateCohortFileResult,
): void {
  const left = read.warnings.filter((w) => w.code === 'unknown_column').length;
  if (left === 0) return;
  write(
    `note: ${left} column(s) the layout does not know were left out (warnings above); ` +
      '--unknown-columns error refuses them, --unknown-columns ignore hides them',
  );
}

import { isAbsolute } from 'node:path';
import { currentFolder } from './current-folder.js';
import { UsageError } from './usage-error.js';

/** Throws a UsageError when the current folder is gone and one of `paths` is relative to it. */
export function requireCurrentFolder(paths: readonly string[]): void {
  if (currentFolder() !== null) return;
  const relativePath = paths.find((p) => !isAbsolute(p));
  if (relativePath !== undefined) {
    throw new UsageError(
      `the current folder no longer exists (deleted or moved), so the relative path ` +
        `"${relativePath}" leads nowhere: cd to an existing folder, or give absolute paths`,
    );
  }
}

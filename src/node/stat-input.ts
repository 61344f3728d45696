// What an input path is, before anything is opened. Only a regular file (or a link to one) is
// read: a FIFO blocks the reader until some other process writes to it (forever, if none
// does), a device such as /dev/zero or /dev/urandom never ends and reports a size of 0, a
// socket cannot be opened at all, and opening some devices acts on them (a tape device rewinds
// on close). A path that cannot be examined is reported as what it is (a loop of links, no
// permission) rather than as missing.
import { lstatSync, readlinkSync, type Stats, statSync } from 'node:fs';

/** Why an input path cannot be read; `code` is the issue code `readCohort` reports. */
export interface InputProblem {
  readonly code: 'not_found' | 'special_file' | 'symlink_loop' | 'unreadable';
  /** What is wrong, without the file's name: `is a FIFO (named pipe), not a regular file`. */
  readonly reason: string;
}

/** What a path is: a regular file with its size, a folder, or why it cannot be read. */
export type InputStat =
  | { readonly kind: 'file'; readonly size: number }
  | { readonly kind: 'folder' }
  | ({ readonly kind: 'problem' } & InputProblem);

/** `a FIFO (named pipe)`, `a character device`, ...: what a path that is not a file is. */
function specialFileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** `is a symbolic link to /dev/zero, which is ` when `path` is a link; '' otherwise. */
function throughLink(path: string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return 'is ';
    return `is a symbolic link to ${readlinkSync(path)}, which is `;
  } catch {
    return 'is ';
  }
}

/**
 * Examines `path` (following links) without opening it.
 *
 * @param path - an absolute path.
 * @returns `file` (regular, with its size in bytes), `folder`, or `problem`: `not_found`
 *   (nothing there, or a link to nothing), `special_file` (a FIFO, device or socket, or a
 *   link to one), `symlink_loop`, `unreadable` (no permission, a name too long, ...).
 * @throws never.
 * @example statInput('/dev/zero'); // => { kind: 'problem', code: 'special_file', reason: 'is a character device, ...' }
 */
export function statInput(path: string): InputStat {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    return { kind: 'problem', ...fileSystemProblem(path, error) };
  }
  if (stat.isFile()) return { kind: 'file', size: stat.size };
  if (stat.isDirectory()) return { kind: 'folder' };
  return {
    kind: 'problem',
    code: 'special_file',
    reason: `${throughLink(path)}${specialFileKind(stat)}, not a regular file; give the exported file itself`,
  };
}

/**
 * An error of the file system about `path`, as an input problem: ENOENT (or ENOTDIR) is
 * `not_found`, ELOOP `symlink_loop`, anything else (EACCES, EPERM, ENAMETOOLONG, EIO)
 * `unreadable` with the system's reason.
 *
 * @param path - the path the error is about.
 * @param error - what `fs` threw.
 * @returns the problem, its reason naming the cause.
 * @throws never.
 * @example fileSystemProblem('/data/x', eacces); // => { code: 'unreadable', reason: 'cannot be read: permission denied (EACCES)' }
 */
export function fileSystemProblem(path: string, error: unknown): InputProblem {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    let link: string | null = null;
    try {
      if (lstatSync(path).isSymbolicLink()) link = readlinkSync(path);
    } catch {
      // Not a link, or nothing at all.
    }
    return {
      code: 'not_found',
      reason:
        link === null
          ? `no such file or folder: ${path}`
          : `is a symbolic link to ${link}, which does not exist`,
    };
  }
  if (code === 'ELOOP') {
    return {
      code: 'symlink_loop',
      reason: 'is a loop of symbolic links (a link that leads back to itself), not a file',
    };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { code: 'unreadable', reason: `cannot be read: permission denied (${code})` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unreadable', reason: `cannot be read: ${message}` };
}

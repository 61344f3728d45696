// A report folder is either the complete new report or untouched. The files are written into a
// fresh temporary folder beside it (made by an exclusive mkdir, so nobody else's links can be
// in it, and each file opened with O_EXCL, so none is ever written through a link), then the
// folder is swapped in with rename(2), which is atomic: a full disk, an unwritable file or an
// interrupt while writing leaves the old report as it was and removes the temporary folder.
// An earlier report in the folder is replaced as a whole, so none of its files stays beside
// the new ones. Replacing a whole folder deletes what is in it: only a folder holding nothing
// but an earlier report is replaced, never one holding other files, links, or the cohort.
import { randomBytes } from 'node:crypto';
import {
  type Dirent,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { SlndStatsError } from '../errors.js';

/** One file of a report: its path inside the folder (`report.html`, `plots/km.svg`), its text. */
export interface ReportFile {
  readonly name: string;
  readonly text: string;
}

/** How {@link replaceReportFolder} writes. */
export interface ReplaceReportFolderOptions {
  /** Stops the writing: the temporary folder is removed, the folder is left as it was. */
  readonly signal?: AbortSignal | undefined;
  /** A path that must survive (the cohort read): refused when it lies inside the folder. */
  readonly inputPath?: string | undefined;
  /** Awaited after each file is written into the temporary folder (progress, tests). */
  readonly onFileWritten?: ((name: string) => void | Promise<void>) | undefined;
}

/** What an earlier report leaves in its folder (see `writeReport`). */
const REPORT_NAMES: readonly string[] = ['report.html', 'report.md', 'report.json'];
const PLOTS = 'plots';
/** Files an operating system adds to a folder someone has opened; replaced with the folder. */
const SYSTEM_FILES: readonly string[] = ['.DS_Store', 'Thumbs.db', 'desktop.ini'];
/** A file name of the report: a name, or `plots/` and a name; never `..` or an absolute path. */
const SAFE_NAME = /^(?:plots\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** True when `path` is `folder` or inside it. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The entries of `folder` that an earlier report did not leave there (links included). */
function foreignEntries(folder: string): { links: string[]; others: string[] } {
  const links: string[] = [];
  const others: string[] = [];
  const sort = (entry: Dirent, isReport: boolean, shown: string) => {
    if (entry.isSymbolicLink()) links.push(shown);
    else if (!isReport) others.push(shown);
  };
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === PLOTS && entry.isDirectory()) {
      for (const plot of readdirSync(join(folder, PLOTS), { withFileTypes: true })) {
        sort(plot, plot.isFile() && plot.name.endsWith('.svg'), `${PLOTS}/${plot.name}`);
      }
      continue;
    }
    const known = REPORT_NAMES.includes(entry.name) || SYSTEM_FILES.includes(entry.name);
    sort(entry, known && entry.isFile(), entry.name);
  }
  return { links, others };
}

/** Throws unless `target` is missing, or a real folder that holds only an earlier report. */
function checkTarget(target: string, inputPath: string | undefined): boolean {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(target);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
  if (stat.isSymbolicLink()) {
    throw new SlndStatsError(
      'REPORT_OUT_LINK',
      `${target} is a symbolic link (to ${readlinkSync(target)}); a report is never written ` +
        'through a link: give the folder itself, or a new path',
    );
  }
  if (!stat.isDirectory()) {
    throw new SlndStatsError(
      'REPORT_OUT_NOT_A_REPORT',
      `${target} is a file, not a folder; give a new folder or one holding an earlier report`,
    );
  }
  const real = realpathSync(target);
  if (inputPath !== undefined && isInside(realOrResolved(inputPath), real)) {
    throw new SlndStatsError(
      'REPORT_OUT_HOLDS_INPUT',
      `${target} holds the cohort being read (${inputPath}); the report replaces the whole ` +
        'folder, which would delete it: write the report to another folder',
    );
  }
  let cwd: string | null = null;
  try {
    cwd = realpathSync(process.cwd());
  } catch {
    // No current folder (deleted): nothing to protect.
  }
  if (cwd !== null && isInside(cwd, real)) {
    throw new SlndStatsError(
      'REPORT_OUT_HOLDS_CWD',
      `${target} is the current folder or holds it; the report replaces the whole folder, ` +
        'which would leave you in a deleted folder: write the report to another folder',
    );
  }
  const { links, others } = foreignEntries(target);
  if (links.length > 0) {
    throw new SlndStatsError(
      'REPORT_OUT_LINK',
      `${join(target, links[0]!)} is a symbolic link; a report is never written through a ` +
        'link, and slnd-stats does not make links: remove it, or write to another folder',
    );
  }
  if (others.length > 0) {
    const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ', ...' : '');
    throw new SlndStatsError(
      'REPORT_OUT_NOT_A_REPORT',
      `${target} holds ${others.length} file(s) or folder(s) that are not part of a report ` +
        `(${shown}); the report replaces the whole folder, so it is written only to a new or ` +
        'empty folder or one holding an earlier report: write it to another folder',
    );
  }
  return true;
}

/**
 * Removes the parent folders this call created, from `parent` up to `created`, each only while
 * it is empty: a failed report leaves nothing behind, not even the folders made for it.
 */
function removeCreated(parent: string, created: string | undefined): void {
  if (created === undefined) return;
  for (let dir = parent; isInside(dir, created); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === created) return;
  }
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

/**
 * Writes `files` as the folder `outDir`, atomically: into a temporary folder beside it
 * (`.NAME.tmp-XXXXXX`), then renamed into place; an earlier report there is replaced as a
 * whole. On any failure or abort the temporary folder is removed and `outDir` is as it was.
 *
 * Refused (a `SlndStatsError`) when `outDir` is a symbolic link or holds one
 * (`REPORT_OUT_LINK`), is a file or holds anything but an earlier report
 * (`REPORT_OUT_NOT_A_REPORT`), holds `options.inputPath` (`REPORT_OUT_HOLDS_INPUT`) or the
 * current folder (`REPORT_OUT_HOLDS_CWD`).
 *
 * @param outDir - the report folder; its parent folders are created when missing.
 * @param files - the files, by path inside the folder.
 * @param options - an abort signal, the input to protect, a hook after each file.
 * @returns the absolute paths written, in the order of `files`.
 * @throws {SlndStatsError} as above; the file system's error (ENOSPC, EACCES, ...) when it
 *   fails; `options.signal.reason` when aborted.
 * @example await replaceReportFolder('out', [{ name: 'report.md', text: '# Report\n' }]);
 */
export async function replaceReportFolder(
  outDir: string,
  files: readonly ReportFile[],
  options: ReplaceReportFolderOptions = {},
): Promise<string[]> {
  const { signal, inputPath, onFileWritten } = options;
  for (const file of files) {
    if (!SAFE_NAME.test(file.name)) throw new Error(`not a report file name: ${file.name}`);
  }
  signal?.throwIfAborted();
  const target = resolve(outDir);
  checkTarget(target, inputPath);
  const parent = dirname(target);
  // The first folder this call creates (undefined when the parent exists): removed on failure.
  const created = mkdirSync(parent, { recursive: true });
  // Hidden, beside the target (rename works within one file system), named after it. mkdir
  // fails when the name exists, so the folder is new and ours; unlike mkdtemp's 0700 it gets
  // the permissions any new folder gets (the umask's).
  const stem = `.${basename(target).slice(0, 100)}`;
  const temp = join(parent, `${stem}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(temp);
  } catch (error) {
    removeCreated(parent, created);
    throw error;
  }
  try {
    for (const file of files) {
      const path = join(temp, ...file.name.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      // wx: O_CREAT | O_EXCL, never through a link; flush: on disk before the rename.
      writeFileSync(path, file.text, { flag: 'wx', flush: true });
      await onFileWritten?.(file.name);
      // A turn of the event loop between files lets a signal handler abort the writing.
      await nextTurn();
      signal?.throwIfAborted();
    }
    // The folder may have changed while the files were written: check again, then swap.
    const exists = checkTarget(target, inputPath);
    if (!exists) renameSync(temp, target);
    else {
      const old = join(parent, `${stem}.old-${randomBytes(6).toString('hex')}`);
      renameSync(target, old);
      try {
        renameSync(temp, target);
      } catch (error) {
        renameSync(old, target);
        throw error;
      }
      try {
        rmSync(old, { recursive: true, force: true });
      } catch {
        // The new report is in place; an old copy left beside it is harmless.
      }
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    removeCreated(parent, created);
    throw error;
  }
  return files.map((file) => join(target, ...file.name.split('/')));
}

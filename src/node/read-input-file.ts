// The bytes of one input file, or why they cannot be used. The size limit holds for the bytes
// actually read, not for what `stat` says: a device reports 0 bytes and never ends, a file
// can grow while it is read, and /proc files report 0 and hold more.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { type CohortInputIssue, inputIssue } from '../input/cohort-input-error.js';
import { fileSystemProblem, statInput } from './stat-input.js';

/**
 * The largest file `validateCohortFile` reads: 128 MiB (per file). A registry of 100,000
 * simulated patients with every baseline field is 88 MiB as compact JSON (its patients.csv and
 * psa.csv are far smaller), so a bigger file is almost certainly not a cohort (a database dump,
 * a zip renamed to .json); refusing it keeps the answer fast and the memory bounded. A file whose size says more is refused before it is opened; reading stops at the
 * first byte past the limit whatever the size said.
 */
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;

/** Reads after the first (sized from `stat`) take this much at a time. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * O_NONBLOCK: should the file be swapped for a FIFO between the check and the open, the open
 * returns at once instead of waiting for a writer (and fstat then refuses it). It changes
 * nothing for a regular file. O_NOCTTY: a terminal device never becomes the controlling one.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

const mib = (n: number) => (n / 1024 / 1024).toFixed(1);

/**
 * Reads one input file: a regular file (or a link to one) of at most `limit` bytes, in UTF-8.
 * Anything else is an issue, never a thrown error: `not_found`, `special_file` (a FIFO,
 * device or socket: refused before it is opened), `symlink_loop`, `unreadable` (a folder, no
 * permission), `too_large` (from its size, or from the bytes read), `invalid_encoding`.
 *
 * @param path - the file's absolute path.
 * @param file - its name as issues give it (`psa.csv`, `cohort.json`).
 * @param limit - the most bytes read (default `MAX_INPUT_BYTES`).
 * @returns the bytes and no issue, or the issue (with the bytes when they were read but are
 *   not UTF-8, so that they can still be hashed).
 * @throws never.
 * @example const { bytes, issue } = readInputFile('/data/cohort.json', 'cohort.json');
 */
export function readInputFile(
  path: string,
  file: string,
  limit: number = MAX_INPUT_BYTES,
): { bytes: Buffer; issue: null } | { bytes: Buffer | null; issue: CohortInputIssue } {
  const problem = (code: string, reason: string) => ({
    bytes: null,
    issue: inputIssue(file, null, null, null, '', code, reason),
  });
  const stat = statInput(path);
  if (stat.kind === 'folder') return problem('unreadable', 'is a folder, not a file');
  if (stat.kind === 'problem') return problem(stat.code, stat.reason);
  if (stat.size > limit) return problem('too_large', tooLarge(mib(stat.size), limit));

  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const { code, reason } = fileSystemProblem(path, error);
    return problem(code, reason);
  }
  let read: Buffer | ReadProblem;
  try {
    read = readOpenFile(fd, path, limit);
  } catch (error) {
    read = fileSystemProblem(path, error);
  } finally {
    closeSync(fd);
  }
  if (!Buffer.isBuffer(read)) return problem(read.code, read.reason);
  const issue = encodingIssue(file, read);
  return issue === null ? { bytes: read, issue: null } : { bytes: read, issue };
}

/** Why an open file cannot be used: an issue code and its reason. */
interface ReadProblem {
  readonly code: string;
  readonly reason: string;
}

/** Why a file of `size` MiB is refused. */
function tooLarge(size: string, limit: number): string {
  return (
    `the file is ${size} MiB; the limit is ${mib(limit)} MiB per file ` +
    '(a registry of 100,000 patients is about 88 MiB as JSON): is this the cohort export?'
  );
}

/**
 * The bytes of the open file `fd`, at most `limit` of them; or why not: it is not a regular
 * file (replaced between the check and the open), or it holds more than `limit` bytes.
 */
function readOpenFile(fd: number, path: string, limit: number): Buffer | ReadProblem {
  const opened = fstatSync(fd);
  if (!opened.isFile()) {
    // Replaced between the check and the open: examine what is there now.
    const now = statInput(path);
    return {
      code: 'special_file',
      reason: now.kind === 'problem' ? now.reason : 'is not a regular file; give the exported file',
    };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // One read for a file that is as large as fstat says (the size is within the limit, checked
  // before), then whole chunks, stopping at the first byte past the limit, so memory stays
  // within the limit and a chunk. Chunks are never odd-sized: some /proc files (pagemap)
  // refuse reads that are not a multiple of 8 bytes.
  let want = Math.max(opened.size + 1, CHUNK_BYTES);
  for (;;) {
    const buffer = Buffer.allocUnsafe(want);
    const n = readSync(fd, buffer, 0, want, null);
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    total += n;
    if (total > limit) {
      return { code: 'too_large', reason: tooLarge(`more than ${mib(limit)}`, limit) };
    }
    want = CHUNK_BYTES;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Null when `bytes` are UTF-8 text; else the `invalid_encoding` issue: UTF-16, or the line of
 * the first byte that is not UTF-8.
 */
function encodingIssue(file: string, bytes: Buffer): CohortInputIssue | null {
  if (isUtf8(bytes)) return null;
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    return inputIssue(
      file,
      null,
      null,
      null,
      '',
      'invalid_encoding',
      'the file is UTF-16 ("Unicode text"); save it as UTF-8 (in Excel: "CSV UTF-8")',
    );
  }
  // The first invalid byte decodes to U+FFFD; its line is what the user needs to look at.
  const text = bytes.toString('utf8');
  const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
  return inputIssue(
    file,
    line,
    null,
    null,
    '',
    'invalid_encoding',
    'the bytes are not UTF-8 text (a Windows-1252 or Latin-1 export, or not a text file at ' +
      'all); save the file as UTF-8',
  );
}

import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { CohortInputIssue } from '../../input/cohort-input-error.js';
import { type FileKey, fileKeyOf } from '../../input/csv-layout.js';
import { COHORT_CSV_FILE_NAMES } from '../cohort-csv-file-names.js';
import { readInputFile } from '../read-input-file.js';
import { statInput } from '../stat-input.js';
import { plainIssue } from './plain-issue.js';

/** The files a CSV folder must hold. */
const REQUIRED_CSV_FILES: ReadonlySet<string> = new Set([
  'patients.csv',
  'psa.csv',
  'complications.csv',
]);

/**
 * The cohort files of `folder`, read: their texts, the SHA-256 of them all (each file's name,
 * size and bytes, in the layout's order; null when none was read), and the files missing or
 * unreadable. An optional file may be absent, unless it is a link to nothing.
 */
export function readCsvFiles(folder: string): {
  texts: Partial<Record<FileKey, string>>;
  sha256: string | null;
  issues: CohortInputIssue[];
} {
  const hash = createHash('sha256');
  const texts: Partial<Record<FileKey, string>> = {};
  let read = 0;
  const issues: CohortInputIssue[] = [];
  for (const name of COHORT_CSV_FILE_NAMES) {
    const path = join(folder, name);
    const stat = statInput(path);
    if (stat.kind === 'problem' && stat.code === 'not_found' && !isLink(path)) {
      if (REQUIRED_CSV_FILES.has(name)) {
        issues.push(plainIssue(name, 'missing_file', `required file is missing in ${folder}`));
      }
      continue;
    }
    if (stat.kind === 'problem' && stat.code === 'not_found') {
      // A link to nothing: the file was meant to be there.
      issues.push(plainIssue(name, 'missing_file', stat.reason));
      continue;
    }
    const { bytes, issue } = readInputFile(path, name);
    if (bytes !== null) {
      hash.update(`${name}\n${bytes.length}\n`, 'utf8');
      hash.update(bytes);
      texts[fileKeyOf(name)!] = bytes.toString('utf8');
      read += 1;
    }
    if (issue !== null) issues.push(issue);
  }
  return { texts, sha256: read > 0 ? hash.digest('hex') : null, issues };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// Issue 11, item 15: a folder without permission was reported as "required file is missing"
// (three times). Permission cannot be taken away from root, and CI may run as root, so this
// file stands in for the kernel: node:fs refuses every path under DENIED with EACCES, as Linux
// does for a folder of mode 000 (readdir, stat and open all fail). It has its own file because
// vi.mock applies to every test in a file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { validateCohortFile } from '../../src/node/validate-cohort-file.js';

const denied = vi.hoisted(() => ({ prefix: '\0 unset' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse =
    <F extends (...args: never[]) => unknown>(name: string, original: F) =>
    (...args: Parameters<F>): ReturnType<F> => {
      const path = String(args[0]);
      if (path === denied.prefix || path.startsWith(`${denied.prefix}/`)) {
        throw Object.assign(new Error(`EACCES: permission denied, ${name} '${path}'`), {
          code: 'EACCES',
        });
      }
      return original(...args) as ReturnType<F>;
    };
  const mocked = {
    ...fs,
    readdirSync: refuse('scandir', fs.readdirSync),
    statSync: refuse('stat', fs.statSync),
    lstatSync: refuse('lstat', fs.lstatSync),
    openSync: refuse('open', fs.openSync),
    readFileSync: refuse('open', fs.readFileSync),
    existsSync: (path: import('node:fs').PathLike) => {
      // existsSync answers false for a path it may not examine: what read-cohort once trusted.
      const p = String(path);
      if (p.startsWith(`${denied.prefix}/`)) return false;
      return fs.existsSync(path);
    },
  };
  return { ...mocked, default: mocked };
});

const root = mkdtempSync(join(tmpdir(), 'slnd-denied-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CSV = {
  'patients.csv': 'id,surgery_date,last_follow_up_date\nP01,2024-01-10,2025-06-01\n',
  'psa.csv': 'patient_id,date,value\nP01,2024-01-08,2.4\n',
  'complications.csv': 'patient_id,date,grade,description\n',
};

describe('validateCohortFile on paths without permission', () => {
  it('reports a CSV folder it may not read as unreadable, once, not its files as missing', () => {
    const dir = join(root, 'export');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(CSV)) writeFileSync(join(dir, name), text);
    denied.prefix = dir;
    const result = validateCohortFile(dir);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        file: 'export',
        code: 'unreadable',
        message: 'export: cannot be read: permission denied (EACCES)',
      }),
    ]);
  });

  it('reports a JSON file it may not read as unreadable, not as missing', () => {
    const dir = join(root, 'json');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cohort.json'), '{"patients": []}');
    denied.prefix = join(dir, 'cohort.json');
    expect(validateCohortFile(join(dir, 'cohort.json')).issues).toEqual([
      expect.objectContaining({
        code: 'unreadable',
        message: 'cohort.json: cannot be read: permission denied (EACCES)',
      }),
    ]);
  });

  it('reports one file of a folder it may not read as unreadable', () => {
    const dir = join(root, 'one');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(CSV)) writeFileSync(join(dir, name), text);
    denied.prefix = join(dir, 'psa.csv');
    expect(validateCohortFile(dir).issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', code: 'unreadable' }),
    ]);
  });
});

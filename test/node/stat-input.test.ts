// Issue 11, items 1 and 15: what an input path is, examined without opening it, so a FIFO
// cannot block and a device cannot be read; a loop of links or a path without permission is
// named as what it is, not as "missing".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSystemProblem, statInput } from '../../src/node/stat-input.js';

const root = mkdtempSync(join(tmpdir(), 'slnd-stat-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fsError = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('statInput', () => {
  it('gives a regular file with its size, and a folder', () => {
    writeFileSync(join(root, 'a.json'), '{}');
    expect(statInput(join(root, 'a.json'))).toEqual({ kind: 'file', size: 2 });
    expect(statInput(root)).toEqual({ kind: 'folder' });
  });

  it('follows a link to a regular file', () => {
    symlinkSync(join(root, 'a.json'), join(root, 'link.json'));
    expect(statInput(join(root, 'link.json'))).toEqual({ kind: 'file', size: 2 });
  });

  it('refuses a FIFO without opening it (opening would wait for a writer)', () => {
    const fifo = join(root, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    expect(statInput(fifo)).toEqual({
      kind: 'problem',
      code: 'special_file',
      reason: 'is a FIFO (named pipe), not a regular file; give the exported file itself',
    });
  });

  it('refuses a character device, and a link to one, naming the link', () => {
    expect(statInput('/dev/zero')).toMatchObject({
      code: 'special_file',
      reason: expect.stringMatching(/^is a character device, not a regular file/),
    });
    symlinkSync('/dev/zero', join(root, 'zero.json'));
    expect(statInput(join(root, 'zero.json'))).toMatchObject({
      code: 'special_file',
      reason: expect.stringMatching(
        /^is a symbolic link to \/dev\/zero, which is a character device, not a regular file/,
      ),
    });
  });

  it('names a loop of links and a link to nothing', () => {
    symlinkSync('loop.json', join(root, 'loop.json'));
    expect(statInput(join(root, 'loop.json'))).toMatchObject({ code: 'symlink_loop' });
    symlinkSync(join(root, 'gone.json'), join(root, 'dangling.json'));
    expect(statInput(join(root, 'dangling.json'))).toEqual({
      kind: 'problem',
      code: 'not_found',
      reason: `is a symbolic link to ${join(root, 'gone.json')}, which does not exist`,
    });
    expect(statInput(join(root, 'nothing.json'))).toEqual({
      kind: 'problem',
      code: 'not_found',
      reason: `no such file or folder: ${join(root, 'nothing.json')}`,
    });
  });
});

describe('fileSystemProblem', () => {
  it('says "permission denied" for EACCES and EPERM, never "missing"', () => {
    expect(fileSystemProblem('/x', fsError('EACCES'))).toEqual({
      code: 'unreadable',
      reason: 'cannot be read: permission denied (EACCES)',
    });
    expect(fileSystemProblem('/x', fsError('EPERM')).code).toBe('unreadable');
  });

  it('keeps the system message for other errors', () => {
    expect(fileSystemProblem('/x', fsError('ENAMETOOLONG'))).toEqual({
      code: 'unreadable',
      reason: 'cannot be read: ENAMETOOLONG: something',
    });
    expect(fileSystemProblem('/x', fsError('ELOOP')).code).toBe('symlink_loop');
    expect(fileSystemProblem(join(root, 'none'), fsError('ENOTDIR')).code).toBe('not_found');
  });
});

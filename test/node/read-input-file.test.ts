// Issue 11, item 1: the size limit holds for the bytes actually read. `stat` says 0 bytes for a
// device and for /proc files, and a file can grow while it is read; a limit checked against
// stat.size alone let `ln -s /dev/zero c.json` read 19.5 GB.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputFile } from '../../src/node/read-input-file.js';

const root = mkdtempSync(join(tmpdir(), 'slnd-read-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readInputFile', () => {
  it('reads a regular file of up to the limit', () => {
    const path = join(root, 'ok.csv');
    writeFileSync(path, 'a'.repeat(100));
    const { bytes, issue } = readInputFile(path, 'ok.csv', 100);
    expect(issue).toBeNull();
    expect(bytes?.toString()).toBe('a'.repeat(100));
  });

  it('refuses a file over the limit from its size, before reading it', () => {
    const path = join(root, 'big.csv');
    writeFileSync(path, 'a'.repeat(101));
    expect(readInputFile(path, 'big.csv', 100)).toMatchObject({
      bytes: null,
      issue: {
        code: 'too_large',
        message: expect.stringMatching(/^big\.csv: the file is 0\.0 MiB/),
      },
    });
  });

  it('stops at the limit when the file holds more than its size says (/proc)', () => {
    // /proc/self/status is a regular file whose stat size is 0; it holds over 16 bytes.
    const path = join(root, 'status.json');
    symlinkSync('/proc/self/status', path);
    const result = readInputFile(path, 'status.json', 16);
    expect(result.bytes).toBeNull();
    expect(result.issue).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/^status\.json: the file is more than 0\.0 MiB; the limit/),
    });
  });

  it('refuses a device instead of reading it without end', () => {
    const path = join(root, 'zero.json');
    symlinkSync('/dev/zero', path);
    expect(readInputFile(path, 'zero.json')).toMatchObject({
      bytes: null,
      issue: { code: 'special_file' },
    });
  });

  it('has a limit of 128 MiB', () => {
    expect(MAX_INPUT_BYTES).toBe(128 * 1024 * 1024);
  });
});

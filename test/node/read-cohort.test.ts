import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CohortInputError } from '../../src/input/cohort-input-error.js';
import {
  COHORT_CSV_FILE_NAMES,
  readCohort,
  readCohortOrThrow,
} from '../../src/node/read-cohort.js';

const root = mkdtempSync(join(tmpdir(), 'slnd-read-cohort-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function folder(files: Record<string, string>): string {
  const dir = join(root, `csv-${counter++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
function file(name: string, text: string): string {
  const dir = join(root, `json-${counter++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

const CSV = {
  'patients.csv': 'id,surgery_date,last_follow_up_date\n007,2024-01-10,2025-06-01\n',
  'psa.csv': 'patient_id,date,value\n007,2024-01-08,2.4\n007,2024-02-21,<0.03\n',
  'complications.csv':
    'patient_id,date,grade,description\n007,2024-01-14,3b,"bleeding, reoperation"\n',
  'testosterone.csv': 'patient_id,date,value\n007,2024-05-01,25\n',
};

const PATIENT = {
  id: '007',
  surgeryDate: '2024-01-10',
  psa: [
    { date: '2024-01-08', value: 2.4 },
    { date: '2024-02-21', value: 0.03, undetectable: true },
  ],
  testosterone: [{ date: '2024-05-01', value: 25 }],
  complications: [{ date: '2024-01-14', grade: 'IIIb', description: 'bleeding, reoperation' }],
  lastFollowUpDate: '2025-06-01',
};

/** The documented folder hash: name, "\n", byte length, "\n", bytes, for each present file. */
function folderHash(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of COHORT_CSV_FILE_NAMES) {
    const text = files[name];
    if (text === undefined) continue;
    const bytes = Buffer.from(text, 'utf8');
    hash.update(`${name}\n${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

describe('readCohort: a CSV folder', () => {
  it('reads the four files and hashes them in the documented order', () => {
    const dir = folder(CSV);
    const result = readCohort(dir);
    expect(result).toEqual({
      ok: true,
      patients: [PATIENT],
      warnings: [],
      issues: [],
      source: { path: dir, sha256: folderHash(CSV) },
    });
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the hash when one byte changes', () => {
    const a = readCohort(folder(CSV));
    const b = readCohort(folder({ ...CSV, 'psa.csv': CSV['psa.csv'].replace('2.4', '2.5') }));
    expect(b.ok).toBe(true);
    expect(a.source.sha256).not.toBe(b.source.sha256);
  });

  it('accepts a folder without testosterone.csv', () => {
    const { 'testosterone.csv': _, ...files } = CSV;
    const result = readCohort(folder(files));
    expect(result.ok).toBe(true);
    expect(result.patients?.[0]?.testosterone).toBeUndefined();
    expect(result.source.sha256).toBe(folderHash(files));
  });

  it('reports a missing required file', () => {
    const { 'psa.csv': _, ...files } = CSV;
    const result = readCohort(folder(files));
    expect(result.ok).toBe(false);
    expect(result.patients).toBeNull();
    expect(result.issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', code: 'missing_file', line: null }),
    ]);
    expect(result.source.sha256).toBe(folderHash(files));
  });

  it('warns about other CSV files in the folder', () => {
    const result = readCohort(folder({ ...CSV, 'psa_values.csv': 'x\n', 'notes.txt': 'x' }));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({ file: 'psa_values.csv', code: 'unknown_file' }),
    ]);
  });

  it('returns the CSV issues with file, line and column', () => {
    const dir = folder({ ...CSV, 'psa.csv': `${CSV['psa.csv']}008,2024-03-01,1\n` });
    const result = readCohort(dir);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 4, column: 1, code: 'unknown_patient' }),
    ]);
  });

  it('passes the options on', () => {
    const psa = 'patient_id,date,value,unit\n007,2024-01-08,2.4,ng/mL\n';
    const dir = folder({ ...CSV, 'psa.csv': psa });
    expect(readCohort(dir).ok).toBe(false);
    expect(readCohort(dir, { unknownColumns: 'warning' }).ok).toBe(true);
  });
});

describe('readCohort: a JSON file', () => {
  const json = JSON.stringify({ $schema: '../fixtures/cohort.schema.json', patients: [PATIENT] });

  it('reads and validates it, hashing its bytes', () => {
    const path = file('cohort.json', json);
    const result = readCohort(path);
    expect(result).toEqual({
      ok: true,
      patients: [PATIENT],
      warnings: [],
      issues: [],
      source: { path, sha256: createHash('sha256').update(json).digest('hex') },
    });
  });

  it('accepts a byte-order mark', () => {
    expect(readCohort(file('cohort.json', `\uFEFF${json}`)).ok).toBe(true);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "patients": [\n    { "id": "A", }\n  ]\n}\n';
    const result = readCohort(file('broken.json', text));
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ file: 'broken.json', line: 3, column: 18, code: 'json_syntax' }),
    ]);
    expect(result.issues[0]!.message).toMatch(/^broken\.json line 3, column 18: not valid JSON/);
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a truncated file at its end', () => {
    const result = readCohort(file('short.json', '{\n  "patients": ['));
    expect(result.issues[0]).toMatchObject({ code: 'json_syntax', line: 2, column: 16 });
  });

  it('reports every validation problem with the file name', () => {
    const bad = {
      patients: [
        { ...PATIENT, psa: [{ date: '2024-01-08', value: -1 }] },
        {
          id: 'P2',
          surgeryDate: '2024-01-10',
          psa: [],
          complications: [],
          lastFollowUpDate: '2023-01-01',
        },
      ],
    };
    const result = readCohort(file('cohort.json', JSON.stringify(bad)));
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.file, i.patientId, i.path, i.code])).toEqual([
      ['cohort.json', '007', 'psa[0].value', 'out_of_range'],
      ['cohort.json', 'P2', 'lastFollowUpDate', 'date_order'],
    ]);
    expect(result.issues[0]!.message).toMatch(/^cohort\.json: patient 007, psa\[0\]\.value: /);
  });
});

describe('readCohort: paths', () => {
  it('reports a path that does not exist', () => {
    const result = readCohort(join(root, 'nothing-here'));
    expect(result.ok).toBe(false);
    expect(result.issues[0]!.code).toBe('not_found');
    expect(result.source.sha256).toBeNull();
  });

  it('reports a file that is neither JSON nor a folder', () => {
    const result = readCohort(file('patients.csv', CSV['patients.csv']));
    expect(result.issues[0]!.code).toBe('unsupported_input');
  });

  it('throws TypeError for a path that is not a non-empty string', () => {
    expect(() => readCohort(42 as never)).toThrow(TypeError);
    expect(() => readCohort('')).toThrow(/path must be a non-empty string/);
  });
});

describe('readCohortOrThrow', () => {
  it('returns the patients', () => {
    expect(readCohortOrThrow(folder(CSV))).toEqual([PATIENT]);
  });

  it('throws a CohortInputError listing the issues', () => {
    const dir = folder({ ...CSV, 'psa.csv': 'patient_id;date;value\n' });
    expect(() => readCohortOrThrow(dir)).toThrow(CohortInputError);
    expect(() => readCohortOrThrow(dir)).toThrow(
      /psa\.csv line 1: the file is separated by semicolons/,
    );
  });
});

// Issue 11, item 1: anything that is not a regular file is refused at once, never read.
// (A FIFO, which would block this process, /dev/zero, which never ends, and a /proc file that
// holds more than its size says are tested on the real command in test/cli/bin.test.ts, where
// a regression times out or runs out of its memory limit instead of hanging this process.)
describe('readCohort: special files', () => {
  it('refuses a character device given as the cohort (a link to /dev/null)', () => {
    const dir = folder({});
    symlinkSync('/dev/null', join(dir, 'cohort.json'));
    const result = readCohort(join(dir, 'cohort.json'));
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        file: 'cohort.json',
        code: 'special_file',
        message:
          'cohort.json: is a symbolic link to /dev/null, which is a character device, not a ' +
          'regular file; give the exported file itself',
      }),
    ]);
    expect(result.source.sha256).toBeNull();
  });

  it('refuses a socket as a file of a CSV folder', async () => {
    const dir = folder(CSV);
    rmSync(join(dir, 'psa.csv'));
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'psa.csv'), done));
    try {
      const result = readCohort(dir);
      expect(result.issues).toEqual([
        expect.objectContaining({
          file: 'psa.csv',
          code: 'special_file',
          message: expect.stringMatching(/^psa\.csv: is a socket, not a regular file/),
        }),
      ]);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});

// Issue 11, item 15: a path that cannot be examined is named as what it is.
describe('readCohort: links', () => {
  it('reports a loop of links as a loop, not as a missing path', () => {
    const dir = folder({});
    symlinkSync('cohort.json', join(dir, 'cohort.json'));
    expect(readCohort(join(dir, 'cohort.json')).issues).toEqual([
      expect.objectContaining({
        code: 'symlink_loop',
        message: expect.stringMatching(/^cohort\.json: is a loop of symbolic links/),
      }),
    ]);
  });

  it('reports a loop of links in a CSV folder, not "required file is missing"', () => {
    const { 'patients.csv': _, ...files } = CSV;
    const dir = folder(files);
    symlinkSync('patients.csv', join(dir, 'patients.csv'));
    expect(readCohort(dir).issues).toEqual([
      expect.objectContaining({ file: 'patients.csv', code: 'symlink_loop' }),
    ]);
  });

  it('reports a link to nothing as such, even for the optional testosterone.csv', () => {
    const { 'testosterone.csv': _, ...files } = CSV;
    const dir = folder(files);
    symlinkSync(join(dir, 'labs.csv'), join(dir, 'testosterone.csv'));
    expect(readCohort(dir).issues).toEqual([
      expect.objectContaining({
        file: 'testosterone.csv',
        code: 'missing_file',
        message: `testosterone.csv: is a symbolic link to ${join(dir, 'labs.csv')}, which does not exist`,
      }),
    ]);
  });

  it('reads a link to a regular file', () => {
    const target = folder(CSV);
    const dir = folder({});
    rmSync(dir, { recursive: true });
    symlinkSync(target, dir);
    expect(readCohort(dir).ok).toBe(true);
  });
});

// Issue 11, item 9: a key written twice is an error with its line and column, not last-wins.
describe('readCohort: duplicate JSON keys', () => {
  it('refuses a second "patients" that would empty the cohort', () => {
    const text = `{\n  "patients": [${JSON.stringify(PATIENT)}],\n  "patients": []\n}\n`;
    const result = readCohort(file('cohort.json', text));
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        file: 'cohort.json',
        line: 3,
        column: 3,
        patientId: null,
        path: 'patients',
        code: 'duplicate_key',
        message:
          'cohort.json line 3, column 3: the key "patients" (patients) is written twice in one ' +
          'object, first at line 2, column 3; JSON keeps only the last, silently: remove one',
      },
    ]);
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a repeated value that hides an invalid one', () => {
    const text = JSON.stringify({ patients: [PATIENT] }).replace(
      '"value":2.4',
      '"value":-5,"value":2.4',
    );
    const result = readCohort(file('cohort.json', text));
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'duplicate_key', path: 'patients[0].psa[0].value', line: 1 }),
    ]);
  });

  it('lists the first 100 and counts the rest', () => {
    const members = Array.from({ length: 250 }, (_, i) => `"x": ${i}`).join(',');
    const result = readCohort(file('cohort.json', `{"patients": [], ${members}}`));
    expect(result.issues).toHaveLength(100);
    expect(result.issues[99]!.message).toMatch(/\(and 149 more duplicate keys after this one\)$/);
  });
});

// Issue 11, items 7 and 8: messages are one printable line, whatever the data holds.
describe('readCohort: printable messages', () => {
  const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
  const ESCAPES = '\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e\r\u0000';

  it('escapes terminal controls in ids and keys (JSON)', () => {
    const bad = { ...PATIENT, id: `P${ESCAPES}`, surgeryDate: '2026-01-01' };
    const result = readCohort(file('cohort.json', JSON.stringify({ patients: [bad] })));
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.patientId).toBe(`P${ESCAPES}`);
      expect(issue.message).not.toMatch(HIDDEN);
    }
    expect(result.issues[0]!.message).toContain(
      'patient P\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u202e\\u000d\\u0000,',
    );
  });

  it('escapes the C1 controls, bidi overrides and line breaks CSV cells may hold', () => {
    // C0 controls (ESC, BEL, NUL) make a CSV file `control_character` as a whole.
    const id = 'X\u009b2J\u0085\r\n\u2028\u202eY';
    const dir = folder({ ...CSV, 'psa.csv': `${CSV['psa.csv']}"${id}",2024-03-01,1\n` });
    const result = readCohort(dir);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'unknown_patient' })]);
    expect(result.issues[0]!.message).not.toMatch(HIDDEN);
    expect(result.issues[0]!.message).toContain('"X\\u009b2J\\u0085\\n\\u2028\\u202eY"');
  });

  it('cuts a 256 KiB id in messages, keeping it whole in the issue', () => {
    const id = 'P'.repeat(256 * 1024);
    const bad = { ...PATIENT, id, psa: [{ date: '2024-01-08', value: -1 }] };
    const result = readCohort(file('cohort.json', JSON.stringify({ patients: [bad] })));
    expect(result.issues[0]!.patientId).toBe(id);
    expect(result.issues[0]!.message.length).toBeLessThan(300);
    expect(result.issues[0]!.message).toContain('... (an id of 262144 characters), psa[0].value');
  });
});

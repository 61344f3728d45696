import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CohortInputError } from '../../src/input/cohort-input-error.js';
import {
  COHORT_CSV_FILE_NAMES,
  parseCohortFile,
  validateCohortFile,
} from '../../src/node/validate-cohort-file.js';

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

describe('validateCohortFile: a CSV folder', () => {
  it('reads the four files and hashes them in the documented order', () => {
    const dir = folder(CSV);
    const result = validateCohortFile(dir);
    expect(result).toEqual({
      ok: true,
      patients: [PATIENT],
      warnings: [],
      issues: [],
      source: { path: dir, sha256: folderHash(CSV) },
      notOperated: [],
      screening: null,
    });
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the hash when one byte changes', () => {
    const a = validateCohortFile(folder(CSV));
    const b = validateCohortFile(
      folder({ ...CSV, 'psa.csv': CSV['psa.csv'].replace('2.4', '2.5') }),
    );
    expect(b.ok).toBe(true);
    expect(a.source.sha256).not.toBe(b.source.sha256);
  });

  it('accepts a folder without testosterone.csv', () => {
    const { 'testosterone.csv': _, ...files } = CSV;
    const result = validateCohortFile(folder(files));
    expect(result.ok).toBe(true);
    expect(result.patients?.[0]?.testosterone).toBeUndefined();
    expect(result.source.sha256).toBe(folderHash(files));
  });

  it('reports a missing required file', () => {
    const { 'psa.csv': _, ...files } = CSV;
    const result = validateCohortFile(folder(files));
    expect(result.ok).toBe(false);
    expect(result.patients).toBeNull();
    expect(result.issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', code: 'missing_file', line: null }),
    ]);
    expect(result.source.sha256).toBe(folderHash(files));
  });

  it('warns about other CSV files in the folder', () => {
    const result = validateCohortFile(
      folder({ ...CSV, 'psa_values.csv': 'x\n', 'notes.txt': 'x' }),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({ file: 'psa_values.csv', code: 'unknown_file' }),
    ]);
  });

  it('returns the CSV issues with file, line and column', () => {
    const dir = folder({ ...CSV, 'psa.csv': `${CSV['psa.csv']}008,2024-03-01,1\n` });
    const result = validateCohortFile(dir);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ file: 'psa.csv', line: 4, column: 1, code: 'unknown_patient' }),
    ]);
  });

  it('passes the options on', () => {
    const psa = 'patient_id,date,value,unit\n007,2024-01-08,2.4,ng/mL\n';
    const dir = folder({ ...CSV, 'psa.csv': psa });
    expect(validateCohortFile(dir).ok).toBe(false);
    expect(validateCohortFile(dir, { unknownColumns: 'warning' }).ok).toBe(true);
  });
});

describe('validateCohortFile: a JSON file', () => {
  const json = JSON.stringify({ $schema: '../fixtures/cohort.schema.json', patients: [PATIENT] });

  it('reads and validates it, hashing its bytes', () => {
    const path = file('cohort.json', json);
    const result = validateCohortFile(path);
    expect(result).toEqual({
      ok: true,
      patients: [PATIENT],
      warnings: [],
      issues: [],
      source: { path, sha256: createHash('sha256').update(json).digest('hex') },
      notOperated: [],
      screening: null,
    });
  });

  it('accepts a byte-order mark', () => {
    expect(validateCohortFile(file('cohort.json', `\uFEFF${json}`)).ok).toBe(true);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "patients": [\n    { "id": "A", }\n  ]\n}\n';
    const result = validateCohortFile(file('broken.json', text));
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ file: 'broken.json', line: 3, column: 18, code: 'json_syntax' }),
    ]);
    expect(result.issues[0]!.message).toMatch(/^broken\.json line 3, column 18: not valid JSON/);
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a truncated file at its end', () => {
    const result = validateCohortFile(file('short.json', '{\n  "patients": ['));
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
    const result = validateCohortFile(file('cohort.json', JSON.stringify(bad)));
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.file, i.patientId, i.path, i.code])).toEqual([
      ['cohort.json', '007', 'psa[0].value', 'out_of_range'],
      ['cohort.json', 'P2', 'lastFollowUpDate', 'date_order'],
    ]);
    expect(result.issues[0]!.message).toMatch(/^cohort\.json: patient 007, psa\[0\]\.value: /);
  });
});

describe('validateCohortFile: paths', () => {
  it('reports a path that does not exist', () => {
    const result = validateCohortFile(join(root, 'nothing-here'));
    expect(result.ok).toBe(false);
    expect(result.issues[0]!.code).toBe('not_found');
    expect(result.source.sha256).toBeNull();
  });

  it('reports a file that is neither JSON nor a folder', () => {
    const result = validateCohortFile(file('patients.csv', CSV['patients.csv']));
    expect(result.issues[0]!.code).toBe('unsupported_input');
  });

  it('throws TypeError for a path that is not a non-empty string', () => {
    expect(() => validateCohortFile(42 as never)).toThrow(TypeError);
    expect(() => validateCohortFile('')).toThrow(/path must be a non-empty string/);
  });
});

describe('parseCohortFile', () => {
  it('returns the patients, the patient flow and the warnings', () => {
    expect(parseCohortFile(folder(CSV))).toEqual({
      patients: [PATIENT],
      notOperated: [],
      screening: null,
      warnings: [],
    });
  });

  it('throws a CohortInputError listing the issues', () => {
    const dir = folder({ ...CSV, 'psa.csv': 'patient_id;date;value\n' });
    expect(() => parseCohortFile(dir)).toThrow(CohortInputError);
    expect(() => parseCohortFile(dir)).toThrow(
      /psa\.csv line 1: the file is separated by semicolons/,
    );
  });
});

// Issue 11, item 1: anything that is not a regular file is refused at once, never read.
// (A FIFO, which would block this process, /dev/zero, which never ends, and a /proc file that
// holds more than its size says are tested on the real command in test/cli/bin.test.ts, where
// a regression times out or runs out of its memory limit instead of hanging this process.)
describe('validateCohortFile: special files', () => {
  it('refuses a character device given as the cohort (a link to /dev/null)', () => {
    const dir = folder({});
    symlinkSync('/dev/null', join(dir, 'cohort.json'));
    const result = validateCohortFile(join(dir, 'cohort.json'));
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
      const result = validateCohortFile(dir);
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
describe('validateCohortFile: links', () => {
  it('reports a loop of links as a loop, not as a missing path', () => {
    const dir = folder({});
    symlinkSync('cohort.json', join(dir, 'cohort.json'));
    expect(validateCohortFile(join(dir, 'cohort.json')).issues).toEqual([
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
    expect(validateCohortFile(dir).issues).toEqual([
      expect.objectContaining({ file: 'patients.csv', code: 'symlink_loop' }),
    ]);
  });

  it('reports a link to nothing as such, even for the optional testosterone.csv', () => {
    const { 'testosterone.csv': _, ...files } = CSV;
    const dir = folder(files);
    symlinkSync(join(dir, 'labs.csv'), join(dir, 'testosterone.csv'));
    expect(validateCohortFile(dir).issues).toEqual([
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
    expect(validateCohortFile(dir).ok).toBe(true);
  });
});

// Issue 11, item 9: a key written twice is an error with its line and column, not last-wins.
describe('validateCohortFile: duplicate JSON keys', () => {
  it('refuses a second "patients" that would empty the cohort', () => {
    const text = `{\n  "patients": [${JSON.stringify(PATIENT)}],\n  "patients": []\n}\n`;
    const result = validateCohortFile(file('cohort.json', text));
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
    const result = validateCohortFile(file('cohort.json', text));
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'duplicate_key', path: 'patients[0].psa[0].value', line: 1 }),
    ]);
  });

  it('lists the first 100 and counts the rest', () => {
    const members = Array.from({ length: 250 }, (_, i) => `"x": ${i}`).join(',');
    const result = validateCohortFile(file('cohort.json', `{"patients": [], ${members}}`));
    expect(result.issues).toHaveLength(100);
    expect(result.issues[99]!.message).toMatch(/\(and 149 more duplicate keys after this one\)$/);
  });
});

// Issue 11, items 7 and 8: messages are one printable line, whatever the data holds.
describe('validateCohortFile: printable messages', () => {
  const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
  const ESCAPES = '\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e\r\u0000';

  it('escapes terminal controls in ids and keys (JSON)', () => {
    const bad = { ...PATIENT, id: `P${ESCAPES}`, surgeryDate: '2026-01-01' };
    const result = validateCohortFile(file('cohort.json', JSON.stringify({ patients: [bad] })));
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
    const result = validateCohortFile(dir);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'unknown_patient' })]);
    expect(result.issues[0]!.message).not.toMatch(HIDDEN);
    expect(result.issues[0]!.message).toContain('"X\\u009b2J\\u0085\\n\\u2028\\u202eY"');
  });

  it('cuts a 256 KiB id in messages, keeping it whole in the issue', () => {
    const id = 'P'.repeat(256 * 1024);
    const bad = { ...PATIENT, id, psa: [{ date: '2024-01-08', value: -1 }] };
    const result = validateCohortFile(file('cohort.json', JSON.stringify({ patients: [bad] })));
    expect(result.issues[0]!.patientId).toBe(id);
    expect(result.issues[0]!.message.length).toBeLessThan(300);
    expect(result.issues[0]!.message).toContain('... (an id of 262144 characters), psa[0].value');
  });
});

describe('validateCohortFile: the patient flow and the CSV options (issue 14)', () => {
  const FLOW = {
    'not-operated.csv': 'id,enrollment_date,reason\nN1,2023-12-01,withdrew consent\n',
    'screening.csv': 'step,reason,count\nassessed,,5\nexcluded,declined,1\n',
  };

  it('reads not-operated.csv and screening.csv, hashing them after the others', () => {
    const files = { ...CSV, ...FLOW };
    const dir = folder(files);
    const result = validateCohortFile(dir);
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      notOperated: [{ id: 'N1', enrollmentDate: '2023-12-01', reason: 'withdrew consent' }],
      screening: { assessed: 5, excluded: [{ reason: 'declined', count: 1 }] },
    });
    expect(result.source.sha256).toBe(folderHash(files));
    expect(result.source.sha256).not.toBe(folderHash(CSV));
  });

  it('returns the flow of a JSON file', () => {
    const json = JSON.stringify({
      patients: [PATIENT],
      notOperated: [{ id: 'N1', reason: 'unfit' }],
      screening: { assessed: 3, excluded: [] },
    });
    const result = validateCohortFile(file('cohort.json', json));
    expect(result).toMatchObject({
      ok: true,
      notOperated: [{ id: 'N1', reason: 'unfit' }],
      screening: { assessed: 3, excluded: [] },
    });
    expect(parseCohortFile(file('cohort.json', json)).notOperated).toHaveLength(1);
  });

  it('reads a de export with csvDialect, and ignores unknown columns on request', () => {
    const de = {
      'patients.csv': 'id;surgery_date;last_follow_up_date;site\n007;10.01.2024;01.06.2025;Bern\n',
      'psa.csv': 'patient_id;date;value\n007;08.01.2024;2,4\n',
      'complications.csv': 'patient_id;date;grade\n',
    };
    const dir = folder(de);
    expect(validateCohortFile(dir).issues.map((i) => i.code)).toEqual([
      'wrong_separator',
      'wrong_separator',
      'wrong_separator',
    ]);
    const result = validateCohortFile(dir, { csvDialect: 'de', unknownColumns: 'ignore' });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.patients?.[0]?.psa).toEqual([{ date: '2024-01-08', value: 2.4 }]);
  });

  it('throws for options of the wrong type or value, naming them', () => {
    const dir = folder(CSV);
    expect(() => validateCohortFile(dir, { csvDialect: 'excel' as never })).toThrow(
      /options\.csvDialect/,
    );
    expect(() => validateCohortFile(dir, { unknownColumns: 'warn' as never })).toThrow(RangeError);
    expect(() => validateCohortFile(dir, { columnMapping: 3 as never })).toThrow(
      /options\.columnMapping must be the path of a mapping file or a mapping object/,
    );
  });
});

describe('validateCohortFile: a column mapping file', () => {
  const EXPORT = {
    'patients.csv': 'record_id,date_slnd,date_last_fu\n1,2024-01-10,2025-06-01\n',
    'psa.csv': 'record_id,psa_date,psa_value\n1,2024-01-08,2.4\n',
    'complications.csv': 'patient_id,date,grade\n',
  };
  const MAPPING = {
    files: {
      'patients.csv': {
        columns: {
          record_id: 'id',
          date_slnd: 'surgery_date',
          date_last_fu: 'last_follow_up_date',
        },
      },
      'psa.csv': { columns: { record_id: 'patient_id', psa_date: 'date', psa_value: 'value' } },
    },
  };

  it('reads the export through a mapping given as a path or as an object', () => {
    const dir = folder(EXPORT);
    const path = file('mapping.json', JSON.stringify(MAPPING));
    const fromPath = validateCohortFile(dir, { columnMapping: path });
    expect(fromPath.issues).toEqual([]);
    expect(fromPath.patients?.[0]).toMatchObject({ id: '1', psa: [{ value: 2.4 }] });
    expect(validateCohortFile(dir, { columnMapping: MAPPING })).toEqual(fromPath);
  });

  it.each([
    [
      '{ "files": { "patients.csv": { "columns": { "a": "sex" } } } }',
      'mapping_unknown_column',
      'redcap-map.json: files["patients.csv"].columns.a: "sex" is not a column of patients.csv',
    ],
    [
      '{ "files": {}, "files": {} }',
      'duplicate_key',
      'redcap-map.json line 1, column 16: the key "files"',
    ],
    ['{ "files": { } ', 'json_syntax', 'redcap-map.json line 1, column 16: not valid JSON'],
    ['', 'empty_file', 'redcap-map.json: the file is empty'],
  ])('%j: %s, naming the mapping file and the key, before the data is read', (text, code, says) => {
    const dir = folder({ ...EXPORT, 'psa.csv': 'junk;junk\n' });
    const result = validateCohortFile(dir, { columnMapping: file('redcap-map.json', text) });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.file, i.code])).toEqual([['redcap-map.json', code]]);
    expect(result.issues[0]!.message).toContain(says);
    expect(result.source.sha256).toBeNull();
  });

  it('a mapping path that does not exist, or is a folder', () => {
    const dir = folder(EXPORT);
    const missing = validateCohortFile(dir, { columnMapping: join(root, 'no-mapping.json') });
    expect(missing.issues).toEqual([
      expect.objectContaining({ file: 'no-mapping.json', code: 'not_found' }),
    ]);
    const asFolder = validateCohortFile(dir, { columnMapping: dir });
    expect(asFolder.issues).toEqual([
      expect.objectContaining({
        code: 'unreadable',
        message: expect.stringContaining('column mapping: is a folder, not a JSON file'),
      }),
    ]);
  });
});

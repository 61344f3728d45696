// The malformed-input corpus: every folder of test/bad-inputs/cases/ (a cohort.json or CSV files
// and an expect.json), plus the cases generated here because committing them would bloat the
// repository (10 MiB of junk, 100,000 levels of nesting, a 65 MiB file, non-UTF-8 encodings).
// Each is read by validateCohortFile and run through `slnd-stats validate` and `slnd-stats report`:
// an invalid input must give exactly its issue codes, name its place (file, line, patient,
// path) in the messages, exit 2 without a stack trace and write nothing; a valid variant (BOM,
// CRLF) must parse and report.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { MAX_INPUT_BYTES, validateCohortFile } from '../../src/node/validate-cohort-file.js';

type Expect =
  | {
      readonly valid: false;
      /** The set of issue codes validateCohortFile returns (exactly). */
      readonly codes: readonly string[];
      /** Substrings the issue messages (and the CLI's output) must contain. */
      readonly mentions: readonly string[];
      readonly exit: 2;
      /** The input file inside the case folder, when it is not cohort.json or the folder. */
      readonly input?: string;
    }
  | {
      readonly valid: true;
      readonly patients: number;
      /** The set of warning codes (default none). */
      readonly warnings?: readonly string[];
      readonly input?: string;
    };

interface Case {
  readonly name: string;
  /** The path given to validateCohortFile and the CLI. */
  readonly input: string;
  readonly expect: Expect;
}

/** Every case must be answered within this, 10 MiB of junk included. */
const FAST_MS = 2000;
const STACK_TRACE = /\n\s+at /;
/**
 * What a message line must not hold: control characters (terminal escapes, BEL, CR, NUL, C1),
 * format characters (bidi overrides, zero-width) and line separators (issue 11, item 7).
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const casesDir = fileURLToPath(new URL('./cases', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'slnd-bad-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function inputOf(folder: string, expect: Expect): string {
  if (expect.input !== undefined) return join(folder, expect.input);
  const json = join(folder, 'cohort.json');
  return existsSync(json) ? json : folder;
}

const committed: Case[] = readdirSync(casesDir)
  .sort()
  .map((name) => {
    const folder = join(casesDir, name);
    const expect = JSON.parse(readFileSync(join(folder, 'expect.json'), 'utf8')) as Expect;
    return { name, input: inputOf(folder, expect), expect };
  });

/** Deterministic pseudo-random bytes (a linear congruential generator), `n` of them. */
function junkBytes(n: number, seed: number, alphabet?: string): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = alphabet === undefined ? x >>> 24 : alphabet.charCodeAt((x >>> 24) % alphabet.length);
  }
  return out;
}

const TEN_MIB = 10 * 1024 * 1024;
const PATIENTS_CSV = 'id,surgery_date,last_follow_up_date\nP01,2024-01-10,2025-06-01\n';
const PSA_CSV = 'patient_id,date,value\nP01,2024-01-02,1.4\n';
const COMPLICATIONS_CSV = 'patient_id,date,grade,description\nP01,2024-01-14,II,lymphocele\n';
const PATIENT_JSON =
  '"id": "P01", "surgeryDate": "2024-01-10", "psa": [], "lastFollowUpDate": "2025-06-01"';

/** A case written into the scratch folder: `files` maps names to contents (a Buffer or text). */
function generated(
  name: string,
  files: Record<string, string | Buffer | null>,
  expect: Expect,
  input = 'cohort.json',
): Case {
  const folder = join(scratch, name);
  mkdirSync(folder);
  for (const [file, content] of Object.entries(files)) {
    if (content === null) mkdirSync(join(folder, file));
    else writeFileSync(join(folder, file), content);
  }
  return {
    name: `${name} (generated)`,
    input: input === '' ? folder : join(folder, input),
    expect,
  };
}

const csvFiles = (over: Record<string, string | Buffer | null>) => ({
  'patients.csv': PATIENTS_CSV,
  'psa.csv': PSA_CSV,
  'complications.csv': COMPLICATIONS_CSV,
  ...over,
});
const bad = (codes: string[], mentions: string[]): Expect => ({
  valid: false,
  codes,
  mentions,
  exit: 2,
});
const DEPTH = 100_000;

const generatedCases: Case[] = [
  generated(
    'junk-10mib-binary-json',
    { 'cohort.json': junkBytes(TEN_MIB, 1) },
    bad(['invalid_encoding'], ['cohort.json line 1: the bytes are not UTF-8 text']),
  ),
  generated(
    'junk-10mib-binary-csv',
    csvFiles({ 'psa.csv': junkBytes(TEN_MIB, 2) }),
    bad(['invalid_encoding'], ['psa.csv line 1: the bytes are not UTF-8 text']),
    '',
  ),
  generated(
    'junk-10mib-text-one-line-csv',
    csvFiles({ 'patients.csv': junkBytes(TEN_MIB, 3, 'abcdefghijklmnopqrstuvwxyz ,;.-') }),
    bad(['csv_syntax'], ['patients.csv line 1: the first line is 10485760 characters long']),
    '',
  ),
  generated(
    'junk-10mib-text-lines-csv',
    csvFiles({
      'complications.csv': junkBytes(TEN_MIB, 4, 'abcdefghijklmnopqrstuvwxyz  \n'),
    }),
    bad(['missing_column', 'unknown_column'], ['complications.csv line 1, column 1']),
    '',
  ),
  generated(
    'junk-10mib-text-json',
    { 'cohort.json': junkBytes(TEN_MIB, 5, 'abcdefghijklmnopqrstuvwxyz{}[]:," \n') },
    bad(['json_syntax'], ['cohort.json line 1, column 1: not valid JSON']),
  ),
  generated(
    'utf16-csv',
    csvFiles({ 'patients.csv': Buffer.from(`\uFEFF${PATIENTS_CSV}`, 'utf16le') }),
    bad(['invalid_encoding'], ['patients.csv: the file is UTF-16']),
    '',
  ),
  generated(
    'latin1-csv',
    csvFiles({
      'complications.csv': Buffer.from(
        `patient_id,date,grade,description\nP01,2024-01-14,II,Lymphozele, Drainage \u00fcber Port\n`,
        'latin1',
      ),
    }),
    bad(['invalid_encoding'], ['complications.csv line 2: the bytes are not UTF-8 text']),
    '',
  ),
  generated(
    'patients-csv-is-a-folder',
    csvFiles({ 'patients.csv': null }),
    bad(['unreadable'], ['patients.csv: is a folder, not a file']),
    '',
  ),
  generated(
    'deep-nesting-arrays-json',
    { 'cohort.json': '['.repeat(DEPTH) + ']'.repeat(DEPTH) },
    bad(['invalid_type'], ['cohort, patients[0]: must be object']),
  ),
  generated(
    'deep-nesting-objects-json',
    {
      'cohort.json': `{"patients": [{${PATIENT_JSON}, "complications": [{"date": "2024-01-14", "grade": "I", "description": ${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}]}]}`,
    },
    bad(['invalid_type'], ['patient P01, complications[0].description: must be string']),
  ),
  generated(
    'deep-nesting-unclosed-json',
    { 'cohort.json': `{"patients": ${'['.repeat(DEPTH)}` },
    bad(['json_syntax'], [`cohort.json line 1, column ${14 + DEPTH}: not valid JSON`]),
  ),
];

// A file over the limit is refused before it is read: a sparse file costs no disk or time.
const tooLarge = generated('too-large-json', { 'cohort.json': '' }, bad(['too_large'], []));
truncateSync(tooLarge.input, MAX_INPUT_BYTES + 1024 * 1024);
generatedCases.push({
  ...tooLarge,
  expect: bad(['too_large'], ['cohort.json: the file is 129.0 MiB; the limit is 128.0 MiB']),
});

// Paths that are not regular files (issue 11, items 1 and 15): links made here, since a link
// to /dev/null or a loop of links has no place in the repository.
function linked(
  name: string,
  files: Record<string, string>,
  links: Record<string, string>,
  e: Expect,
  input = 'cohort.json',
): Case {
  const c = generated(name, files, e, input);
  const folder = join(scratch, name);
  for (const [file, target] of Object.entries(links)) symlinkSync(target, join(folder, file));
  return c;
}
generatedCases.push(
  linked(
    'special-file-dev-null-json',
    {},
    { 'cohort.json': '/dev/null' },
    bad(
      ['special_file'],
      [
        'cohort.json: is a symbolic link to /dev/null, which is a character device, not a regular file',
      ],
    ),
  ),
  linked(
    'symlink-loop-json',
    {},
    { 'cohort.json': 'cohort.json' },
    bad(['symlink_loop'], ['cohort.json: is a loop of symbolic links']),
  ),
  linked(
    'symlink-loop-csv',
    csvFiles({}),
    { 'testosterone.csv': 'testosterone.csv' },
    bad(['symlink_loop'], ['testosterone.csv: is a loop of symbolic links']),
    '',
  ),
  linked(
    'dangling-link-csv',
    { 'patients.csv': PATIENTS_CSV, 'complications.csv': COMPLICATIONS_CSV },
    { 'psa.csv': 'psa-export.csv' },
    bad(['missing_file'], ['psa.csv: is a symbolic link to psa-export.csv, which does not exist']),
    '',
  ),
);

const cases: Case[] = [...committed, ...generatedCases];

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const status = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  const ms = performance.now() - started;
  return { status, ms, text: [...out, ...err].join('\n') };
}

afterEach(() => {
  // The __proto__ / constructor.prototype payloads must not have reached Object.prototype.
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('the bad-inputs corpus', () => {
  it('holds at least 40 cases, each with a valid expect.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const { name, expect: e } of cases) {
      if (e.valid) expect(e.patients, name).toBeGreaterThan(0);
      else {
        expect(e.codes.length, name).toBeGreaterThan(0);
        expect(e.mentions.length, name).toBeGreaterThan(0);
        expect(e.exit, name).toBe(2);
      }
    }
  });

  describe.each(cases)('$name', ({ input, expect: e }) => {
    it('validateCohortFile returns the expected issues, naming their place, fast', () => {
      const started = performance.now();
      const result = validateCohortFile(input);
      expect(performance.now() - started).toBeLessThan(FAST_MS);
      const messages = [...result.issues, ...result.warnings].map((i) => i.message);
      for (const message of messages) expect(message).not.toMatch(HIDDEN);
      if (e.valid) {
        expect(result.issues.map((i) => i.message)).toEqual([]);
        expect(result.patients).toHaveLength(e.patients);
        expect([...new Set(result.warnings.map((w) => w.code))].sort()).toEqual(
          [...(e.warnings ?? [])].sort(),
        );
        return;
      }
      expect(result.ok).toBe(false);
      expect(result.patients).toBeNull();
      expect([...new Set(result.issues.map((i) => i.code))].sort()).toEqual([...e.codes].sort());
      const all = messages.join('\n');
      for (const mention of e.mentions) expect(all).toContain(mention);
    });

    it(`slnd-stats validate exits ${e.valid ? 0 : 2}, naming the problems, without a stack trace`, async () => {
      const r = await run('validate', input);
      expect(r.ms).toBeLessThan(FAST_MS);
      expect(r.text).not.toMatch(STACK_TRACE);
      for (const line of r.text.split('\n')) expect(line).not.toMatch(HIDDEN);
      expect(r.text).not.toContain('internal error');
      if (e.valid) {
        expect(r.status).toBe(0);
        expect(r.text).toContain(`valid, ${e.patients} patients.`);
      } else {
        expect(r.status).toBe(e.exit);
        for (const mention of e.mentions) expect(r.text).toContain(mention);
      }
    });

    it(`slnd-stats report ${e.valid ? 'writes the report' : 'exits 2 and writes nothing'}`, async () => {
      const out = join(mkdtempSync(join(scratch, 'out-')), 'report');
      const r = await run('report', input, '--out', out);
      expect(r.text).not.toMatch(STACK_TRACE);
      for (const line of r.text.split('\n')) expect(line).not.toMatch(HIDDEN);
      expect(r.text).not.toContain('internal error');
      if (e.valid) {
        expect(r.status).toBe(0);
        expect(r.text).toContain(`${e.patients} patients`);
        expect(existsSync(join(out, 'report.json'))).toBe(true);
      } else {
        expect(r.status).toBe(e.exit);
        for (const mention of e.mentions) expect(r.text).toContain(mention);
        expect(existsSync(out)).toBe(false);
      }
    });
  });
});

describe('the CLI on problems that are not the data', () => {
  const valid = committed.find((c) => c.name === 'json-bom-valid')!.input;

  it('exits 2 without a stack trace when --out cannot be written', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    const r = await run('report', valid, '--out', join(file, 'report'));
    expect(r.status).toBe(2);
    expect(r.text).toMatch(/^slnd-stats: --out .*a-file.*: cannot write the report: ENOTDIR/);
    expect(r.text).not.toMatch(STACK_TRACE);
  });

  it('exits 2 for a cohort without patients instead of reporting on nothing', async () => {
    const empty = join(scratch, 'empty.json');
    writeFileSync(empty, '{ "patients": [] }');
    const out = join(scratch, 'empty-report');
    const r = await run('report', empty, '--out', out);
    expect(r).toMatchObject({ status: 2 });
    expect(r.text).toContain('the cohort has no patients; no report written.');
    expect(existsSync(out)).toBe(false);
  });
});

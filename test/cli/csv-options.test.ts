import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { columnMappingJsonSchema } from '../../src/input/column-mapping-schema.js';

// --unknown-columns, --csv-dialect and --map (issue 14) on `validate` and `report`.

const root = mkdtempSync(join(tmpdir(), 'slnd-cli-csv-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function folder(files: Record<string, string>): string {
  const dir = join(root, `csv-${counter++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const CSV = {
  'patients.csv': 'id,surgery_date,last_follow_up_date,site\n007,2024-01-10,2025-06-01,Bern\n',
  'psa.csv': 'patient_id,date,value\n007,2024-01-08,2.4\n007,2024-02-21,<0.03\n',
  'complications.csv': 'patient_id,date,grade\n',
};

describe('--unknown-columns', () => {
  it('warns by default: the column is left out, printed, and a note says how to refuse it', async () => {
    const r = await run('validate', folder(CSV));
    expect(r.status).toBe(0);
    expect(r.out).toContain('valid, 1 patients.');
    expect(r.err).toContain('warning: patients.csv line 1, column 4: unknown column "site"');
    expect(r.err).toContain(
      'note: 1 column(s) the layout does not know were left out (warnings above); --unknown-columns error refuses them',
    );
  });

  it('error refuses the column (exit 2), ignore leaves it out silently', async () => {
    const dir = folder(CSV);
    const strict = await run('validate', dir, '--unknown-columns', 'error');
    expect(strict.status).toBe(2);
    expect(strict.err).toContain('  patients.csv line 1, column 4: unknown column "site"');
    const silent = await run('validate', dir, '--unknown-columns', 'ignore');
    expect(silent).toMatchObject({ status: 0, err: '' });
  });

  it('report prints the warnings and the note, also when the input has problems', async () => {
    const dir = folder({ ...CSV, 'psa.csv': 'patient_id,date,psa_value\n007,2024-01-08,2.4\n' });
    const r = await run('report', dir, '--out', join(root, `out-${counter++}`));
    expect(r.status).toBe(2);
    expect(r.err).toContain('warning: psa.csv line 1, column 3: unknown column "psa_value"');
    expect(r.err).toContain('note: 2 column(s) the layout does not know were left out');
    expect(r.err).toContain('psa.csv line 1: required column "value" is missing');
  });

  it('refuses another value', async () => {
    const r = await run('validate', folder(CSV), '--unknown-columns', 'warning');
    expect(r).toMatchObject({ status: 2 });
    expect(r.err).toBe(
      'slnd-stats: --unknown-columns must be warn, ignore or error. Value: "warning".',
    );
  });
});

describe('--csv-dialect', () => {
  const DE = {
    'patients.csv':
      'id;surgery_date;last_follow_up_date;prior_adt\n007;10.01.2024;01.06.2025;nein\n',
    'psa.csv': 'patient_id;date;value\n007;08.01.2024;2,4\n007;21.02.2024;<0,03\n',
    'complications.csv': 'patient_id;date;grade\n',
  };

  it('standard (the default) names the way out; de reads the export', async () => {
    const dir = folder(DE);
    const standard = await run('validate', dir);
    expect(standard.status).toBe(2);
    expect(standard.err).toContain('patients.csv line 1: the file is separated by semicolons');
    expect(standard.err).toContain('--csv-dialect de');
    const de = await run('validate', dir, '--csv-dialect', 'de');
    expect(de).toMatchObject({ status: 0, out: `${dir}: valid, 1 patients.` });
    const out = join(root, `out-${counter++}`);
    const report = await run(
      'report',
      dir,
      '--csv-dialect',
      'de',
      '--out',
      out,
      '--format',
      'json',
    );
    expect(report.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).cohort.n).toBe(1);
  });

  it('refuses another value', async () => {
    const r = await run('validate', folder(DE), '--csv-dialect', 'excel');
    expect(r).toMatchObject({ status: 2 });
    expect(r.err).toBe('slnd-stats: --csv-dialect must be standard or de. Value: "excel".');
  });
});

describe('--map', () => {
  it('reads the REDCap example through its mapping, for validate and report', async () => {
    const valid = await run('validate', 'examples/redcap', '--map', 'examples/redcap/mapping.json');
    expect(valid).toMatchObject({ status: 0, out: 'examples/redcap: valid, 4 patients.', err: '' });
    const out = join(root, `out-${counter++}`);
    const report = await run(
      'report',
      'examples/redcap',
      '--map',
      'examples/redcap/mapping.json',
      '--out',
      out,
      '--format',
      'json',
      '--quiet',
    );
    expect(report.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).cohort.n).toBe(4);
  });

  it('a mapping with a problem: exit 2, naming the mapping file and the key', async () => {
    const mapping = join(root, 'bad-mapping.json');
    writeFileSync(mapping, '{ "files": { "patients.csv": { "columns": { "gender": "sex" } } } }');
    const r = await run('validate', 'examples/redcap', '--map', mapping);
    expect(r.status).toBe(2);
    expect(r.err).toContain(
      'bad-mapping.json: files["patients.csv"].columns.gender: "sex" is not a column of patients.csv',
    );
    const missing = await run('validate', 'examples/redcap', '--map', join(root, 'none.json'));
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('none.json: column mapping: no such file or folder');
  });

  it('refuses an empty --map, and the CSV options for a JSON file', async () => {
    expect((await run('validate', 'examples/redcap', '--map', '')).err).toBe(
      'slnd-stats: --map must name a column mapping file. Value: "".',
    );
    for (const option of [
      ['--map', 'examples/redcap/mapping.json'],
      ['--csv-dialect', 'de'],
      ['--unknown-columns', 'ignore'],
    ]) {
      const r = await run('validate', 'examples/example-cohort.json', ...option);
      expect(r.status).toBe(2);
      expect(r.err).toBe(
        `slnd-stats: ${option[0]} is about the columns of a folder of CSV files; examples/example-cohort.json is a cohort JSON file, which has one form`,
      );
    }
    const report = await run('report', '--csv-dialect', 'de', '--out', join(root, 'never'));
    expect(report.status).toBe(2);
  });

  it('schema --mapping prints the JSON Schema of a mapping file', async () => {
    const r = await run('schema', '--mapping');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual(columnMappingJsonSchema());
  });
});

describe('--help', () => {
  it('lists the CSV options for report and validate, and schema --mapping', async () => {
    for (const command of ['report', 'validate']) {
      const help = (await run(command, '--help')).out;
      expect(help).toContain('--unknown-columns M');
      expect(help).toContain('warn (default');
      expect(help).toContain('--csv-dialect D');
      expect(help).toContain('--map FILE');
    }
    expect((await run('--help')).out).toContain('not-operated.csv, screening.csv');
    expect((await run('schema', '--help')).out).toContain('--mapping');
  });
});

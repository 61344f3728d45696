import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';

// `report` gives buildTrialReport the patient flow read with the cohort (issue 14): the
// patients who were not operated and the screening, as its `notOperated` and `screening`.

vi.mock('../../src/report/build-trial-report.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/report/build-trial-report.js')>();
  return { ...original, buildTrialReport: vi.fn(original.buildTrialReport) };
});

const root = mkdtempSync(join(tmpdir(), 'slnd-cli-flow-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  vi.mocked(buildTrialReport).mockClear();
});

async function run(...args: string[]) {
  const lines: string[] = [];
  const status = await runCli(args, { out: (t) => lines.push(t), err: (t) => lines.push(t) });
  return { status, text: lines.join('\n') };
}

describe('slnd-stats report: the patient flow', () => {
  it('passes not-operated.csv and screening.csv to the report', async () => {
    const out = join(root, 'redcap');
    const r = await run(
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
    expect(r.status).toBe(0);
    expect(buildTrialReport).toHaveBeenCalledTimes(1);
    const options = vi.mocked(buildTrialReport).mock.calls[0]![1]!;
    expect(options.notOperated).toEqual([
      { id: '1005', enrollmentDate: '2023-06-10', reason: 'distant metastases at re-staging' },
      { id: '1006', enrollmentDate: '2023-11-02', reason: 'withdrew consent' },
    ]);
    expect(options.screening).toEqual({
      assessed: 14,
      excluded: [
        { reason: 'distant metastases on PSMA-PET', count: 5 },
        { reason: 'declined to participate', count: 3 },
      ],
    });
  });

  it('with --exclude-invalid, leaves out a screening with a problem of its own', async () => {
    const dir = join(root, 'bad-screening');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'patients.csv'),
      'id,surgery_date,last_follow_up_date\nP1,2024-01-10,2025-06-01\nP2,2024-02-30,2025-06-01\n',
    );
    writeFileSync(join(dir, 'psa.csv'), 'patient_id,date,value\nP1,2024-01-02,1.4\n');
    writeFileSync(join(dir, 'complications.csv'), 'patient_id,date,grade\n');
    writeFileSync(join(dir, 'not-operated.csv'), 'id,enrollment_date,reason\nN1,,unfit\n');
    writeFileSync(
      join(dir, 'screening.csv'),
      'step,reason,count\nassessed,,2\nexcluded,declined,5\n',
    );
    const r = await run('report', dir, '--exclude-invalid', '--out', join(root, 'out'), '--quiet');
    expect(r.status).toBe(0);
    const options = vi.mocked(buildTrialReport).mock.calls[0]![1]!;
    expect(options.notOperated).toEqual([{ id: 'N1', reason: 'unfit' }]);
    expect(options.screening).toBeUndefined();
    expect(options.excluded?.flatMap((e) => e.reasons).join('\n')).toContain(
      'screening.csv line 2, column 3: count: 2 patients assessed, fewer than',
    );
  });
});

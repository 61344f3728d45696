// Issue 11, items 2 and 3: a report folder is either the complete new report or untouched, and
// nothing is ever written through a link planted in it. Before, `ln -s victim.txt
// out/report.json` made the report overwrite victim.txt; a full disk or an interrupt left half
// a report, or a new report.html beside an older report's report.md and plots.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SlndStatsError } from '../../src/errors.js';
import { replaceReportFolder } from '../../src/node/replace-report-folder.js';

const root = mkdtempSync(join(tmpdir(), 'slnd-replace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder to hold the report folder (so leftovers beside it can be seen). */
function parent(): string {
  const dir = join(root, `p${counter++}`);
  mkdirSync(dir);
  return dir;
}

const NEW = [
  { name: 'report.html', text: '<p>new</p>' },
  { name: 'report.md', text: '# new' },
  { name: 'plots/km.svg', text: '<svg>new</svg>' },
];

/** Every file under `dir`, by relative path, with its text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
  }
  return out;
}

/** An earlier report, with a plot the new one does not have. */
function oldReport(dir: string): Record<string, string> {
  mkdirSync(join(dir, 'plots'), { recursive: true });
  writeFileSync(join(dir, 'report.html'), '<p>old</p>');
  writeFileSync(join(dir, 'report.json'), '{"old": true}');
  writeFileSync(join(dir, 'plots', 'gone.svg'), '<svg>old</svg>');
  return tree(dir);
}

async function refusal(promise: Promise<unknown>): Promise<SlndStatsError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlndStatsError);
  return error as SlndStatsError;
}

describe('replaceReportFolder', () => {
  it('writes a new folder, creating its parents, and leaves nothing beside it', async () => {
    const p = parent();
    const out = join(p, 'a', 'b', 'report');
    const written = await replaceReportFolder(out, NEW);
    expect(written).toEqual(NEW.map((f) => join(out, f.name)));
    expect(tree(out)).toEqual({
      'report.html': '<p>new</p>',
      'report.md': '# new',
      'plots/km.svg': '<svg>new</svg>',
    });
    expect(readdirSync(join(p, 'a', 'b'))).toEqual(['report']);
  });

  it('replaces an earlier report as a whole: none of its files stays', async () => {
    const p = parent();
    const out = join(p, 'report');
    oldReport(out);
    writeFileSync(join(out, '.DS_Store'), 'finder');
    await replaceReportFolder(out, NEW);
    expect(Object.keys(tree(out)).sort()).toEqual(['plots/km.svg', 'report.html', 'report.md']);
    expect(readdirSync(p)).toEqual(['report']);
  });

  it('replaces an empty folder', async () => {
    const out = join(parent(), 'empty');
    mkdirSync(out);
    await replaceReportFolder(out, NEW);
    expect(Object.keys(tree(out))).toHaveLength(3);
  });

  it('leaves the earlier report intact and no temporary folder when a write fails', async () => {
    const p = parent();
    const out = join(p, 'report');
    const before = oldReport(out);
    const failing = replaceReportFolder(out, NEW, {
      onFileWritten: (name) => {
        if (name === 'report.md')
          throw Object.assign(new Error('ENOSPC: no space'), { code: 'ENOSPC' });
      },
    });
    await expect(failing).rejects.toThrow(/ENOSPC/);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(p)).toEqual(['report']);
  });

  it('removes the parent folders it made when a write fails: nothing is left', async () => {
    const p = parent();
    const failing = replaceReportFolder(join(p, 'a', 'b', 'report'), NEW, {
      onFileWritten: () => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      },
    });
    await expect(failing).rejects.toThrow(/EIO/);
    expect(readdirSync(p)).toEqual([]);
  });

  it('leaves the earlier report intact and no temporary folder when aborted', async () => {
    const p = parent();
    const out = join(p, 'report');
    const before = oldReport(out);
    const controller = new AbortController();
    const aborted = replaceReportFolder(out, NEW, {
      signal: controller.signal,
      onFileWritten: (name) => {
        if (name === 'report.html') controller.abort('SIGINT');
      },
    });
    await expect(aborted).rejects.toBe('SIGINT');
    expect(tree(out)).toEqual(before);
    expect(readdirSync(p)).toEqual(['report']);
  });

  it('writes nothing when aborted before it starts', async () => {
    const p = parent();
    const signal = AbortSignal.abort('SIGTERM');
    await expect(replaceReportFolder(join(p, 'r'), NEW, { signal })).rejects.toBe('SIGTERM');
    expect(readdirSync(p)).toEqual([]);
  });

  it.each([
    ['report.json', 'report.json'],
    ['report.html', 'report.html'],
    ['report.md', 'report.md'],
    ['a plot', 'plots/km.svg'],
    ['plots/ itself', 'plots'],
  ])('refuses a link planted as %s, leaving its target untouched', async (_, planted) => {
    const p = parent();
    const out = join(p, 'report');
    mkdirSync(join(out, 'plots'), { recursive: true });
    const victim = join(p, 'victim');
    if (planted === 'plots') mkdirSync(victim);
    else writeFileSync(victim, 'precious');
    if (planted === 'plots') rmSync(join(out, 'plots'), { recursive: true });
    symlinkSync(victim, join(out, planted));
    const error = await refusal(replaceReportFolder(out, NEW));
    expect(error.code).toBe('REPORT_OUT_LINK');
    expect(error.message).toContain(`${join(out, planted)} is a symbolic link`);
    if (planted === 'plots') expect(readdirSync(victim)).toEqual([]);
    else expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readdirSync(p).sort()).toEqual(['report', 'victim']);
  });

  it('refuses an --out that is itself a link', async () => {
    const p = parent();
    mkdirSync(join(p, 'real'));
    symlinkSync(join(p, 'real'), join(p, 'report'));
    const error = await refusal(replaceReportFolder(join(p, 'report'), NEW));
    expect(error.code).toBe('REPORT_OUT_LINK');
    expect(readdirSync(join(p, 'real'))).toEqual([]);
  });

  it('refuses a folder holding anything but a report, and a file', async () => {
    const p = parent();
    const out = join(p, 'mine');
    oldReport(out);
    writeFileSync(join(out, 'thesis.docx'), 'years of work');
    const error = await refusal(replaceReportFolder(out, NEW));
    expect(error.code).toBe('REPORT_OUT_NOT_A_REPORT');
    expect(error.message).toContain('(thesis.docx)');
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('years of work');
    writeFileSync(join(p, 'file'), 'x');
    expect((await refusal(replaceReportFolder(join(p, 'file'), NEW))).code).toBe(
      'REPORT_OUT_NOT_A_REPORT',
    );
    // A folder inside plots/ is not a plot either.
    rmSync(join(out, 'thesis.docx'));
    mkdirSync(join(out, 'plots', 'sub'));
    expect((await refusal(replaceReportFolder(out, NEW))).message).toContain('(plots/sub)');
  });

  it('refuses to replace a folder holding the input, which it would delete', async () => {
    const p = parent();
    const out = join(p, 'report');
    oldReport(out);
    // An input named like an output: report.json read from the folder the report goes to.
    const error = await refusal(
      replaceReportFolder(out, NEW, { inputPath: join(out, 'report.json') }),
    );
    expect(error.code).toBe('REPORT_OUT_HOLDS_INPUT');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"old": true}');
  });

  it('refuses to replace the current folder', async () => {
    const p = parent();
    const out = join(p, 'report');
    oldReport(out);
    const cwd = process.cwd();
    process.chdir(join(out, 'plots'));
    try {
      expect((await refusal(replaceReportFolder(out, NEW))).code).toBe('REPORT_OUT_HOLDS_CWD');
    } finally {
      process.chdir(cwd);
    }
  });

  it('checks again before the swap: a link planted while writing is refused', async () => {
    const p = parent();
    const out = join(p, 'report');
    const before = oldReport(out);
    writeFileSync(join(p, 'victim'), 'precious');
    const racing = replaceReportFolder(out, NEW, {
      onFileWritten: (name) => {
        if (name === 'report.html') symlinkSync(join(p, 'victim'), join(out, 'report.md'));
      },
    });
    expect((await refusal(racing)).code).toBe('REPORT_OUT_LINK');
    expect(readFileSync(join(p, 'victim'), 'utf8')).toBe('precious');
    rmSync(join(out, 'report.md'));
    expect(tree(out)).toEqual(before);
    expect(readdirSync(p).sort()).toEqual(['report', 'victim']);
  });

  it('refuses a file name that could leave the folder', async () => {
    await expect(
      replaceReportFolder(join(parent(), 'r'), [{ name: '../x', text: '' }]),
    ).rejects.toThrow(/not a report file name/);
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});

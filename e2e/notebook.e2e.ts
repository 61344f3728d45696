// docs/notebooks/trial-analysis.ipynb, executed from top to bottom by nbclient on the Deno
// Jupyter kernel, as a reader would run it: every cell runs without an error, the results of the
// `slnd-stats/notebook` entry display themselves (the Kaplan-Meier fit as image/svg+xml), and the
// CSV example is read in Deno (issue 13: csv-parse's browser build failed there). Needs `npm run build` and
// `bash e2e/setup.sh` (Debian's python3-nbclient). The kernel runs offline with an empty
// DENO_DIR, so the test also shows that a first run needs no network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOTEBOOK = join(ROOT, 'docs', 'notebooks', 'trial-analysis.ipynb');
/** Debian's interpreter, where apt puts nbclient (a pyenv or venv python3 would not have it). */
const PYTHON = process.env.E2E_PYTHON ?? '/usr/bin/python3';
const DENO = join(ROOT, 'node_modules', '.bin', 'deno');
/** A closed port: anything that tries the network through a proxy fails at once. */
const NO_NETWORK = 'http://127.0.0.1:9';

/**
 * Executes a notebook with nbclient, in the notebook's folder, and writes the result; exit
 * status 3 when a cell failed (the executed notebook is written all the same).
 *
 * Deno's kernel (2.9) publishes a cell's execute_result (the display of its last expression)
 * from another task than the `status: idle` that ends the cell, and now and then the result
 * comes after the idle; stock nbclient stops reading a cell's output at its idle and drops it
 * (about one run in three here). This client adds such a late message to the cell it belongs
 * to (by its parent msg_id) and waits a moment after the last cell, and says how many it
 * caught.
 */
const EXECUTE = `
import sys
from queue import Empty

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async


class LateOutputClient(NotebookClient):
    def __init__(self, nb, **kw):
        super().__init__(nb, **kw)
        self.cells_by_msg = {}
        self.late = 0

    def route(self, msg):
        target = self.cells_by_msg.get(msg["parent_header"].get("msg_id"))
        if target is None or msg["msg_type"] == "status":
            return
        self.late += 1
        try:
            self.process_message(msg, *target)
        except CellExecutionComplete:
            pass

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self.cells_by_msg[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                self.route(msg)
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                return

    async def drain(self, quiet_seconds):
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=quiet_seconds))
            except Empty:
                return
            self.route(msg)


source, target, cwd = sys.argv[1:4]
nb = nbformat.read(source, as_version=4)
last_code_cell = max(i for i, c in enumerate(nb.cells) if c.cell_type == "code")


async def after_cell(cell, cell_index, execute_reply):
    if cell_index == last_code_cell:
        await client.drain(0.5)


client = LateOutputClient(
    nb, kernel_name="deno", timeout=120, startup_timeout=60,
    resources={"metadata": {"path": cwd}}, on_cell_executed=after_cell,
)
status = 0
try:
    client.execute()
except CellExecutionError as error:
    print(error, file=sys.stderr)
    status = 3
print(f"nbclient: {client.late} output(s) published after their cell's idle", file=sys.stderr)
nbformat.write(nb, target)
sys.exit(status)
`;

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
  name?: string;
  text?: string | string[];
}
interface Cell {
  cell_type: string;
  id: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: Output[];
}
interface Notebook {
  metadata: { kernelspec?: { name: string; language: string } };
  cells: Cell[];
}

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

/** The example cohort analysed by the same build (the notebook entry) in Node: what the notebook should show. */
// biome-ignore lint/suspicious/noExplicitAny: the build's types are not this file's concern
async function inNode(): Promise<{ slnd: any; patients: unknown[]; parsed: any; cut: any }> {
  const slnd = await import(pathToFileURL(join(ROOT, 'dist', 'notebook', 'index.js')).href);
  const cohort = JSON.parse(readFileSync(join(ROOT, 'examples', 'example-cohort.json'), 'utf8'));
  const parsed = slnd.parseCohort(cohort);
  const { patients } = parsed;
  return { slnd, patients, parsed, cut: slnd.cohortAsOf(patients) };
}

const text = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? value.join('') : (value ?? '');

let tmp: string;
let executed: Notebook;
let stderr = '';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'notebook', 'index.js'))) {
    throw new Error('dist/notebook/index.js is missing: run `npm run build` first');
  }
  if (!existsSync(DENO)) throw new Error(`${DENO} is missing: run \`npm ci\` first`);
  tmp = mkdtempSync(join(tmpdir(), 'slnd-e2e-notebook-'));
  // This checkout's Deno as the "deno" kernel, ahead of any kernelspec installed elsewhere
  // (JUPYTER_PATH comes first in Jupyter's search path).
  const kernelDir = join(tmp, 'jupyter', 'kernels', 'deno');
  mkdirSync(kernelDir, { recursive: true });
  writeFileSync(
    join(kernelDir, 'kernel.json'),
    JSON.stringify({
      argv: [DENO, 'jupyter', '--kernel', '--conn', '{connection_file}'],
      display_name: 'Deno',
      language: 'typescript',
    }),
  );
  const target = join(tmp, 'executed.ipynb');
  const run = spawnSync(PYTHON, ['-c', EXECUTE, NOTEBOOK, target, dirname(NOTEBOOK)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      ...process.env,
      JUPYTER_PATH: join(tmp, 'jupyter'),
      JUPYTER_RUNTIME_DIR: join(tmp, 'runtime'),
      DENO_DIR: join(tmp, 'deno'),
      DENO_NO_UPDATE_CHECK: '1',
      NO_COLOR: '1',
      HTTP_PROXY: NO_NETWORK,
      HTTPS_PROXY: NO_NETWORK,
      ALL_PROXY: NO_NETWORK,
      NO_PROXY: '',
      NPM_CONFIG_REGISTRY: `${NO_NETWORK}/`,
    },
  });
  stderr = `${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
  // Status 3: a cell failed; the executed notebook is written and the tests below say which.
  if (run.status !== 0 && run.status !== 3) {
    throw new Error(
      `nbclient did not run the notebook (status ${run.status}; is python3-nbclient installed? run \`bash e2e/setup.sh\`):\n${stderr}`,
    );
  }
  const late = /nbclient: .*/.exec(stderr);
  if (late) console.log(late[0]);
  executed = JSON.parse(readFileSync(target, 'utf8')) as Notebook;
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The code cell tagged `tag` (its id is the tag too). */
function cell(tag: string): Cell {
  const found = executed.cells.find((c) => c.metadata.tags?.includes(tag));
  if (found === undefined) throw new Error(`no cell tagged "${tag}"`);
  return found;
}

/** The MIME bundle a cell displayed as its result. */
function result(tag: string): Record<string, string> {
  const out = cell(tag).outputs?.find((o) => o.output_type === 'execute_result');
  expect(out, `cell "${tag}" shows a result`).toBeDefined();
  return Object.fromEntries(Object.entries(out!.data ?? {}).map(([k, v]) => [k, text(v)]));
}

describe('docs/notebooks/trial-analysis.ipynb on the Deno kernel', () => {
  test('is a Deno (TypeScript) notebook, committed without outputs', () => {
    const committed = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as Notebook;
    expect(committed.metadata.kernelspec).toMatchObject({ name: 'deno', language: 'typescript' });
    for (const c of committed.cells.filter((c) => c.cell_type === 'code')) {
      expect(c.outputs, `cell ${c.id}`).toEqual([]);
    }
  });

  test('runs every cell without an error, each showing a result', () => {
    const errors = executed.cells.flatMap((c) =>
      (c.outputs ?? [])
        .filter(
          (o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'),
        )
        .map((o) => `cell ${c.id}: ${o.ename ?? 'stderr'}: ${o.evalue ?? text(o.text)}`),
    );
    expect(errors, stderr).toEqual([]);
    for (const c of executed.cells.filter((c) => c.cell_type === 'code')) {
      expect(
        c.outputs?.some((o) => o.output_type === 'execute_result'),
        `cell ${c.id}: ${text(c.source)}`,
      ).toBe(true);
    }
  });

  test('shows the Kaplan-Meier fit as a picture (image/svg+xml), the one Node draws', async () => {
    const bundle = result('kaplan-meier');
    expect(bundle['image/svg+xml']).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(bundle['image/svg+xml']).toContain('<path');
    const { patients, cut, slnd } = await inNode();
    const fit = slnd.kaplanMeier(slnd.endpointData(cut.patients, 'distant-metastasis'));
    const expected = fit[JUPYTER_DISPLAY]();
    expect(bundle['image/svg+xml']).toBe(expected['image/svg+xml']);
    expect(bundle['text/plain']).toBe(expected['text/plain']);
    expect(bundle['text/plain']).toContain(`n = ${patients.length}`);
  });

  test('shows the complications as a table, the safety decision and the PSA response', async () => {
    const { cut, slnd } = await inNode();
    const summary = slnd.complicationSummary(cut.patients)[JUPYTER_DISPLAY]();
    expect(result('complications')['text/html']).toContain('<table');
    expect(result('complications')['text/html']).toBe(summary['text/html']);
    const rule = slnd.stoppingRuleFromSpec('pocock:0.1,0.3,60');
    const monitor = slnd.safetyMonitor(cut.patients, { rule, asOf: cut.asOf });
    expect(result('safety')['text/markdown']).toContain(
      `**${monitor.decision.toUpperCase()}**: ${monitor.events} major complication(s) in ${monitor.evaluable} evaluable`,
    );
    const complete = cut.patients.filter(
      (p: unknown) => slnd.psaResponse(p).completeResponse === true,
    ).length;
    expect(result('psa-response')['text/markdown']).toContain(
      `| complete (< 0.2 ng/mL) | ${complete}/`,
    );
  });

  test('reads the CSV example in Deno: the same patients as the JSON file', async () => {
    const { patients } = await inNode();
    expect(result('csv')['text/markdown']).toBe(
      `**${patients.length} patients** read from the CSV export: the same patients as the JSON file.`,
    );
  });

  test('shows the whole report, as Node builds it', async () => {
    const { parsed, slnd } = await inNode();
    const bundle = result('report');
    // The notebook passes the cohort as parseCohort returns it: the flow goes with the patients.
    const expected = slnd
      .buildTrialReport(parsed, { title: 'sLND trial: synthetic example cohort' })
      [JUPYTER_DISPLAY]();
    expect(bundle['text/html']).toContain('<h2>Safety monitor</h2>');
    expect(bundle['text/html']).toContain('Assessed for eligibility');
    expect(bundle['text/html']).toContain('<svg');
    expect(bundle['text/html']).toBe(expected['text/html']);
    expect(bundle['text/plain']).toBe(expected['text/plain']);
  });
});

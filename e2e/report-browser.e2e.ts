// The built CLI's HTML report, opened from disk in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; nothing is downloaded): the plots are drawn, the page runs no
// script and loads nothing, and hostile ids and descriptions in a cohort come out as text.
// Needs `npm run build` and `bash e2e/setup.sh`. Writes docs/images/report.png (the README's
// picture of the report).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOT = join(ROOT, 'docs', 'images', 'report.png');
const VIEWPORT = { width: 1100, height: 900 };

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
/** The hostile cohort's file name: the report prints its input path. */
const HOSTILE_FILE = `${IMG}.json`;
/** An invalid patient, listed by id in the report's table of excluded patients. */
const EXCLUDED_ID = `BAD ${SCRIPT}${IMG}`;

let tmp: string;
let browser: Browser;

/** What a page did while it was open. */
interface PageLog {
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly dialogs: string[];
}

/** Runs the built CLI; throws with its output when it fails. */
function cli(args: string[]): void {
  execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'pipe', timeout: 60_000 });
}

/** The example cohort with every id and complication description made hostile, plus one invalid patient. */
function writeHostileCohort(dir: string): string {
  const cohort = JSON.parse(readFileSync(join(ROOT, 'examples', 'example-cohort.json'), 'utf8'));
  cohort.patients.forEach(
    (p: { id: string; complications: { description?: string }[] }, i: number) => {
      p.id = `${p.id} ${i % 2 === 0 ? SCRIPT : IMG}`;
      for (const c of p.complications) c.description = `${SCRIPT} ${IMG}`;
    },
  );
  const invalid = structuredClone(cohort.patients[0]);
  invalid.id = EXCLUDED_ID;
  invalid.lastFollowUpDate = '2000-01-01'; // before the surgery: excluded with --exclude-invalid
  cohort.patients.push(invalid);
  const file = join(dir, HOSTILE_FILE);
  writeFileSync(file, JSON.stringify(cohort, null, 2));
  return file;
}

/** Opens a report from disk; every request leaving file:// is recorded and aborted. */
async function open(file: string): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.route(
    (url) => url.protocol !== 'file:',
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const log: PageLog = { requests: [], consoleErrors: [], dialogs: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.consoleErrors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  // Give anything deferred (a timer, a lazy image) the chance to show itself.
  await page.waitForTimeout(250);
  return { page, log };
}

/** The page did nothing but show itself. */
function expectQuiet(file: string, log: PageLog): void {
  expect(log.requests).toEqual([pathToFileURL(file).href]);
  expect(log.consoleErrors).toEqual([]);
  expect(log.dialogs).toEqual([]);
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`bash e2e/setup.sh\` (or set E2E_CHROMIUM)`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'slnd-e2e-report-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Even with the flags above, Chromium 156 looks up update.googleapis.com in the
      // background (seen with strace): no host name resolves, so it does not even ask the DNS.
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
    timeout: 60_000,
  });
});

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the example report in Chromium', () => {
  let file: string;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    const out = join(tmp, 'example');
    cli(['report', '--out', out, '--quiet']);
    file = join(out, 'report.html');
    ({ page, log } = await open(file));
  });

  test('draws every plot: at least 5 figures, each with a visible SVG inside the page', async () => {
    const figures = page.locator('figure');
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      const svg = figures.nth(i).locator('svg').first();
      await expect.poll(() => svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box, `figure ${i + 1}`).not.toBeNull();
      expect(box!.width, `figure ${i + 1} width`).toBeGreaterThan(100);
      expect(box!.height, `figure ${i + 1} height`).toBeGreaterThan(100);
      expect(box!.x + box!.width, `figure ${i + 1} fits the page`).toBeLessThanOrEqual(
        VIEWPORT.width,
      );
      // Something is drawn in it, not just an empty frame.
      expect(await svg.locator('path, rect, line, polyline, circle').count()).toBeGreaterThan(3);
    }
    expect(await page.locator('figure figcaption').count()).toBe(count);
  });

  test('runs no script, loads nothing but itself, logs no error, opens no dialog', async () => {
    expectQuiet(file, log);
    expect(await page.locator('script').count()).toBe(0);
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("default-src 'none'");
  });

  test('shows every section of issue 14 and 15, with its table or figure', async () => {
    const headings = await page.locator('h2').allTextContents();
    for (const heading of [
      'Cohort',
      'Patient flow',
      'Baseline characteristics',
      'Complications within 90 days (Clavien-Dindo)',
      'Time-to-event endpoints by 6-week PSA response',
      'Further endpoints of sLND series',
      'Individual courses',
      'Exploratory predictors',
    ]) {
      expect(headings).toContain(heading);
    }
    expect(await page.locator('figure').count()).toBe(14);
    for (const caption of [
      'Patient flow (CONSORT)',
      'PSA of each patient from the sLND on',
      'Each patient from the sLND to the last follow-up',
      'Hazard ratios (Cox) and odds ratios (Firth logistic)',
    ]) {
      const figure = page.locator('figure').filter({ hasText: caption });
      expect(await figure.count(), caption).toBe(1);
      expect(await figure.locator('svg').count(), caption).toBe(1);
    }
    const h3 = await page.locator('h3').allTextContents();
    expect(h3).toContain('Line listing of the complications');
    expect(await page.locator('table').filter({ hasText: 'Pathological T stage' }).count()).toBe(1);
    expect(await page.locator('table').filter({ hasText: 'Follow-up completeness' }).count()).toBe(
      1,
    );
  });

  test('saves a screenshot of its top, down to the patient flow, for the README', async () => {
    const flow = page.locator('figure').filter({ hasText: 'Patient flow' }).first();
    const box = await flow.boundingBox();
    expect(box).not.toBeNull();
    const height = Math.ceil(box!.y + box!.height + 24);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    const png = await page.screenshot({
      clip: { x: 0, y: 0, width: VIEWPORT.width, height },
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
    });
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(600_000);
    // Rewritten only when the picture changed, so a rerun leaves the file (and git) alone.
    if (!existsSync(SCREENSHOT) || !readFileSync(SCREENSHOT).equals(png)) {
      writeFileSync(SCREENSHOT, png);
    }
  });
});

describe('a cohort with hostile ids and descriptions', () => {
  let file: string;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    const dir = join(tmp, 'hostile');
    mkdirSync(dir);
    const input = writeHostileCohort(dir);
    const out = join(dir, 'report');
    cli(['report', input, '--out', out, '--exclude-invalid', '--quiet']);
    file = join(out, 'report.html');
    ({ page, log } = await open(file));
  });

  test('is written as text: no script or img element, no event handler attribute', async () => {
    const dom = await page.evaluate(() => {
      const elements = Array.from(document.querySelectorAll('*'));
      return {
        tags: [...new Set(elements.map((e) => e.localName))].sort(),
        handlers: elements.flatMap((e) =>
          Array.from(e.attributes)
            .filter((a) => a.name.startsWith('on') || /onerror/i.test(a.value))
            .map((a) => `<${e.localName} ${a.name}="${a.value}">`),
        ),
      };
    });
    for (const tag of ['script', 'img', 'image', 'iframe', 'object', 'embed', 'foreignobject']) {
      expect(dom.tags, tag).not.toContain(tag);
    }
    expect(dom.handlers).toEqual([]);
  });

  test('shows the hostile text, escaped, where it belongs', async () => {
    // The excluded patient's id, in the table of excluded patients.
    const cell = page.locator('td').filter({ hasText: EXCLUDED_ID }).first();
    await expect.poll(() => cell.isVisible()).toBe(true);
    expect(await cell.textContent()).toContain(EXCLUDED_ID);
    // The input's file name, in the report's header.
    const header = page.locator('p').filter({ hasText: HOSTILE_FILE }).first();
    await expect.poll(() => header.isVisible()).toBe(true);
    // The analysed patients' ids, in the plots' tooltips (SVG <title>).
    const titles = await page.locator('svg title').allTextContents();
    expect(titles.some((t) => t.includes(SCRIPT))).toBe(true);
    expect(titles.some((t) => t.includes(IMG))).toBe(true);
  });

  test('runs no script, loads nothing but itself, logs no error, opens no dialog', () => {
    expectQuiet(file, log);
  });
});

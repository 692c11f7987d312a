// Benchmark of the built app (dist/): prints figures, asserts nothing.
//
//   node scripts/bench.mjs [sizes] [typing] [lighthouse] [--runs N] [--applied]     (all three by default)
//
// - sizes: scripts/size-report.mjs (bytes per file and per route, both modes).
// - typing: in headless Chromium at 4x CPU throttling, typing a search into lists
//   of 1,000 services, courses and stations (generated, served by
//   tests/mock/backend.mjs): time from each keystroke to the next paint, median
//   and max, then each in order (the query is typed and erased three times);
//   and from each keystroke until the page is idle again, its list filtered
//   and drawn (the next keystroke waits for that, as a person's would).
// - lighthouse: Lighthouse mobile (simulated slow 4G) on the main routes,
//   served brotli-compressed by scripts/serve-dist.mjs: the four category scores
//   and FCP, LCP, TBT and CLS per route, each the median of --runs runs (3 by
//   default: one run's TBT swings with what else the machine does). Twice: on
//   the demo data in the browser, and with a backend (tests/mock/backend.mjs),
//   as a production site runs. With --applied, the slow 4G and the slow CPU
//   are applied to the browser as it loads (Lighthouse's devtools throttling)
//   rather than simulated from an unthrottled load: the simulation times a
//   page as its fast local load ran, and misses what a slow network changes,
//   such as an item's heading drawn before the page's code arrives.
// The memory soak over many route changes is scripts/soak.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.mjs';
import { precompress } from './precompress.mjs';

const { values: options, positionals: wanted } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, applied: { type: 'boolean', default: false } },
});
const runs = (name) => wanted.length === 0 || wanted.includes(name);
/** Lighthouse runs per route; each figure printed is their median. */
const LIGHTHOUSE_RUNS = Math.max(1, Number.parseInt(options.runs, 10) || 1);
const DIST = 'dist';
const APP_PORT = 4690 + Math.floor(Math.random() * 200);
const MOCK_PORT = APP_PORT + 300;
const APP = `http://127.0.0.1:${APP_PORT}`;
const MOCK = `http://127.0.0.1:${MOCK_PORT}`;
/** The same build, configured for a backend (the mock on the demo data), for Lighthouse. */
const HTTP_APP = `http://127.0.0.1:${APP_PORT + 1}`;
const HTTP_MOCK = `http://127.0.0.1:${MOCK_PORT + 1}`;
const LIST_SIZE = 1000;
const CPU_SLOWDOWN = 4;
/** The query is typed and erased this many times: one round is too few keystrokes for a steady median. */
const ROUNDS = 3;
/** Fetched by npx on first use (into npm's cache), not a dependency of the tests. 13 wants Node 22. */
const LIGHTHOUSE = 'lighthouse@12.2.3';

const children = [];
async function start(args, readyText) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((ready, fail) => {
    child.stdout.on('data', (chunk) => chunk.toString().includes(readyText) && ready());
    child.on('exit', (code) => fail(new Error(`${args[0]} exited with ${code}`)));
  });
}
const stopAll = () => children.forEach((child) => child.kill());
process.on('exit', stopAll);

const itemsOf = (data) => (Array.isArray(data) ? data : data.items);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** A copy of public/demo whose services, courses and stations are LIST_SIZE long. */
function generatedData() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  cpSync('public/demo', dir, { recursive: true });
  for (const name of ['services', 'courses', 'stations']) {
    const seed = itemsOf(JSON.parse(readFileSync(`public/demo/${name}.json`, 'utf8')));
    const items = Array.from({ length: LIST_SIZE }, (_, i) => {
      const item = structuredClone(seed[i % seed.length]);
      item.id = `${item.id}-${i}`;
      if (item.title) item.title = `${item.title} ${i}`;
      if (item.name) item.name = `${item.name} ${i}`;
      return item;
    });
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ items, next: null }));
  }
  return dir;
}

async function typing() {
  const data = generatedData();
  try {
    await start(['tests/mock/backend.mjs', '--port', String(MOCK_PORT), '--demo', data], 'mock backend');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const config = { ...JSON.parse(readFileSync(`${DIST}/config.json`, 'utf8')), api_base: MOCK };
    console.log(`\nTyping a search, ${LIST_SIZE} items, CPU ${CPU_SLOWDOWN}x slower: ms from keystroke to next paint`);
    for (const [path, query] of [['/services', '体检 服务 12'], ['/courses', '课程 急救 3'], ['/stations', '钟多 驿站 12']]) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.route('**/config.json', (route) => route.fulfill({ json: config }));
      await page.goto(`${APP}${path}`);
      const box = page.locator('input[type="search"]').first();
      await box.waitFor();
      await page.locator('main li').first().waitFor();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      // Each input event: from its timestamp to the first task after the next
      // frame (the typed character is on screen), and to the moment the page
      // is idle again (the list filtered and its new cards drawn).
      await page.evaluate(() => {
        window.__keystrokes = [];
        window.__settled = [];
        window.addEventListener(
          'input',
          (event) => {
            const at = event.timeStamp;
            requestAnimationFrame(() => setTimeout(() => window.__keystrokes.push(performance.now() - at), 0));
            requestIdleCallback(() => window.__settled.push(performance.now() - at));
          },
          true,
        );
      });
      await box.click();
      const strokes = [...query].length * 2 * ROUNDS;
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const char of query) await typeAndWait(page, () => page.keyboard.insertText(char));
        for (let i = 0; i < [...query].length; i += 1) await typeAndWait(page, () => page.keyboard.press('Backspace'));
      }
      const times = await page.evaluate(() => window.__keystrokes);
      const settled = await page.evaluate(() => window.__settled);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      console.log(
        `${path.padEnd(10)} ${times.length}/${strokes} keystrokes  median ${median(times).toFixed(1)} ms  max ${Math.max(...times).toFixed(1)} ms  (target: median ≤ 16)`,
      );
      console.log(
        `${''.padEnd(10)} until idle again (list drawn): median ${median(settled).toFixed(1)} ms  max ${Math.max(...settled).toFixed(1)} ms`,
      );
      // In order: each round's first keystroke narrows the whole list, its last backspace brings it all back.
      console.log(`${''.padEnd(10)} each: ${times.map((ms) => ms.toFixed(0)).join(' ')}`);
      await page.close();
    }
    await browser.close();
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/** One keystroke, then the next only once the page has settled, as a person types. */
async function typeAndWait(page, stroke) {
  const before = await page.evaluate(() => window.__settled.length);
  await stroke();
  await page.waitForFunction((count) => window.__settled.length > count && window.__keystrokes.length > count, before);
}

const LIGHTHOUSE_ROUTES = () => {
  const first = (name) => itemsOf(JSON.parse(readFileSync(`public/demo/${name}.json`, 'utf8')))[0].id;
  return ['/', '/services', `/services/${first('services')}`, '/courses', '/stories', `/stories/${first('stories')}`, '/stations', '/points'];
};

/** Lighthouse on each main route of the app served at `origin`. */
function lighthouse(mode, origin) {
  const flags = ['--headless=new', ...CHROMIUM_ARGS, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'bench-lh-'))}`].join(' ');
  const throttling = options.applied ? ['--throttling-method=devtools'] : [];
  const how = options.applied ? 'applied' : 'simulated';
  console.log(`\nLighthouse mobile (${how} slow 4G), ${mode}, served brotli, median of ${LIGHTHOUSE_RUNS} (targets: scores ≥ 98, FCP ≤ 0.9 s, LCP ≤ 1.8 s, TBT ≤ 50 ms, CLS 0)`);
  console.log(`${'route'.padEnd(24)} perf a11y best  seo   FCP s  LCP s  TBT ms   CLS`);
  for (const route of LIGHTHOUSE_ROUTES()) {
    const reports = Array.from({ length: LIGHTHOUSE_RUNS }, () => {
      const json = execFileSync(
        'npx',
        ['--yes', LIGHTHOUSE, `${origin}${route}`, '--output=json', '--output-path=stdout', '--quiet', ...throttling, `--chrome-flags=${flags}`],
        { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } },
      );
      return JSON.parse(json);
    });
    const score = (name) => String(Math.round(median(reports.map((report) => report.categories[name]?.score ?? 0)) * 100)).padStart(4);
    const audit = (name) => median(reports.map((report) => report.audits[name]?.numericValue ?? NaN));
    console.log(
      `${route.padEnd(24)} ${score('performance')} ${score('accessibility')} ${score('best-practices')} ${score('seo')}` +
        `  ${(audit('first-contentful-paint') / 1000).toFixed(2).padStart(6)} ${(audit('largest-contentful-paint') / 1000).toFixed(2).padStart(6)}` +
        ` ${audit('total-blocking-time').toFixed(0).padStart(7)} ${audit('cumulative-layout-shift').toFixed(3).padStart(6)}`,
    );
  }
}

/** Serves a copy of the build whose config.json names the mock backend, and that backend. */
async function serveWithBackend() {
  const copy = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  cpSync(DIST, copy, { recursive: true });
  const config = { ...JSON.parse(readFileSync(`${DIST}/config.json`, 'utf8')), api_base: HTTP_MOCK };
  writeFileSync(join(copy, 'config.json'), JSON.stringify(config));
  precompress(join(copy, 'config.json')); // and its brotli and gzip copies
  await start(['tests/mock/backend.mjs', '--port', String(MOCK_PORT + 1)], 'mock backend');
  await start(['scripts/serve-dist.mjs', '--port', String(APP_PORT + 1), '--dir', copy, '--api-origin', HTTP_MOCK], 'serving');
  return copy;
}

try {
  if (runs('sizes')) execFileSync(process.execPath, ['scripts/size-report.mjs', '--dir', DIST], { stdio: 'inherit' });
} catch {
  // The size report prints its figures; a budget it fails is the test command's business.
}
if (runs('typing') || runs('lighthouse')) {
  await start(['scripts/serve-dist.mjs', '--port', String(APP_PORT), '--dir', DIST, '--api-origin', MOCK], 'serving');
  if (runs('typing')) await typing();
  if (runs('lighthouse')) {
    lighthouse('demo mode', APP);
    const copy = await serveWithBackend();
    try {
      lighthouse('with a backend', HTTP_APP);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
}
stopAll();

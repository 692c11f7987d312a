// Soak: many client-side navigations through every main section, as a kiosk
// at a station sees in a day, printing the JS heap and the WebAssembly memory
// after a forced garbage collection every `--every` navigations.
// Prints figures; with --max-wasm-growth-mb / --max-heap-growth-mb it also
// exits non-zero when the growth after warm-up exceeds them.
//
//   node scripts/soak.mjs [--mode demo|http] [--navigations 10000] [--every 1000]
//                         [--warmup 300] [--dir dist]
//                         [--max-wasm-growth-mb 2] [--max-heap-growth-mb 1]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const mode = option('mode', 'demo');
const navigations = Number(option('navigations', 10_000));
const every = Number(option('every', 1000));
const warmup = Number(option('warmup', 300));
const dir = option('dir', 'dist');
const maxWasmGrowth = Number(option('max-wasm-growth-mb', Infinity));
const maxHeapGrowth = Number(option('max-heap-growth-mb', Infinity));
if (!['demo', 'http'].includes(mode)) throw new Error(`--mode is demo or http, not ${mode}`);

/** The tab bar's round: each link, and the h1 that says its page has rendered. */
const ROUND = [
  ['服务', '服务清单'],
  ['学堂', '酉新学堂'],
  ['驿站', '酉新驿站'],
  ['更多', '更多'],
  ['积分', '积分'],
  ['首页', '酉新送暖 · 阳光同行'],
];

const port = 4600 + Math.floor(Math.random() * 300);
const children = [];
function start(script, scriptArgs) {
  const child = spawn(process.execPath, [script, ...scriptArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((ready) => child.stdout.once('data', ready));
}
const stopAll = () => children.forEach((child) => child.kill());
process.on('exit', stopAll);

const mockPort = port + 300;
const apiBase = mode === 'http' ? `http://127.0.0.1:${mockPort}` : null;
await start('scripts/serve-dist.mjs', ['--port', String(port), '--dir', dir, ...(apiBase ? ['--api-origin', apiBase] : [])]);
if (apiBase) {
  // A fixed clock, so that what the pages show does not depend on today's date.
  await start('tests/mock/backend.mjs', ['--port', String(mockPort), '--now', '2026-11-28T10:00:00+08:00']);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => {
    throw error;
  });
  if (apiBase) {
    const config = { ...JSON.parse(readFileSync(`${dir}/config.json`, 'utf8')), api_base: apiBase };
    await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  }
  // The app's linear memory: the first instantiated module that exports one.
  await page.addInitScript(() => {
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...rest) => {
        const result = await original.apply(WebAssembly, rest);
        const memory = (result.instance ?? result).exports?.memory;
        if (memory && !window.__appMemory) window.__appMemory = memory;
        return result;
      };
    }
  });
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__appMemory?.buffer.byteLength ?? 0);
    return { heap: usedSize, wasm };
  };

  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('#static-shell').waitFor({ state: 'detached' });
  const nav = page.getByRole('navigation', { name: '主要栏目' });
  const h1 = page.getByRole('heading', { level: 1 });
  const navigate = async (step) => {
    const [link, title] = ROUND[step % ROUND.length];
    await nav.getByRole('link', { name: link, exact: true }).click();
    await h1.filter({ hasText: title }).waitFor();
  };

  for (let step = 0; step < warmup; step++) await navigate(step);
  const base = await measure();
  console.log(`soak in ${mode} mode: ${navigations} navigations after ${warmup} to warm up`);
  console.log(`${'navigations'.padStart(11)}  ${'JS heap MB'.padStart(10)}  ${'wasm MB'.padStart(8)}`);
  console.log(`${'0'.padStart(11)}  ${mb(base.heap).padStart(10)}  ${mb(base.wasm).padStart(8)}`);
  let last = base;
  const started = Date.now();
  for (let step = 0; step < navigations; step++) {
    await navigate(warmup + step);
    if ((step + 1) % every === 0 || step + 1 === navigations) {
      last = await measure();
      console.log(`${String(step + 1).padStart(11)}  ${mb(last.heap).padStart(10)}  ${mb(last.wasm).padStart(8)}`);
    }
  }
  const heapGrowth = (last.heap - base.heap) / 1024 / 1024;
  const wasmGrowth = (last.wasm - base.wasm) / 1024 / 1024;
  console.log(`growth: JS heap ${heapGrowth.toFixed(2)} MB, wasm ${wasmGrowth.toFixed(2)} MB`);
  console.log(`time: ${((Date.now() - started) / navigations).toFixed(1)} ms a navigation`);
  if (wasmGrowth > maxWasmGrowth || heapGrowth > maxHeapGrowth) {
    console.error(`over the limit: wasm ≤ ${maxWasmGrowth} MB, JS heap ≤ ${maxHeapGrowth} MB`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  stopAll();
}

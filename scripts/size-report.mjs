// Size report: what a first visit to / downloads, raw and brotli, file by file.
// Opens the built app in Chromium, records every response from the app's own
// server, and fails when the brotli total is over the budget. The budget is a
// ratchet at today's size plus a little; DESIGN.md's target is 150 KB.
//   node scripts/size-report.mjs [--dir dist] [--budget-kb 310] [--timeout-ms 180000]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { brotli } from './precompress.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dir = option('dir', 'dist');
const budgetKb = Number(option('budget-kb', process.env.SIZE_BUDGET_KB || 310));
// However the browser or the server misbehaves, the report ends: a CI run never hangs on it.
const TIMEOUT_MS = Number(option('timeout-ms', 180_000));

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', '0', '--dir', dir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const overall = setTimeout(() => {
  console.error(`size report: no result within ${TIMEOUT_MS / 1000} s`);
  server.kill();
  process.exit(1);
}, TIMEOUT_MS);
overall.unref();
// serve-dist prints the port it bound.
const port = await new Promise((ready, fail) => {
  server.once('exit', (code) => fail(new Error(`serve-dist exited with ${code}`)));
  server.stdout.on('data', (chunk) => {
    const found = /:(\d+)\/$/m.exec(String(chunk).trim());
    if (found) ready(found[1]);
  });
});

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const paths = new Set();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.port === String(port) && response.status() === 200) paths.add(url.pathname);
  });
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('#static-shell', { state: 'detached' });
  await page.waitForLoadState('networkidle');

  const rows = [...paths].map((path) => {
    const file = join(dir, path === '/' ? 'index.html' : decodeURIComponent(path));
    const raw = readFileSync(file);
    const br = existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : brotli(raw).length;
    return { path, raw: raw.length, br };
  });
  rows.sort((a, b) => b.br - a.br);
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, br: sum.br + r.br }), { raw: 0, br: 0 });
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  console.log(`\nFirst visit to / — ${rows.length} files`);
  console.log(`${'file'.padEnd(44)}   raw KB  brotli KB`);
  for (const r of rows) console.log(`${r.path.padEnd(44)} ${kb(r.raw)} ${kb(r.br)}`);
  console.log(`${'total'.padEnd(44)} ${kb(total.raw)} ${kb(total.br)}`);
  console.log(`budget: ${budgetKb} KB brotli`);
  if (total.br > budgetKb * 1024) {
    console.error(`size budget exceeded: ${(total.br / 1024).toFixed(1)} KB > ${budgetKb} KB`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.kill();
  clearTimeout(overall);
}

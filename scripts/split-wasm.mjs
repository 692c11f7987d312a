// Trunk post_build hook: turns Trunk's JS and wasm into the files a browser
// should get, in a folder of their own.
//
// - A wasm with lazy pages (cargo feature `split`) is cut into the main module
//   and one chunk per page by wasm-split-cli, then bound by wasm-bindgen with
//   --keep-lld-exports; Trunk's own binding of it would fail at start. The
//   many small chunks shared by pages are merged into fewer files first
//   (scripts/merge-chunks.mjs).
// - Release builds: what leptos's dependencies export and the app never
//   calls is taken out of the main module (scripts/unused-exports.mjs).
// - Release builds: wasm-opt -Oz on every piece, two at a time, and every JS
//   piece minified by esbuild (a third less to download, brotli-compressed);
//   exports and the names the wasm imports by are kept.
// - Release builds: the JS and wasm move into app-<hash>/, named by a hash of
//   everything in it. Chunk names are not hashed and the pieces import each
//   other, so a new build must never share a folder with an old one: a cached
//   chunk can then never meet a main module of another build.
// - Release builds: the main module starts the app and index.html loads it in
//   place of Trunk's inline script, so that the page runs under a policy
//   without 'unsafe-inline'. Before it does, it starts the downloads of the
//   page at the address: its code, config.json and its first data
//   (scripts/start-up.mjs), so that a cold link waits for them beside the
//   main module, not after it.
// - Release builds: home's and each section's own HTML, with its heading
//   painted in the static shell (scripts/section-pages.mjs).
// - Release builds: sw.js, the service worker (scripts/service-worker.mjs).
//
// Runs from Trunk.toml; the environment names the staging folder and profile.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { inlineStyles, withStylePolicy } from './csp.mjs';
import { FEATURES, LOADER, mergeChunks } from './merge-chunks.mjs';
import { writeSectionPages } from './section-pages.mjs';
import { writeServiceWorker } from './service-worker.mjs';
import { dropExports, isUnused, unexportClasses } from './unused-exports.mjs';

const CRATE = 'youxin';
/** The import module of a lazy call before wasm-split-cli has linked it. */
const PLACEHOLDER = '__wasm_split_placeholder__';
const WASM_OPT_JOBS = 2;

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE || 'debug';
if (!staging) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');
const release = profile === 'release';

const started = Date.now();
const say = (message) => console.log(`split-wasm: ${message}`);

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => reject(new Error(`${command}: ${error.message} (is it installed? scripts/setup.sh)`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Runs `jobs` (functions returning promises) with at most `limit` at a time. */
async function pool(jobs, limit) {
  const queue = [...jobs];
  const worker = async () => {
    while (queue.length > 0) await queue.shift()();
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

// Trunk's output: <crate>-<hash>.js and <crate>-<hash>_bg.wasm.
const js = readdirSync(staging).find((name) => new RegExp(`^${CRATE}-[0-9a-f]+\\.js$`).test(name));
if (!js) throw new Error(`no ${CRATE}-<hash>.js in ${staging}`);
const stem = js.slice(0, -'.js'.length);
const wasm = `${stem}_bg.wasm`;

const targetDir = JSON.parse(
  execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { encoding: 'utf8' }),
).target_directory;
const linked = join(targetDir, 'wasm32-unknown-unknown', profile, `${CRATE}.wasm`);
const lazy = readFileSync(linked).includes(PLACEHOLDER);

// The files that will be served, in a folder of their own.
let pieces;
/** Address (`section` or `section/:id`) to the files of its lazy page. */
let pageFiles = {};
/** The files of the demo backend's code. */
let demoCode = [];
if (lazy) {
  const out = mkdtempSync(join(tmpdir(), 'split-wasm-'));
  try {
    await run('wasm-split-cli', [linked, out, '--out-name', stem]);
    const { before, after, needs } = mergeChunks(out);
    say(`${before} shared chunks merged into ${after} files`);
    pageFiles = filesOfPages(needs, out);
    demoCode = needs.get('demo_backend');
    if (!demoCode) throw new Error('no split point demo_backend: the demo backend is not a chunk of its own');
    await run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', out, '--out-name', stem, join(out, `${stem}.wasm`),
    ]);
    rmSync(join(out, `${stem}.wasm`));
    if (release) {
      const bound = join(out, wasm);
      writeFileSync(bound, dropExports(readFileSync(bound), isUnused));
      writeFileSync(join(out, js), unexportClasses(readFileSync(join(out, js), 'utf8')));
    }
    for (const name of [js, wasm]) rmSync(join(staging, name));
    pieces = readdirSync(out);
    for (const name of pieces) renameSync(join(out, name), join(staging, name));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  say(`${pieces.filter((name) => name.endsWith('.wasm')).length} wasm pieces`);
} else {
  pieces = [js, wasm];
}

if (release) {
  const wasms = pieces.filter((name) => name.endsWith('.wasm')).map((name) => join(staging, name));
  await pool(
    wasms.map((path) => () => run('wasm-opt', ['-Oz', ...FEATURES, '--output', path, path])),
    WASM_OPT_JOBS,
  );
  // The main module starts the app itself (wasm-bindgen's init finds the wasm
  // beside it): index.html loads that one module instead of Trunk's inline
  // script, which the security policy refuses, importing it.
  const mainModule = join(staging, js);
  const glue = readFileSync(mainModule, 'utf8');
  if (!glue.includes('__wbg_init as default')) throw new Error(`${js} has no __wbg_init to start the app with`);
  const reads = JSON.parse(readFileSync('src/first_reads.json', 'utf8'));
  // The name of each section with detail pages, by its path: where their breadcrumb leads back to.
  const texts = JSON.parse(readFileSync('src/page_texts.json', 'utf8'));
  const detailed = Object.keys(reads).filter((address) => reads[address].words).map((address) => address.split('/')[0]);
  const sections = Object.fromEntries(detailed.map((section) => [section, texts[`/${section}`].title]));
  const startUp = await startUpCode({ pages: pageFiles, reads, demoCode, sections });
  writeFileSync(mainModule, `${glue}\n${startUp}\nawait __wbg_init();\n`);
  for (const name of pieces.filter((piece) => piece.endsWith('.js'))) {
    const path = join(staging, name);
    // Chinese text as it is: escaped, each character took 6 bytes instead of 3.
    const options = { minify: true, treeShaking: true, format: 'esm', legalComments: 'none', charset: 'utf8' };
    const { code } = await transform(readFileSync(path, 'utf8'), options);
    writeFileSync(path, code);
  }

  const hash = createHash('sha256');
  for (const name of [...pieces].sort()) hash.update(name).update('\0').update(readFileSync(join(staging, name)));
  const folder = `app-${hash.digest('hex').slice(0, 16)}`;
  mkdirSync(join(staging, folder));
  for (const name of pieces) renameSync(join(staging, name), join(staging, folder, name));

  // index.html loads the main JS and wasm from the new folder.
  const indexPath = join(staging, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  for (const name of [js, wasm]) {
    if (!html.includes(`/${name}`)) throw new Error(`index.html does not mention /${name}`);
    html = html.replaceAll(`/${name}`, `/${folder}/${name}`);
  }
  if (lazy) {
    // The main JS imports the chunks' loader: fetched beside it, not after it,
    // the app starts one round trip sooner.
    const mainPreload = `<link rel="modulepreload" href="./${folder}/${js}" crossorigin="anonymous">`;
    if (!html.includes(mainPreload)) throw new Error('index.html does not preload the main JS');
    html = html.replace(mainPreload, () => `${mainPreload}\n<link rel="modulepreload" href="./${folder}/${LOADER}" crossorigin="anonymous">`);
  }
  const starter = /<script type="module">[\s\S]*?<\/script>/;
  if (!starter.test(html)) throw new Error('index.html has no inline start-up script');
  html = html.replace(starter, `<script type="module" src="./${folder}/${js}"></script>`);
  // The styles inside the page, minified, and named by its own policy.
  for (const css of inlineStyles(html)) {
    const { code } = await transform(css, { loader: 'css', minify: true, legalComments: 'none' });
    html = html.replace(`<style>${css}</style>`, () => `<style>${code.trim()}</style>`);
  }
  html = withStylePolicy(html);
  writeFileSync(indexPath, html);
  say(`${pieces.length} files in ${folder}/`);
  say(`${writeSectionPages(staging).length} pages with their heading painted in (home, sections)`);
  const shell = await writeServiceWorker(staging, folder);
  say(`sw.js caches ${shell.length} shell files`);
}

say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);

/**
 * The files each address's page loads, from src/page_chunks.json (address to
 * chunk, held to the app's routes by a test in src/lazy_pages.rs) and what
 * each split point needs once its shared chunks are merged.
 */
function filesOfPages(needs, dir) {
  const chunks = JSON.parse(readFileSync('src/page_chunks.json', 'utf8'));
  const files = {};
  for (const [address, chunk] of Object.entries(chunks)) {
    const needed = needs.get(chunk);
    if (!needed) throw new Error(`src/page_chunks.json: no split point ${chunk} for ${address}`);
    const missing = needed.find((file) => !existsSync(join(dir, file)));
    if (missing) throw new Error(`${chunk} needs ${missing}, which is not there`);
    files[address] = needed;
  }
  return files;
}

/**
 * scripts/start-up.mjs bundled as the main module's first statement, with its
 * tables and the page's own means. A block: its names stay out of the glue's.
 */
async function startUpCode(tables) {
  const entry = `import { drawItem, earlyAnswers, startUp } from './start-up.mjs';
const early = earlyAnswers();
globalThis.youxinEarly = early.take;
startUp(${JSON.stringify(tables)}, {
  baseURI: document.baseURI,
  location,
  moduleURL: import.meta.url,
  signedIn: (() => { try { return localStorage.getItem('youxin.token') !== null; } catch { return false; } })(),
  preload: (href, as = 'fetch') => {
    const link = document.createElement('link');
    // A picture is fetched as the page's <img> will ask for it.
    Object.assign(link, { rel: 'preload', as, href }, as === 'fetch' ? { crossOrigin: 'anonymous' } : {});
    document.head.append(link);
  },
  fetch: (url, init) => fetch(url, init),
  afterFirstPaint: () => new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))),
  early,
  draw: (heading) => drawItem(document, heading),
});`;
  const { outputFiles } = await build({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    legalComments: 'none',
  });
  return `{\n${outputFiles[0].text}}`;
}

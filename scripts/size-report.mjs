// Size report: what the app downloads, measured in Chromium as the bytes
// transferred (the server sends the precompressed brotli files) while a page
// loads and renders, each visit in a fresh browser context (cold cache):
//
// - a first visit to / with a backend configured (http mode; the backend is
//   unreachable, so only the app's own files count) and on the demo data;
// - the extra download of each main section on navigation from a first
//   visit to / (a fresh one for each section);
// - a cold deep link to every route, in both modes.
//
// Prints every file of the first visits and a line per route, and fails when a
// figure is over its budget. A budget not yet met is enforced as a ratchet just
// above today's figure, and the gap to the target is printed.
//   node scripts/size-report.mjs [--dir dist] [--timeout-ms 300000]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.mjs';

/**
 * KB (1024 bytes) of brotli, or a count of files: the target, and what the
 * test command enforces today.
 */
const BUDGETS = {
  // Sub-path deploys (the base read from the page, links written under it) and the
  // kiosk's start-up (is this tab a kiosk, its history guard, the hand-over to its
  // own chunk) cost 1.2 and 3.3 KB here; everything else of the kiosk is its chunk.
  // The nine routes of 更多 (the route table, their loaders), the WeChat checks and
  // the sign-in setting cost 1.2 KB more; the rest of the 1.8 KB is the shared code
  // of the new chunks spread thinner (see sectionExtraHttp).
  // Working offline costs 4.6 KB: the transport's saved answers, the service
  // worker's registration and the 离线中 / 已更新 notice (float formatting,
  // 20 KB raw, was kept out by counting time in whole milliseconds).
  // Merging the pages' shared chunks took 2.3 KB off: the chunks' loader
  // (__wasm_split.js) lists 21 files, not 353. The margin covers the splitter,
  // which does not cut the same code the same way twice.
  // Panics that abort at once (scripts/build.sh) took 14.4 KB off: 167.7 to 153.3.
  // A page's data asked for while its code downloads (LazyTarget::first_reads)
  // costs 2.5 KB, and its code fetched beside the main module (the start-up
  // script's table of page files) 0.6 KB.
  // Answers decoded from their text, without serde_json's tree (Value: the
  // demo backend's chunk parses it now) took 4.3 KB off: 156.6 to 152.3.
  // One route matcher in place of 29 <Route>s (src/routes.rs) took 5.2 KB
  // off: 152.7 to 147.5. The target holds.
  // The start-up code's reads ahead (config.json's fields, the table of first
  // reads, the app's side that takes the answers) cost 1.4 KB: 148.0 to 149.4.
  // server_fn's stream adapters, exported by the wasm and never called, taken
  // out (scripts/unused-exports.mjs): 148.3. The styles inside the page, two
  // files fewer: 147.2. The programme's facts (GET /v1/site) kept in a
  // plain signal, not a resource: nothing suspends on them, and the
  // resource code now comes with the first page that loads through one
  // (see sectionExtraHttp): 149.0 to 142.8.
  httpHome: { label: 'first visit to /, http mode', target: 150, enforced: 150 },
  // The demo backend is a chunk of its own (real-backend visitors skip it), so the demo's
  // first visit downloads it with the chunks it shares with pages. Its parts for
  // 礼遇尊崇 and 活动 are one more chunk, fetched only by those pages. The
  // JSON tree the demo backend works on (Value) moved from the main module to
  // its chunks: a backend's visitors no longer download it, the demo's do,
  // 4.3 KB (196.4 to 200.6). The route matcher took 5.2 KB off: 195.7; the
  // shell kept until the first page is drawn and its grouping: 196.8. The
  // start-up code's reads ahead: 198.5; the unused stream adapters out: 197.4.
  // The site, the services, the stations and the points rules are files
  // answered as they are by the main module (api::demo::file_as_it_is): home
  // and those lists no longer wait for the backend's code, which comes with
  // the first page that needs it (see sectionExtraDemo). 149.8: the target holds.
  demoHome: { label: 'first visit to /, demo mode', target: 180, enforced: 180 },
  // Each chunk adds sets of code shared by some pages and not others; merged
  // into a few files (scripts/merge-chunks.mjs), they cost a page some code it
  // does not run, and save it many files. The margins of the next three allow
  // for a grouping that comes out a little differently on another build.
  // The list pages' keyed cards (components/card_list.rs: a keystroke over
  // 1,000 items went from 62 to 22 ms, clearing a search from 2.3 s to 0.08 s)
  // are one copy shared by services, courses and stations, fetched with the
  // first of them, with 显示更多's focus handling: /services went from 79.3
  // to 88.8 KB. Search folding only Latin letters and full-width forms, not
  // all of Unicode's cases, took their 14 KB table out of that copy: 86.2 KB.
  // Until then the sections were measured one after another in one visit, so
  // each later one found the chunks it shares with the earlier ones already
  // there. Each now starts from a fresh first visit to /: /stations is the
  // worst, 106.7 KB. Distances and sizes written without the standard
  // library's float printing (domain/decimal.rs): 101.5. Sine and cosine
  // from JavaScript's Math, not Rust's libm (domain/geo.rs): 98.5. A card
  // list's groups and cards keyed by one function, so that its keyed diffing
  // is compiled once, not twice: 96.6. The signed-in forms in a chunk of
  // their own moved code between the shared files: 99.4 (and a cold link to
  // 荣誉榜 313 to 254). 关于行动 in a chunk of its own, not in 更多's (a
  // tab of links, which went from 76.4 to 17.8): 92.2. The demo backend's
  // writes in a chunk of their own moved code between the shared files: 89.6.
  // The shared chunks grouped by the costs squared (see deepLink): 88.5.
  // A search on 酉新驿站 (the search box, its typed words kept in the
  // address, the stations' index) shares the services' and courses' search
  // code with them, so that code moved into files /stations fetches too:
  // 94.9 to 97.3 from one build to the next, as the shared files regroup.
  // The resource code moved out of the first visit (see httpHome) into a
  // file the list pages fetch: /stations 98.6 to 104.0, and home then
  // /stations 247.6 to 246.8 in all. Reads kept in a signal filled by a
  // task (api/resource.rs), with no resource, <Transition> or Suspend: 92.8.
  // serde_json's Value out of the pages (answers a small enum, bodyless
  // writes a unit struct), so out of the file every section fetches: 89.9.
  // A file's cost in the grouping 56 000 bytes, not 48 000: 86.8.
  // Opening hours' next change found without sorting, and the lists' keys in
  // the set <For> already carries, not std's hash sets (domain/key_set.rs):
  // /points 58.9 to 53.0, /more 28.3 to 21.2; /stations 85.5 to 86.9, as
  // builds in two folders grouped the shared files (symbol names differ).
  // Lists sorted by one merge sort of positions that they all share, not
  // std's generic sort (domain/small_sort.rs): /stations 86.9 to 85.3,
  // /courses 82.8 to 78.4, /services 69.4 to 66.2.
  sectionExtraHttp: { label: 'a section after /, extra, http', target: 60, enforced: 88 },
  // On the demo data the first section that needs the demo backend's code
  // fetches it (its chunk and the model decoding it shares with the pages,
  // 47 KB) rather than home: /courses 74.2 to 121.5 KB, for home 197.4 to
  // 149.8. A visit to home and then /services downloads 241 KB, not 268.
  // The signed-in forms in a chunk of their own: 116.8. The demo backend's
  // reads apart from its writes (api::demo::Chunk), and the worker's own
  // reports, redemptions and points kept as JSON, not decoded into the
  // models: the reads' chunk went from 28.3 to 19.0 KB, /courses to 104.6.
  // The resource code out of the first visit (see httpHome): /stations 106.6.
  // No resource code at all (api/resource.rs): /courses 104.5. Value only
  // in the demo backend's code, and a file costing 56 000 bytes: 105.0.
  // The course list and the rewards their files as they are until the worker
  // enrols or redeems (as the services' is): /courses 86.0, /points 59.8,
  // the worst /stations at 89.5. No sort for opening hours, no std hash
  // sets (see sectionExtraHttp): /points 54.2, /more 21.4; /stations 88.1
  // to 89.4 and /courses 81.4 to 85.7 from one build folder to another.
  // No std sort in the lists (see sectionExtraHttp): /stations 89.3 to
  // 87.9, /courses 85.7 to 81.4.
  sectionExtraDemo: { label: 'a section after /, extra, demo', target: 60, enforced: 91 },
  // The worst is /honours: 荣誉榜 pulls the most shared files (until the
  // chunks' regrouping below, with its person pages and 先锋骑士团 in its
  // chunk); in demo mode, with the demo backend's JSON tree (see
  // demoHome). The route matcher: 330.3. The start-up code's reads ahead:
  // 332.4. The forms only a signed-in worker fills in (until then in a 54 KB
  // chunk they shared with these pages), a chunk of their own
  // (pages/take_part_forms.rs): 304.9. The demo backend's writes, a chunk
  // of their own: 282.1. Shared chunks grouped by the sum of the visits'
  // costs squared, not the sum (scripts/chunk-groups.mjs), and 荣誉榜, its
  // person pages and 先锋骑士团 a chunk each: 255.2, still at /honours.
  // The stations' search regrouped the shared files; two that 荣誉榜 fetches
  // grew: 259.5. No resource code (api/resource.rs): 249.3 at /courses.
  // Value out of the pages, a file costing 56 000 bytes: 249.8. No std hash
  // sets (see sectionExtraHttp): 244.2 to 246.4. 荣誉榜's years and honours
  // ordered by the shared merge sort, not two std sorts: 244.1.
  deepLink: { label: 'a cold deep link', target: 210, enforced: 248 },
  // On weak 4G each file is a round trip: wasm-split alone made up to 203 for one
  // page, 266 of its shared chunks under 1 KB. The page and the shell's own
  // files are a dozen; the target leaves a page eight of its own.
  deepLinkFiles: { label: 'files of a cold deep link', target: 20, enforced: 25, unit: 'files' },
};

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dir = option('dir', 'dist');
const port = 4390 + Math.floor(Math.random() * 500);
const origin = `http://127.0.0.1:${port}`;
/** Nothing listens here: http mode's calls fail at once and only the app's files are measured. */
const UNREACHABLE_BACKEND = 'http://127.0.0.1:9';

/** A page has rendered: its heading, or the error that took its place (http mode has no backend). */
const READY = 'main h1, main [role="alert"]';

const firstId = (name) => {
  const data = JSON.parse(readFileSync(`public/demo/${name}.json`, 'utf8'));
  return (Array.isArray(data) ? data : data.items)[0].id;
};
// The tabs after 首页; the other routes are reached from them and measured as deep links.
const SECTIONS = ['/services', '/courses', '/stations', '/points', '/more'];
const ROUTES = [
  '/',
  ...SECTIONS,
  `/services/${firstId('services')}`,
  `/courses/${firstId('courses')}`,
  `/stories/${firstId('stories')}`,
  `/stations/${firstId('stations')}`,
  '/stories',
  '/honours',
  `/honours/${firstId('honourees')}`,
  '/knights',
  '/voice',
  `/voice/${firstId('topics')}`,
  '/activities',
  `/activities/${firstId('activities')}`,
  '/about',
  '/login',
  '/report',
  '/reports',
  '/no-such-page',
];

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port), '--dir', dir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
// However the browser or the server misbehaves, the report ends: a CI run never hangs on it.
const TIMEOUT_MS = Number(option('timeout-ms', 300_000));
const overall = setTimeout(() => {
  console.error(`size report: no result within ${TIMEOUT_MS / 1000} s`);
  server.kill();
  process.exit(1);
}, TIMEOUT_MS);
overall.unref();
await new Promise((ready) => server.stdout.once('data', ready));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/** A fresh page in `mode`, recording what every finished response cost. */
async function openPage(mode) {
  // No service worker: it registers after the first visit's load, and would
  // then answer later navigations from its cache, hiding what they download.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (mode === 'http') {
    const shipped = JSON.parse(readFileSync(`${dir}/config.json`, 'utf8'));
    const body = JSON.stringify({ ...shipped, api_base: UNREACHABLE_BACKEND });
    await page.route(`${origin}/config.json`, (route) => route.fulfill({ contentType: 'application/json', body }));
  }
  const files = [];
  const pending = new Set();
  let closing = false;
  page.on('requestfinished', (request) => {
    const measured = (async () => {
      const response = await request.response();
      if (!response) return;
      const sizes = await request.sizes();
      const raw = (await response.body().catch(() => Buffer.alloc(0))).length;
      // A response fulfilled by the test (config.json) has no encoded size of its own.
      const transferred = sizes.responseBodySize || raw;
      files.push({ path: new URL(request.url()).pathname, raw, transferred });
    })().catch((error) => {
      // A response that ends as the page closes is not part of the visit.
      if (!closing) throw error;
    });
    pending.add(measured);
    measured.finally(() => pending.delete(measured));
  });
  /** Waits until the network is quiet and every response has been measured. */
  const settle = async () => {
    await page.waitForLoadState('networkidle');
    while (pending.size > 0) await Promise.all([...pending]);
  };
  const close = async () => {
    closing = true;
    await Promise.allSettled([...pending]);
    await context.close();
  };
  return { page, files, settle, close };
}

async function visit(mode, path) {
  const visitor = await openPage(mode);
  await visitor.page.goto(`${origin}${path}`);
  await visitor.page.locator('#static-shell').waitFor({ state: 'detached' });
  await visitor.page.locator(READY).first().waitFor();
  await visitor.settle();
  return visitor;
}

const total = (files) => files.reduce((sum, f) => ({ raw: sum.raw + f.raw, transferred: sum.transferred + f.transferred }), { raw: 0, transferred: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

function printFiles(title, files) {
  const rows = [...files].sort((a, b) => b.transferred - a.transferred);
  console.log(`\n${title} — ${rows.length} files`);
  console.log(`${'file'.padEnd(56)}   raw KB  sent KB`);
  for (const r of rows) console.log(`${r.path.padEnd(56)} ${kb(r.raw)} ${kb(r.transferred)}`);
  const sum = total(rows);
  console.log(`${'total'.padEnd(56)} ${kb(sum.raw)} ${kb(sum.transferred)}`);
  return sum.transferred;
}

const figures = {
  httpHome: [],
  demoHome: [],
  sectionExtraHttp: [],
  sectionExtraDemo: [],
  deepLink: [],
  deepLinkFiles: [],
};
try {
  for (const mode of ['http', 'demo']) {
    const first = await visit(mode, '/');
    const homeBytes = printFiles(`First visit to / (${mode} mode)`, first.files);
    figures[`${mode}Home`].push({ what: '/', value: homeBytes / 1024 });
    await first.close();

    console.log(`\nEach section after a first visit to / (${mode} mode): extra download`);
    for (const section of SECTIONS) {
      // A fresh visit each: what another section fetched before is not counted as this one's.
      const home = await visit(mode, '/');
      const before = home.files.length;
      const homeHeading = await home.page.locator('main h1').first().textContent();
      await home.page.locator(`.site-nav a[href="${section}"]`).click();
      await home.page.waitForURL(`${origin}${section}`);
      // The section's own heading, once its code has arrived and run.
      await home.page.waitForFunction((old) => {
        const heading = document.querySelector('main h1');
        return heading && heading.textContent !== old;
      }, homeHeading);
      await home.settle();
      const extra = home.files.slice(before);
      const bytes = total(extra).transferred;
      figures[mode === 'http' ? 'sectionExtraHttp' : 'sectionExtraDemo'].push({ what: section, value: bytes / 1024 });
      const pieces = extra.map((f) => `${f.path.split('/').pop()} ${(f.transferred / 1024).toFixed(1)}`).join(', ');
      console.log(`${section.padEnd(14)} ${kb(bytes)} KB  ${pieces}`);
      await home.close();
    }

    console.log(`\nCold deep links (${mode} mode)`);
    for (const route of ROUTES) {
      const visitor = await visit(mode, route);
      const bytes = total(visitor.files).transferred;
      figures.deepLink.push({ what: `${route} (${mode})`, value: bytes / 1024, files: visitor.files });
      figures.deepLinkFiles.push({ what: `${route} (${mode})`, value: visitor.files.length });
      console.log(`${route.padEnd(24)} ${kb(bytes)} KB  ${visitor.files.length} files`);
      await visitor.close();
    }
  }

  // What the heaviest page is made of: where cutting a deep link starts.
  const heaviest = figures.deepLink.reduce((a, b) => (b.value > a.value ? b : a));
  printFiles(`The heaviest cold deep link, ${heaviest.what}`, heaviest.files);

  console.log('\nBudgets (KB brotli or files; the largest figure of each kind)');
  for (const [key, budget] of Object.entries(BUDGETS)) {
    const unit = budget.unit ?? 'KB';
    const worst = figures[key].reduce((a, b) => (b.value > a.value ? b : a));
    const figure = unit === 'KB' ? worst.value.toFixed(1) : String(worst.value);
    const gap = worst.value > budget.target ? `, ${(worst.value - budget.target).toFixed(unit === 'KB' ? 1 : 0)} ${unit} over the target of ${budget.target}` : '';
    const ratchet = budget.enforced > budget.target ? ` (ratchet; target ${budget.target})` : '';
    console.log(`${budget.label.padEnd(30)} ${figure.padStart(7)} ${unit.padEnd(5)} at ${worst.what}; budget ${budget.enforced}${ratchet}${gap}`);
    if (worst.value > budget.enforced) {
      console.error(`size budget exceeded: ${budget.label}: ${figure} ${unit} > ${budget.enforced} ${unit}`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  server.kill();
}

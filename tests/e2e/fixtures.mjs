// Shared fixtures and helpers of the end-to-end tests.
//
// Every spec imports `test` and `expect` from here, never from @playwright/test:
//
// - `mode` ("demo" | "http", set per project in playwright.config.mjs) picks the
//   transport: in http mode /config.json is answered with the mock's address and
//   the mock is reset before each test.
// - `appConfig` (test.use({ appConfig: { timeout_ms: 1000 } })) overrides fields
//   of the served config.json.
// - `page` fails the test on any uncaught page error, any console message of a
//   Rust panic, any Content Security Policy violation, any alert/confirm dialog
//   (the app opens none) and any app asset (.js, .css, .wasm) that fails to load.
// - `api` injects failures and edits responses the same way in both modes: the
//   mock's /__mock/fail hook or page.route on /v1/... in http mode, page.route on
//   the /demo/*.json file the in-browser backend reads in demo mode.
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';

export { expect };
export { FIXED_NOW } from '../support/clock.mjs';

const PUBLIC = new URL('../../public/', import.meta.url);
const SHIPPED_CONFIG = JSON.parse(readFileSync(new URL('config.json', PUBLIC), 'utf8'));

// ---------------------------------------------------------------------------
// The demo data, read where the app and the mock read it from.

/** A file of public/demo, parsed. */
export function demoFile(name) {
  return JSON.parse(readFileSync(new URL(`demo/${name}.json`, PUBLIC), 'utf8'));
}

/** The items of a list in public/demo, whether the file is {items, next} or a bare array. */
export function demoItems(name) {
  const data = demoFile(name);
  return Array.isArray(data) ? data : (data.items ?? []);
}

/** Distinct values of a key, in order of first appearance. */
export function distinct(items, key) {
  return [...new Set(items.map(key))];
}

// ---------------------------------------------------------------------------
// The shell.

export const SITE_NAME = '酉新送暖';

/** The document title of a page named `name`, as the app sets it. */
export const pageTitle = (name) => (name ? `${name} · ${SITE_NAME}` : SITE_NAME);

/**
 * The sections with a tab: path, label in the nav "主要栏目", door on the home
 * page, the page's h1 and the name in its document title.
 */
export const SECTIONS = [
  { path: '/', nav: '首页', door: null, heading: '酉新送暖 · 阳光同行', title: '' },
  { path: '/services', nav: '服务', door: '服务清单', heading: '服务清单', title: '服务清单' },
  { path: '/courses', nav: '学堂', door: '酉新学堂', heading: '酉新学堂', title: '酉新学堂' },
  { path: '/stations', nav: '驿站', door: '酉新驿站', heading: '酉新驿站', title: '酉新驿站' },
  { path: '/points', nav: '积分', door: '积分兑换', heading: '积分', title: '积分' },
  { path: '/more', nav: '更多', door: '荣誉与参与', heading: '更多', title: '更多' },
];

/** The home page's doors: every section's, and the story column's, which has no tab (it is under 更多). */
export const DOORS = [
  ...SECTIONS.filter((section) => section.door),
  { path: '/stories', nav: null, door: '酉新向党', heading: '酉新向党', title: '酉新向党' },
];

/** Opens a path and waits until the app has replaced index.html's static shell. */
export async function gotoApp(page, path) {
  await page.goto(path);
  await page.locator('#static-shell').waitFor({ state: 'detached' });
}

/**
 * Holds back the files `isHeld` names until every request `wanted` names has
 * gone out (or long enough to say they did not); returns whether they had.
 */
export async function holdUntilAsked(page, isHeld, wanted) {
  const seen = (isWanted) => page.waitForRequest((request) => isWanted(new URL(request.url())), { timeout: 30_000 });
  const asked = Promise.all(wanted.map(seen));
  let whileHeld = null;
  await page.route(isHeld, async (route) => {
    whileHeld = await asked.then(
      () => true,
      () => false,
    );
    await route.continue();
  });
  return () => whileHeld;
}

/** Reloads the page and waits for the app, as gotoApp does. */
export async function reloadApp(page) {
  await page.reload();
  await page.locator('#static-shell').waitFor({ state: 'detached' });
}

export const mainNav = (page) => page.getByRole('navigation', { name: '主要栏目' });
export const heading = (page) => page.getByRole('heading', { level: 1 });
export const main = (page) => page.getByRole('main');

/** The cards of a list page: links inside list items of the main content. */
export const cards = (page) => main(page).getByRole('listitem').getByRole('link');

/** A card by its title (the card's accessible name also holds its other lines). */
export const card = (page, title) => cards(page).filter({ has: page.getByText(title, { exact: true }) });

/** A list's topic filter button (全部 or a tag), by its exact name. */
export const tagButton = (page, name) =>
  main(page).getByRole('group', { name: '按主题筛选' }).getByRole('button', { name, exact: true });

/** The 加载更多 of a list that comes in pages (it reads 正在加载… while a page loads). */
export const moreButton = (page) => main(page).getByRole('button', { name: '加载更多' });

/** Taps 加载更多 and waits until the next page's cards are shown; returns how many are. */
export async function showMore(page) {
  const shown = await cards(page).count();
  await moreButton(page).click();
  await expect.poll(() => cards(page).count()).toBeGreaterThan(shown);
  return cards(page).count();
}

// ---------------------------------------------------------------------------
// The service list.

export const searchBox = (page) => page.getByRole('searchbox', { name: '搜索服务' });
export const categoryChips = (page) => page.getByRole('group', { name: '按类别筛选' }).getByRole('button');
export const chip = (page, name) =>
  page.getByRole('group', { name: '按类别筛选' }).getByRole('button', { name, exact: true });

/** Waits for the address to be /services with exactly these query parameters. */
export async function expectServicesURL(page, params = {}) {
  await expect
    .poll(() => {
      const url = new URL(page.url());
      return { path: url.pathname, ...Object.fromEntries(url.searchParams) };
    })
    .toEqual({ path: '/services', ...params });
}

/** The count line of the service list: all shown, or some of all. */
export const countText = (shown, total) =>
  shown === total ? `共 ${total} 项服务` : `找到 ${shown} 项服务（共 ${total} 项）`;

/** The services the app should show for a query and a category (same rules as src/domain/search.rs). */
export function expectedServices(services, { q = '', category = '' } = {}) {
  const words = q
    .split(/[\s\u3000,，]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  return services.filter(
    (s) =>
      (!category || s.category === category) &&
      words.every((w) => [s.title, s.summary, s.provider].some((f) => (f ?? '').toLowerCase().includes(w))),
  );
}

/**
 * A two-character word of a service's title that narrows the list to a few
 * (at most half of them, as many as possible), with the service it came from
 * and the services it matches.
 */
export function titleWord(services) {
  const candidates = services.flatMap((service) =>
    [...service.title]
      .slice(0, -1)
      .map((_, i) => [...service.title].slice(i, i + 2).join(''))
      .filter((word) => !/[\s\p{P}]/u.test(word))
      .map((word) => ({ word, service, matches: expectedServices(services, { q: word }) })),
  );
  const narrowing = candidates.filter((c) => c.matches.length <= services.length / 2);
  narrowing.sort((a, b) => b.matches.length - a.matches.length);
  if (narrowing.length === 0) throw new Error('no word of any title narrows the service list');
  return narrowing[0];
}

// ---------------------------------------------------------------------------
// Signing in (any phone; the demo backend and the mock both take 123456).

export const PHONE = '13800000000';

/** Fills the sign-in form of /login and submits it. */
export async function signIn(page, code = '123456') {
  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('验证码已发送')).toBeVisible();
  await expect(page.getByRole('button', { name: /秒后重发/ })).toBeDisabled();
  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

// ---------------------------------------------------------------------------
// Errors.

export const alert = (page) => page.getByRole('alert');
export const retryButton = (page) => page.getByRole('button', { name: '重试' });

// ---------------------------------------------------------------------------
// Saved answers (离线): the banner over data the network could not refresh.

/** The banner's text: when the data on screen was saved, in China time. */
export const OFFLINE_BANNER = /^离线中，显示的是 \d\d:\d\d 保存的内容$/;
export const offlineBanner = (page) => page.getByRole('status').filter({ hasText: '离线中' });

/** Removes the answers the app kept in local storage; for page.evaluate or page.addInitScript. */
export function forgetSavedAnswers() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('youxin.saved')) localStorage.removeItem(key);
}

// ---------------------------------------------------------------------------
// Fixtures.

/** Text of a Rust panic or of the trap that follows it. */
const PANIC = /panicked|RuntimeError: unreachable/;
/** Chromium's report of a refused script, style, image or request, and the page's own (below). */
const CSP_VIOLATION = /Content Security Policy|securitypolicyviolation/;

export const test = base.extend({
  /** "demo" or "http"; set by the project. */
  mode: ['demo', { option: true }],
  /** Where tests/mock/backend.mjs listens. */
  mockURL: ['http://127.0.0.1:8788', { option: true }],
  /** Fields to override in the served config.json. */
  appConfig: [{}, { option: true }],

  /** The mock's test controls; resets it before each test in http mode. */
  mock: [
    async ({ mode, mockURL }, use) => {
      const control = async (method, path, body) => {
        const response = await fetch(`${mockURL}${path}`, {
          method,
          headers: body ? { 'Content-Type': 'application/json' } : {},
          body: body ? JSON.stringify(body) : undefined,
        });
        if (!response.ok) throw new Error(`mock ${method} ${path}: ${response.status} ${await response.text()}`);
        return response.status === 204 ? null : response.json();
      };
      const mock = {
        reset: () => control('POST', '/__mock/reset'),
        /** Makes the next `times` requests to `path` fail: 500 (or another status), "malformed" or "timeout". */
        fail: (path, status, times = 1) => control('POST', '/__mock/fail', { path, status, times }),
        requests: () => control('GET', '/__mock/requests'),
        /** Makes every list answer pages of `size` items (null: back to the default). */
        paging: (size) => control('POST', '/__mock/paging', { size }),
      };
      if (mode === 'http') await mock.reset();
      await use(mock);
    },
    { auto: true },
  ],

  page: async ({ page, mode, mockURL, appConfig }, use) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack || error.message}`));
    page.on('console', (message) => {
      if (PANIC.test(message.text()) || CSP_VIOLATION.test(message.text())) {
        problems.push(`console.${message.type()}: ${message.text()}`);
      }
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`securitypolicyviolation: ${event.violatedDirective} refused ${event.blockedURI}`),
      ),
    );
    page.on('response', (response) => {
      // A missing script, style or module: often dist/ rebuilt under a running test.
      if (response.status() >= 400 && /\.(js|css|wasm)$/.test(new URL(response.url()).pathname)) {
        problems.push(`app asset ${response.url()} answered ${response.status()} (was dist/ rebuilt meanwhile?)`);
      }
    });
    page.on('dialog', (dialog) => {
      problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });

    const overrides = { ...(mode === 'http' ? { api_base: mockURL } : {}), ...appConfig };
    if (Object.keys(overrides).length > 0) {
      const config = { ...SHIPPED_CONFIG, ...overrides };
      await page.route('**/config.json', (route) => route.fulfill({ json: config }));
    }

    await use(page);

    expect(problems, 'the app must load, and must not panic, throw, break its security policy or open dialogs').toEqual([]);
  },

  /** Failures and edited responses of the backend, in either mode. */
  api: async ({ page, mode, mockURL, mock }, use) => {
    const mockOrigin = new URL(mockURL).origin;
    // What the app requests for a contract path such as /v1/services or /v1/stories/st-01:
    // the path on the mock, or the demo file the in-browser backend reads for it.
    const demoFileOf = (path) => {
      const [resource, rest] = path.replace(/^\/v1\//, '').split('/');
      return `/demo/${resource === 'points' ? `points-${rest}` : resource}.json`;
    };
    const target = (path) =>
      mode === 'http'
        ? (url) => url.origin === mockOrigin && url.pathname === path
        : (url) => url.pathname === demoFileOf(path);

    const api = {
      /**
       * Makes the next request for `path` fail once: 500, "malformed" (a cut-off
       * body), "timeout" (never answered) or "network" (connection refused).
       */
      async fail(path, kind) {
        if (mode === 'http' && kind !== 'network') return mock.fail(path, kind, 1);
        await page.route(
          target(path),
          async (route) => {
            if (kind === 'network') return route.abort('connectionrefused');
            if (kind === 'timeout') return; // never answered
            if (kind === 'malformed') return route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [' });
            if (typeof kind === 'number') {
              return route.fulfill({
                status: kind,
                json: { error: { code: 'internal', message: '服务暂时不可用' } },
              });
            }
            throw new Error(`unknown failure ${kind}`);
          },
          { times: 1 },
        );
      },

      /** Answers `path` with `status` and this JSON body, once, with CORS headers for http mode. */
      async answerOnce(path, status, json) {
        await page.route(
          target(path),
          (route) => route.fulfill({ status, json, headers: { 'Access-Control-Allow-Origin': '*' } }),
          { times: 1 },
        );
      },

      /** Edits the items of the list `resource` ("services", "stories"…) wherever they are served. */
      async patchList(resource, edit) {
        await page.route(target(`/v1/${resource}`), async (route) => {
          const response = await route.fetch();
          const body = await response.json();
          const edited = Array.isArray(body) ? edit(body) : { ...body, items: edit(body.items) };
          await route.fulfill({ response, json: edited });
        });
      },

      /** Edits one item of `resource`, in its list and on its own page. */
      async patchItem(resource, id, edit) {
        const editMatching = (items) => items.map((item) => (item.id === id ? edit(structuredClone(item)) : item));
        await api.patchList(resource, editMatching);
        if (mode === 'http') {
          await page.route(target(`/v1/${resource}/${id}`), async (route) => {
            const response = await route.fetch();
            await route.fulfill({ response, json: edit(await response.json()) });
          });
        }
      },
    };
    await use(api);
  },
});

// Pages whose code is downloaded when they are first opened (the release build
// splits the wasm by route): a chunk that fails to arrive shows 重试 in place
// of the page, the rest of the app keeps working, and each build's files live
// in a folder of their own that is cached for good.
import {
  alert, demoItems, expect, gotoApp, heading, holdUntilAsked, main, mainNav, retryButton, signIn, test,
} from './fixtures.mjs';

/** The app's own JS and wasm: everything index.html's loader pulls in. */
const APP_FILE = /^\/app-[0-9a-f]{16}\/[^/]+\.(js|wasm)$/;
/** The main module, which the shell needs before any page shows. */
const MAIN_WASM = /\/youxin-[0-9a-f]+_bg\.wasm$/;

/** Makes every page chunk fail until the returned function is called; counts the failures. */
async function failChunks(page) {
  const state = { failing: true, failed: 0 };
  await page.route(
    (url) => APP_FILE.test(url.pathname) && url.pathname.endsWith('.wasm') && !MAIN_WASM.test(url.pathname),
    (route) => {
      if (!state.failing) return route.continue();
      state.failed += 1;
      return route.abort('connectionrefused');
    },
  );
  return state;
}

const navTo = (page, name) => mainNav(page).getByRole('link', { name }).click();

test('a page whose code did not arrive offers 重试, which shows it', async ({ page }) => {
  await gotoApp(page, '/');
  const chunks = await failChunks(page);
  await navTo(page, '服务');
  await expect(page).toHaveURL('/services');
  await expect(alert(page)).toContainText('页面没有下载完整，请检查网络后重试');
  expect(chunks.failed).toBeGreaterThan(0);

  // Still offline: trying again says so again, and nothing breaks.
  const failedBefore = chunks.failed;
  await retryButton(page).click();
  await expect.poll(() => chunks.failed).toBeGreaterThan(failedBefore);
  await expect(retryButton(page)).toBeEnabled();
  await expect(alert(page)).toContainText('页面没有下载完整');

  chunks.failing = false;
  await retryButton(page).click();
  await expect(heading(page)).toHaveText('服务清单');
  await expect(alert(page)).toHaveCount(0);

  // Later navigation, to a page already here and to one not yet downloaded.
  await navTo(page, '首页');
  await expect(heading(page)).toHaveText('酉新送暖 · 阳光同行');
  await navTo(page, '学堂');
  await expect(heading(page)).toHaveText('酉新学堂');
  await navTo(page, '服务');
  await expect(heading(page)).toHaveText('服务清单');
});

test('after a chunk failed, other pages still open and the failed one opens later', async ({ page }) => {
  await gotoApp(page, '/');
  const chunks = await failChunks(page);
  await navTo(page, '驿站');
  await expect(alert(page)).toContainText('页面没有下载完整');

  // The shell and the home page are in the main module.
  await navTo(page, '首页');
  await expect(heading(page)).toHaveText('酉新送暖 · 阳光同行');
  await expect(alert(page)).toHaveCount(0);

  chunks.failing = false;
  await navTo(page, '驿站');
  await expect(heading(page)).toHaveText('酉新驿站');
  await navTo(page, '更多');
  await expect(heading(page)).toHaveText('更多');
});

test("the app's JS and wasm come from one folder per build, cached for good", async ({ page }) => {
  const loaded = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (/\.(js|wasm)$/.test(pathname)) loaded.push(response);
  });
  await gotoApp(page, '/stories');
  await expect(heading(page)).toHaveText('酉新向党');
  await expect(main(page).getByRole('listitem').first()).toBeVisible();

  const paths = loaded.map((response) => new URL(response.url()).pathname);
  expect(paths.length).toBeGreaterThan(2);
  for (const path of paths) expect(path).toMatch(APP_FILE);
  expect(new Set(paths.map((path) => path.split('/')[1])).size).toBe(1);
  for (const response of loaded) {
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('immutable');
  }
});

test('a missing script or wasm is a 404, never the page', async ({ page }) => {
  for (const path of ['/app-0123456789abcdef/chunk_1.wasm', '/app-0123456789abcdef/__wasm_split.js', '/services/gone.js']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain('<html');
  }
  // An address of the app is still the app.
  const deepLink = await page.request.get('/services/any-id');
  expect(deepLink.status()).toBe(200);
  expect(await deepLink.text()).toContain('<html');
});

test('a cold link fetches its page’s code beside the main module, once', async ({ page }) => {
  const station = demoItems('stations')[0];
  const isPageCode = (url) => url.pathname.endsWith('/split_station.wasm');
  const fetched = [];
  page.on('request', (request) => isPageCode(new URL(request.url())) && fetched.push(request.url()));
  // The main module is held back until the page's code has been asked for (or long enough to say it was not).
  const askedFirst = await holdUntilAsked(page, (url) => MAIN_WASM.test(url.pathname), [isPageCode]);

  await gotoApp(page, `/stations/${station.id}`);
  await expect(heading(page)).toHaveText(station.name);
  expect(askedFirst(), 'the page’s code was asked for before the main module arrived').toBe(true);
  expect(fetched, 'the page’s loader took the early download').toHaveLength(1);
});

test('the chunks’ loader is fetched beside the main JS, which imports it, not after it', async ({ page }) => {
  const isLoader = (url) => APP_FILE.test(url.pathname) && url.pathname.endsWith('/__wasm_split.js');
  const isMainJs = (url) => APP_FILE.test(url.pathname) && /\/youxin-[0-9a-f]+\.js$/.test(url.pathname);
  // The main JS is held back until the loader has been asked for (or long enough to say it was not).
  const askedFirst = await holdUntilAsked(page, isMainJs, [isLoader]);

  await gotoApp(page, '/');
  await expect(heading(page)).toHaveText('酉新送暖 · 阳光同行');
  expect(askedFirst(), 'the loader was asked for before the main JS arrived').toBe(true);
});

test('the forms come in a chunk of their own: a reader never downloads it, a signed-in worker gets 重试 if it fails', async ({ page }) => {
  const isFormsCode = (url) => url.pathname.endsWith('/split_take_part.wasm');
  const state = { failing: true, asked: 0 };
  await page.route(isFormsCode, (route) => {
    state.asked += 1;
    return state.failing ? route.abort('connectionrefused') : route.continue();
  });

  await gotoApp(page, '/honours');
  await expect(main(page).getByRole('link', { name: '登录后推荐' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(state.asked, 'a reader who is not signed in does not download the forms').toBe(0);

  await main(page).getByRole('link', { name: '登录后推荐' }).click();
  await signIn(page);
  await expect(heading(page)).toHaveText('荣誉榜');
  await expect(alert(page)).toContainText('网络连接失败，请检查网络后重试');
  expect(state.asked).toBeGreaterThan(0);

  // A nervous double tap on 重试 fetches and draws the form once.
  state.failing = false;
  const askedBefore = state.asked;
  await retryButton(page).evaluate((button) => { button.click(); button.click(); });
  await expect(main(page).getByRole('button', { name: '提交推荐' })).toHaveCount(1);
  await expect(main(page).getByRole('button', { name: '提交推荐' })).toBeVisible();
  await expect(alert(page).filter({ hasText: '网络连接失败' })).toHaveCount(0);
  expect(state.asked - askedBefore, 'one download for the double tap').toBe(1);
});

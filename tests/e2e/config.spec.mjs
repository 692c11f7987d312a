// A config.json that cannot be fetched, read or trusted stops the app with a
// clear message and 重试, never a silent switch to the demo data; the console
// names the problem, and 重试 starts the app once the file is fixed.
import { test, expect, alert, heading, retryButton } from './fixtures.mjs';

const BROKEN = [
  { name: 'a 404', answer: (route) => route.fulfill({ status: 404, body: 'Not Found' }), logged: 'answered HTTP 404' },
  { name: 'a 500', answer: (route) => route.fulfill({ status: 500, body: 'oops' }), logged: 'answered HTTP 500' },
  {
    name: 'a JSON typo',
    answer: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"api_base": null,}' }),
    logged: 'is not valid JSON',
  },
  {
    name: 'a wrong type',
    answer: (route) => route.fulfill({ json: { api_base: null, timeout_ms: '15000' } }),
    logged: 'has a wrong or missing value',
  },
  {
    name: 'no api_base',
    answer: (route) => route.fulfill({ json: { demo_base: '/demo', timeout_ms: 15000 } }),
    logged: 'has a wrong or missing value: api_base is missing',
  },
  {
    name: 'no connection',
    answer: (route) => route.abort('connectionrefused'),
    logged: 'could not be fetched',
    message: '网络连接失败',
  },
];

/** Records console errors and every request for data (demo files or the contract's /v1). */
function watch(page) {
  const seen = { errors: [], data: [] };
  page.on('console', (message) => message.type() === 'error' && seen.errors.push(message.text()));
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/demo/') || path.startsWith('/v1/')) seen.data.push(path);
  });
  return seen;
}

/** The app has started: the static shell is gone and the page's heading is there. */
async function expectStarted(page, title) {
  await expect(page.locator('#static-shell')).toHaveCount(0);
  await expect(heading(page)).toHaveText(title);
}

for (const { name, answer, logged, message = '站点配置有误' } of BROKEN) {
  test(`config.json with ${name}: a clear error, no demo data, and 重试 starts the app once it is fixed`, async ({
    page,
  }) => {
    const seen = watch(page);
    let broken = true;
    await page.route('**/config.json', (route) => (broken ? answer(route) : route.fallback()));
    await page.goto('/services');

    await expect(alert(page)).toContainText(message);
    await expect(retryButton(page)).toBeFocused();
    await expect.poll(() => seen.errors.join('\n')).toContain(`the app cannot start: config.json ${logged}`);
    await expect(page.getByText('演示数据')).toHaveCount(0);
    expect(seen.data, 'nothing is loaded from any backend, demo or real').toEqual([]);

    // Still broken: 重试 says so again.
    await retryButton(page).click();
    await expect(alert(page)).toContainText(message);
    await expect(page.locator('#static-shell')).toHaveCount(1);

    broken = false;
    await retryButton(page).click();
    await expectStarted(page, '服务清单');
    await expect(page.getByText(/共 \d+ 项服务/)).toBeVisible();
  });
}

/**
 * Notes in `window.configAsked` when the app itself asks for config.json. The
 * start-up script asks first, before the app runs; the app's 10 s start then,
 * when it takes that answer (`youxinEarly`, src/platform/early.rs).
 */
function noteWhenAppAsksForConfig() {
  let take;
  Object.defineProperty(globalThis, 'youxinEarly', {
    configurable: true,
    get: () => take && ((url, signal) => {
      if (url.endsWith('/config.json')) globalThis.configAsked = true;
      return take(url, signal);
    }),
    set: (value) => (take = value),
  });
}

test('config.json that never answers: the app says so after 10 s, and 重试 recovers', async ({ page }) => {
  const seen = watch(page);
  await page.clock.install();
  await page.addInitScript(noteWhenAppAsksForConfig);
  let hang = true;
  await page.route('**/config.json', (route) => (hang ? undefined : route.fallback())); // Never answered.
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => globalThis.configAsked === true)).toBe(true);

  // The installed clock also runs on by itself: 8 s leaves room for that.
  await page.clock.fastForward(8_000);
  await expect(page.locator('#static-shell')).toHaveCount(1);
  await expect(alert(page)).toHaveCount(0);
  await page.clock.fastForward(2_000);
  await expect(alert(page)).toContainText('超时');
  await expect.poll(() => seen.errors.join('\n')).toContain('config.json did not answer within 10000 ms');
  expect(seen.data).toEqual([]);

  hang = false;
  await retryButton(page).click();
  await expectStarted(page, '酉新送暖 · 阳光同行');
});

// What only a real backend shows: its own error messages and the headers the
// app sends. Runs in the http project only (see playwright.config.mjs).
import { alert, demoFile, expect, gotoApp, mainNav, retryButton, signIn, test } from './fixtures.mjs';

test('the server’s own message is shown with the status', async ({ page, api }) => {
  const message = '系统升级中，请十分钟后再试';
  await api.answerOnce('/v1/services', 503, { error: { code: 'maintenance', message } });
  await gotoApp(page, '/services');
  await expect(alert(page)).toContainText(`${message}（错误 503）`);
  await retryButton(page).click();
  await expect(alert(page)).toHaveCount(0);
  await expect(page.getByText('共 25 项服务')).toBeVisible();
});

test('the bearer token goes with personal requests', async ({ page, mock }) => {
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  // The balance on screen means /v1/me has been answered, and so logged.
  await expect(page.getByText(String(demoFile('me').points_balance), { exact: true })).toBeVisible();
  const requests = await mock.requests();
  const me = requests.filter((r) => r.path === '/v1/me');
  expect(me.length).toBeGreaterThan(0);
  expect(me.at(-1).authorization).toMatch(/^Bearer mock-token-13800000000$/);
  const login = requests.find((r) => r.path === '/v1/auth/login');
  expect(login?.authorization ?? null).toBeNull();
});

test('a 401 from a signed-in call signs the worker out and asks to sign in again', async ({ page, mock }) => {
  const balance = String(demoFile('me').points_balance);
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  await expect(page.getByText(balance, { exact: true })).toBeVisible();

  // The token is revoked on the server: the next personal call is refused.
  await mock.fail('/v1/me', 401);
  await page.reload();
  const signInAgain = page.getByRole('link', { name: '登录查看我的积分' });
  await expect(signInAgain).toBeVisible();
  await expect(page.getByText(balance, { exact: true })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('youxin.token'))).toBeNull();

  // Still signed out after a reload, and signing in again brings the balance back.
  await page.reload();
  await expect(signInAgain).toBeVisible();
  await signInAgain.click();
  await signIn(page);
  await expect(page).toHaveURL(/\/points$/);
  await expect(page.getByText(balance, { exact: true })).toBeVisible();
});

// A list read through its page's resource (驿站), and one read as a paged feed (学堂).
for (const { nav, path, read, title } of [
  { nav: '驿站', path: '/stations', read: '/v1/stations', title: '酉新驿站' },
  { nav: '学堂', path: '/courses', read: '/v1/courses', title: '酉新学堂' },
]) {
  test(`leaving ${path} before its data has come cancels the request`, async ({ page }) => {
    const isRead = (url) => url.pathname.endsWith(read);
    const heading = page.getByRole('heading', { level: 1 });
    // The page's code is here already: the page itself asks, not the start-up code.
    await gotoApp(page, path);
    await expect(heading).toHaveText(title);
    await mainNav(page).getByRole('link', { name: '首页' }).click();
    await expect(heading).toHaveText('酉新送暖 · 阳光同行');
    // The backend takes the next request and never answers it.
    await page.route(isRead, () => {});
    const asked = page.waitForRequest((request) => isRead(new URL(request.url())));
    await mainNav(page).getByRole('link', { name: nav }).click();
    await asked;
    // Cancelled when the worker leaves, not left to the app's 15 s timeout.
    const cancelled = page.waitForEvent('requestfailed', {
      predicate: (request) => isRead(new URL(request.url())),
      timeout: 5_000,
    });
    await mainNav(page).getByRole('link', { name: '首页' }).click();
    expect((await cancelled).failure()?.errorText).toMatch(/ABORTED/);
    await expect(heading).toHaveText('酉新送暖 · 阳光同行');
  });
}

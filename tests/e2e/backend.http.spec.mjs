// What only a real backend shows: its own error messages and the headers the
// app sends. Runs in the http project only (see playwright.config.mjs).
import { alert, demoFile, expect, gotoApp, retryButton, signIn, test } from './fixtures.mjs';

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

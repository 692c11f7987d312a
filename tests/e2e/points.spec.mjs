// Signing in and the worker's own points: a refused code says why, a crafted
// return path goes nowhere, and leaving mid-request breaks nothing.
import { test, expect, gotoApp, demoFile, demoItems, signIn, PHONE } from './fixtures.mjs';

test('signing in from the points page comes back to it with the balance and ledger', async ({ page }) => {
  await gotoApp(page, '/points');
  await page.getByRole('link', { name: '登录查看我的积分' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fpoints|\/login\?next=\/points/);
  await signIn(page);
  await expect(page).toHaveURL(/\/points$/);
  const me = demoFile('me');
  await expect(page.getByText(String(me.points_balance), { exact: true })).toBeVisible();
  const latest = demoItems('ledger')[0];
  await expect(page.getByText(latest.reason)).toBeVisible();

  // A reload keeps the worker signed in; signing out forgets it.
  await page.reload();
  await expect(page.getByText(String(me.points_balance), { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录查看我的积分' })).toBeVisible();
});

test('a wrong code is refused with the reason and nothing else changes', async ({ page }) => {
  await gotoApp(page, '/login?next=/points');
  await signIn(page, '000000');
  // The form's message turns from "code sent" into the backend's refusal with its status.
  const message = page.locator('form').getByRole('status');
  await expect(message).toHaveText(/^验证码.*（错误 401）$/);
  await expect(message).not.toContainText('已发送');
  // What the worker typed stays, and no one is signed in.
  await expect(page.getByLabel('手机号')).toHaveValue(PHONE);
  await expect(page.getByLabel('短信验证码')).toHaveValue('000000');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '积分' }).click();
  await expect(page.getByRole('link', { name: '登录查看我的积分' })).toBeVisible();
});

test('the WeChat hand-off #token= signs in, is used for the balance, and leaves the address', async ({
  page,
  mode,
  mock,
}) => {
  // What the backend's WeChat sign-in redirects to: a token each transport accepts.
  const token = mode === 'http' ? `mock-token-${PHONE}` : `demo-${PHONE}`;
  await gotoApp(page, `/points#token=${token}&expires_in=7200`);
  await expect(page.getByText(String(demoFile('me').points_balance), { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/points$/);
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  expect(await page.evaluate(() => localStorage.getItem('youxin.token'))).toBe(token);
  if (mode === 'http') {
    // The balance on screen means /v1/me has been answered, and so logged.
    const me = (await mock.requests()).filter((r) => r.path === '/v1/me');
    expect(me.length).toBeGreaterThan(0);
    expect(me.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
  }
});

test('a bad phone number is caught before anything is sent', async ({ page }) => {
  await gotoApp(page, '/login');
  await page.getByLabel('手机号').fill('12345');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('请输入 11 位手机号码。')).toBeVisible();
});

test('a return path to another site is ignored: the worker goes home', async ({ page }) => {
  await gotoApp(page, '/login?next=//evil.example/');
  await signIn(page);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test('leaving the sign-in page while a code is on its way does not break the app', async ({ page }) => {
  // A controllable clock, so the whole resend countdown can run out without waiting for it.
  await page.clock.install();
  await gotoApp(page, '/login');
  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '服务' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务清单');
  // Whatever was started on the sign-in page runs to its end; no panic may follow.
  await page.clock.runFor(65_000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务清单');
});

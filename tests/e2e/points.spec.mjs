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
  await expect(page.getByRole('status').filter({ hasText: '验证码' })).toContainText(/验证码/);
  await expect(page).toHaveURL(/\/login/);
});

test('a bad phone number is caught before anything is sent', async ({ page }) => {
  await gotoApp(page, '/login');
  await page.getByLabel('手机号').fill('12345');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('请输入 11 位手机号码。')).toBeVisible();
});

test('a return path to another site is ignored', async ({ page }) => {
  await gotoApp(page, '/login?next=//evil.example/');
  await signIn(page);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});

test('leaving the sign-in page while a code is on its way does not break the app', async ({ page }) => {
  await gotoApp(page, '/login');
  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '服务' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务清单');
  // The countdown keeps running in the background for a second or two; no panic may follow.
  await page.waitForTimeout(2_500);
});

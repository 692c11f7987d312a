// Signing in: a return path can only lead back into the app, and a wrong code
// typed while signed in does not sign the worker out.
import { test, expect, gotoApp, demoFile, signIn, searchBox } from './fixtures.mjs';

const balance = (page) => page.getByText(String(demoFile('me').points_balance), { exact: true });

// Each would, followed naively, leave the site: browsers drop tabs and
// newlines and read a backslash as a slash.
const CRAFTED = [
  '/%09/evil.example',
  '/%0A/evil.example',
  '/%0D%0A/evil.example',
  '/%5Cevil.example',
  '%5C%5Cevil.example',
  '/%09%5Cevil.example',
  '//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '/%E3%80%80/evil.example',
];

for (const next of CRAFTED) {
  test(`a return path of ${next} ends at home on this site`, async ({ page, baseURL }) => {
    await gotoApp(page, `/login?next=${next}`);
    await signIn(page);
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('酉新送暖 · 阳光同行');
  });
}

test('a return path inside the app is followed exactly, query and all', async ({ page, baseURL }) => {
  await gotoApp(page, `/login?next=${encodeURIComponent('/services?q=%2520')}`);
  await signIn(page);
  await expect(page).toHaveURL(`${baseURL}/services?q=%2520`);
  await expect(searchBox(page)).toHaveValue('%20');
});

test('a wrong code typed while signed in keeps the worker signed in', async ({ page }) => {
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  await expect(balance(page)).toBeVisible();

  await gotoApp(page, '/login?next=/points');
  await signIn(page, '000000');
  await expect(page.locator('.form-message')).toContainText('验证码');
  await expect(page).toHaveURL(/\/login/);

  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '积分' }).click();
  await expect(balance(page)).toBeVisible();
  await expect(page.getByRole('link', { name: '登录查看我的积分' })).toHaveCount(0);
});

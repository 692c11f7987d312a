// The token against a real backend: only a 401 from an authenticated call
// signs the worker out, and the sign-in endpoints never receive the token.
import { test, expect, gotoApp, reloadApp, demoFile, signIn } from './fixtures.mjs';

const balance = (page) => page.getByText(String(demoFile('me').points_balance), { exact: true });
const signInLink = (page) => page.getByRole('link', { name: '登录查看我的积分' });

test('a 401 from an authenticated call signs out and asks to sign in again', async ({ page, api }) => {
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  await expect(balance(page)).toBeVisible();

  await api.answerOnce('/v1/me', 401, { error: { code: 'unauthorized', message: '登录已过期' } });
  await reloadApp(page);
  await expect(signInLink(page)).toBeVisible();
  // Forgotten, not merely hidden: the next visit asks too.
  await reloadApp(page);
  await expect(signInLink(page)).toBeVisible();
  await expect(balance(page)).toHaveCount(0);
});

test('a refused sign-in while signed in sends no token and keeps it', async ({ page, api }) => {
  const auth = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/v1/auth/') && request.method() === 'POST') {
      auth.push({ path, authorization: request.headers().authorization ?? null });
    }
  });
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  await expect(balance(page)).toBeVisible();

  await gotoApp(page, '/login?next=/points');
  await api.answerOnce('/v1/auth/login', 401, { error: { code: 'bad_code', message: '验证码错误或已过期' } });
  await signIn(page, '654321');
  await expect(page.locator('.form-message')).toContainText('验证码错误或已过期');

  // Both codes asked for and both sign-ins, the second while signed in.
  expect(auth.map((r) => r.path)).toEqual(['/v1/auth/sms-code', '/v1/auth/login', '/v1/auth/sms-code', '/v1/auth/login']);
  for (const request of auth) expect(request.authorization, request.path).toBeNull();

  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '积分' }).click();
  await expect(balance(page)).toBeVisible();
});

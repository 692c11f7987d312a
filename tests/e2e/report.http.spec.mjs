// 随手拍 against a real backend's failures: an answer lost on the way back
// files one report, and a long list of reports comes page by page.
import { test, expect, gotoApp, signIn, main } from './fixtures.mjs';

async function signInTo(page, path) {
  await gotoApp(page, `/login?next=${encodeURIComponent(path)}`);
  await signIn(page);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test('an answer lost after the backend filed the report does not file it twice', async ({ page, mock, mockURL }) => {
  const text = '隧道里的灯坏了一半，骑车进去什么都看不见。';
  await signInTo(page, '/report');
  await page.getByRole('radio', { name: '用电隐患' }).check();
  await page.getByLabel('描述').fill(text);
  await page.getByLabel('地址或地点').fill('城北隧道');
  await mock.fail('/v1/reports', 'drop');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  // A retry with the same key (the app's, after a short backoff) gets the first answer again.
  await expect(page.locator('#report-latest')).toContainText('已提交', { timeout: 20_000 });

  const posts = (await mock.requests()).filter((r) => r.method === 'POST' && r.path === '/v1/reports');
  expect(posts.length).toBeGreaterThanOrEqual(2);
  expect(new Set(posts.map((r) => r.idempotency_key)).size, 'one key for every try').toBe(1);
  const response = await fetch(`${mockURL}/v1/reports`, { headers: { Authorization: posts[0].authorization } });
  const held = (await response.json()).items.filter((r) => r.text === text);
  expect(held).toHaveLength(1);
  await gotoApp(page, '/reports');
  await expect(main(page).locator('.report').filter({ hasText: text })).toHaveCount(1);
});

test('我的上报 loads page by page with 加载更多', async ({ page, mock }) => {
  await mock.paging(2);
  await signInTo(page, '/reports');
  const cards = main(page).locator('.report');
  await expect(cards).toHaveCount(2);
  await page.getByRole('button', { name: '加载更多' }).click();
  await expect(cards).toHaveCount(3);
  await expect(page.getByRole('button', { name: '加载更多' })).toHaveCount(0);
});

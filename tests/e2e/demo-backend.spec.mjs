// The demo backend's code comes in chunks (src/api/demo/router.rs, `Chunk`):
// its reads, the reads of 礼遇尊崇 and 活动, and its writes. A visit fetches
// only what its requests run; a chunk that fails to arrive loses nothing.
import { PHONE, demoItems, expect, gotoApp, heading, main, mainNav, test } from './fixtures.mjs';

const CHUNKS = ['demo_backend', 'demo_backend_later', 'demo_backend_writes'];

/** Counts the requests for each of the backend's split points; fails the writes while `failWrites`. */
async function watchBackend(page) {
  const state = { failWrites: false, asked: Object.fromEntries(CHUNKS.map((name) => [name, 0])) };
  const chunkOf = (url) => /\/split_(demo_backend\w*)\.wasm$/.exec(url.pathname)?.[1];
  await page.route((url) => chunkOf(url) !== undefined, (route) => {
    const chunk = chunkOf(new URL(route.request().url()));
    state.asked[chunk] += 1;
    return state.failWrites && chunk === 'demo_backend_writes' ? route.abort('connectionrefused') : route.continue();
  });
  return state;
}

test('a reader downloads only the reads; the first write fetches the rest, and a failed download loses nothing', async ({ page }) => {
  const backend = await watchBackend(page);
  const [course] = demoItems('courses');
  await gotoApp(page, '/courses');
  await expect(main(page)).toContainText(course.title);
  await mainNav(page).getByRole('link', { name: '积分' }).click();
  await expect(heading(page)).toHaveText('积分');
  await page.waitForLoadState('networkidle');
  // A worker who has enrolled in nothing and redeemed nothing gets these lists as their files are.
  expect(backend.asked.demo_backend, 'the lists needed the backend').toBe(0);
  await page.goBack();
  await main(page).getByRole('link', { name: course.title }).click();
  await expect(heading(page)).toHaveText(course.title);
  await page.waitForLoadState('networkidle');
  expect(backend.asked.demo_backend, 'a course is read by the backend').toBeGreaterThan(0);
  expect(backend.asked.demo_backend_later, 'no page of 礼遇尊崇 or 活动 was opened').toBe(0);
  expect(backend.asked.demo_backend_writes, 'nothing was written').toBe(0);

  // Asking for a sign-in code is the visit's first write; its code does not arrive.
  backend.failWrites = true;
  await gotoApp(page, '/login?next=/courses');
  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(main(page)).toContainText('网络连接失败，请检查网络后重试');
  await expect(page.getByLabel('手机号')).toHaveValue(PHONE);
  expect(backend.asked.demo_backend_writes).toBeGreaterThan(0);

  // Once it can, the same form goes on to sign in and back.
  backend.failWrites = false;
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('验证码已发送')).toBeVisible();
  await page.getByLabel('短信验证码').fill('123456');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(heading(page)).toHaveText('酉新学堂');
  expect(backend.asked.demo_backend_later).toBe(0);
});

test('礼遇尊崇 fetches the reads of its own part', async ({ page }) => {
  const backend = await watchBackend(page);
  const [honour] = demoItems('honours');
  await gotoApp(page, '/honours');
  await expect(main(page)).toContainText(honour.title);
  expect(backend.asked.demo_backend_later).toBeGreaterThan(0);
  expect(backend.asked.demo_backend_writes).toBe(0);
});

// Failures of the backend, in both modes: each says what happened in Chinese
// and, when trying again may help, offers 重试, which recovers. In http mode the
// failures come from the mock's /__mock/fail hook, in demo mode from page.route
// on the demo file (see the `api` fixture).
import {
  alert,
  cards,
  countText,
  demoItems,
  expect,
  gotoApp,
  heading,
  main,
  mainNav,
  retryButton,
  test,
} from './fixtures.mjs';

const services = demoItems('services');
const total = services.length;
const allListed = (page) => expect(main(page).getByText(countText(total, total), { exact: true })).toBeVisible();

async function expectRetryRecovers(page) {
  await retryButton(page).click();
  await expect(alert(page)).toHaveCount(0);
  await allListed(page);
  await expect(cards(page)).toHaveCount(total);
}

test('a server error says so, with the status, and 重试 recovers', async ({ page, api }) => {
  await api.fail('/v1/services', 500);
  await gotoApp(page, '/services');
  await expect(alert(page)).toContainText('加载失败');
  await expect(alert(page)).toContainText('错误 500');
  await expectRetryRecovers(page);
});

test('a body that is not JSON says the data is broken, and 重试 recovers', async ({ page, api }) => {
  await api.fail('/v1/services', 'malformed');
  await gotoApp(page, '/services');
  await expect(alert(page)).toContainText('加载失败');
  await expect(alert(page)).toContainText('数据格式有误');
  await expectRetryRecovers(page);
});

test('a lost connection says so, and 重试 recovers', async ({ page, api }) => {
  await api.fail('/v1/services', 'network');
  await gotoApp(page, '/services');
  await expect(alert(page)).toContainText('加载失败');
  await expect(alert(page)).toContainText('网络连接失败');
  await expectRetryRecovers(page);
});

test.describe('with a one-second timeout', () => {
  test.use({ appConfig: { timeout_ms: 1000 } });

  test('a server that never answers times out, and 重试 recovers', async ({ page, api }) => {
    await api.fail('/v1/services', 'timeout');
    await gotoApp(page, '/services');
    // Only the outcome is asserted: the loading state may be gone before anyone looks.
    await expect(alert(page)).toContainText('加载失败');
    await expect(alert(page)).toContainText('超时');
    await expectRetryRecovers(page);
  });
});

test('one malformed item is left out, the rest are listed', async ({ page, api }) => {
  const broken = services[Math.floor(total / 2)];
  await api.patchList('services', (items) =>
    items.map((item) => {
      if (item.id !== broken.id) return item;
      const { id: _id, ...withoutId } = item;
      return withoutId;
    }),
  );
  await gotoApp(page, '/services');
  await expect(main(page).getByText(countText(total - 1, total - 1), { exact: true })).toBeVisible();
  await expect(cards(page)).toHaveCount(total - 1);
  await expect(main(page).getByText(broken.title, { exact: true })).toHaveCount(0);
  await expect(alert(page)).toHaveCount(0);
});

test('a service that does not exist says so, in the backend’s words, without a retry', async ({
  page,
  mode,
  mockURL,
}) => {
  // The backend's own message wins; the in-browser demo backend says 没有找到这项内容.
  const message =
    mode === 'http'
      ? (await (await fetch(`${mockURL}/v1/services/does-not-exist`)).json()).error.message
      : '没有找到这项内容';
  await gotoApp(page, '/services/does-not-exist');
  await expect(alert(page)).toContainText('加载失败');
  await expect(alert(page)).toContainText(`${message}（错误 404）`);
  await expect(retryButton(page)).toHaveCount(0);
  await expect(main(page).getByRole('link', { name: '‹ 服务清单' })).toBeVisible();
});

test('a 404 without a message gets the app’s own wording, without a retry', async ({ page, api }) => {
  await api.answerOnce('/v1/services', 404, {});
  await gotoApp(page, '/services');
  await expect(alert(page)).toContainText('加载失败');
  await expect(alert(page)).toContainText('没有找到这项内容');
  await expect(retryButton(page)).toHaveCount(0);
});

for (const [path, url, recovered] of [
  ['/v1/courses', '/courses', /共 \d+ 门课程/],
  ['/v1/stations', '/stations', /共 \d+ 个驿站/],
  ['/v1/stories', '/stories', null],
]) {
  test(`${url}: a server error shows 加载失败 and 重试 recovers`, async ({ page, api }) => {
    await api.fail(path, 500);
    await gotoApp(page, url);
    await expect(alert(page)).toContainText('加载失败');
    await retryButton(page).click();
    await expect(alert(page)).toHaveCount(0);
    if (recovered) await expect(main(page).getByText(recovered)).toBeVisible();
    await expect(cards(page).first()).toBeVisible();
  });
}

test.describe('with a long timeout', () => {
  test.use({ appConfig: { timeout_ms: 60_000 } });

  test('leaving a page cancels the request it was waiting for', async ({ page, mode, mockURL }) => {
    // The service list is held unanswered; only leaving the page can end the request.
    const held = (url) =>
      mode === 'http'
        ? url.origin === new URL(mockURL).origin && url.pathname === '/v1/services'
        : url.pathname === '/demo/services.json';
    const asked = page.waitForRequest((request) => held(new URL(request.url())));
    await page.route(held, () => {});
    await gotoApp(page, '/services');
    const request = await asked;

    await mainNav(page).getByRole('link', { name: '驿站' }).click();
    await expect(heading(page)).toHaveText('酉新驿站');
    await expect
      .poll(() => request.failure()?.errorText ?? 'still waiting', { message: 'the held request is cancelled' })
      .toMatch(/ABORTED|cancel/i);
    await expect(alert(page)).toHaveCount(0);
  });
});

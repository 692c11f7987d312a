// Where no service worker controls the page (WeChat on iOS, a first visit),
// the client keeps the last good answers of public reads itself: a lost
// connection shows them, saying when they were saved; a signed-in worker's
// answers are never kept. (The worker's own caching: offline.spec.mjs.)
import {
  alert,
  cards,
  countText,
  demoFile,
  demoItems,
  expect,
  gotoApp,
  main,
  mainNav,
  OFFLINE_BANNER,
  offlineBanner,
  test,
} from './fixtures.mjs';

const total = demoItems('services').length;
const allListed = (page) => expect(main(page).getByText(countText(total, total), { exact: true })).toBeVisible();
const navTo = (page, name) => mainNav(page).getByRole('link', { name }).click();

test('a list read before is shown, saved, when the connection is lost, and 重新加载 brings it fresh', async ({ page, api }) => {
  await gotoApp(page, '/services');
  await allListed(page);
  await expect(offlineBanner(page)).toHaveCount(0);

  await navTo(page, '首页');
  await api.fail('/v1/services', 'network');
  await navTo(page, '服务');
  await allListed(page);
  await expect(cards(page)).toHaveCount(total);
  await expect(offlineBanner(page).locator('p')).toHaveText(OFFLINE_BANNER);
  await expect(alert(page)).toHaveCount(0);

  await offlineBanner(page).getByRole('button', { name: '重新加载' }).click();
  await allListed(page);
  await expect(offlineBanner(page)).toHaveCount(0);
});

test('a garbled answer is never kept to be shown offline', async ({ page, api }) => {
  await api.fail('/v1/services', 'malformed');
  await gotoApp(page, '/services');
  await expect(alert(page)).toContainText('数据格式有误');
  await api.fail('/v1/services', 'network');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(alert(page)).toContainText('网络连接失败');
  await expect(offlineBanner(page)).toHaveCount(0);
});

test("a signed-in worker's own data is not kept on the phone", async ({ page, api }) => {
  await page.addInitScript(() => localStorage.setItem('youxin.token', 'mock-token-13800000000'));
  const balance = String(demoFile('me').points_balance);
  await gotoApp(page, '/points');
  await expect(page.getByText(balance, { exact: true })).toBeVisible();

  await navTo(page, '首页');
  await api.fail('/v1/me', 'network');
  await navTo(page, '积分');
  await expect(alert(page)).toContainText('网络连接失败');
  await expect(page.getByText(balance, { exact: true })).toHaveCount(0);
  await expect(offlineBanner(page)).toHaveCount(0);
});

// Lists that come in pages, against the mock with every list paged by a few
// items (/__mock/paging): small lists are followed to their end, long ones
// load more on request, and a backend whose cursors never end cannot hang the app.
import { test, expect, gotoApp, demoItems, cards, main, alert, moreButton, signIn } from './fixtures.mjs';

const PAGE = 2;
const requestsFor = async (mock, path) => (await mock.requests()).filter((r) => r.path === path);

test.beforeEach(async ({ mock }) => {
  await mock.paging(PAGE);
});

test('services: every page is followed, so the whole list is searched', async ({ page, mock }) => {
  const services = demoItems('services');
  await gotoApp(page, '/services');
  await expect(main(page).getByText(`共 ${services.length} 项服务`, { exact: true })).toBeVisible();
  await expect(cards(page)).toHaveCount(services.length);
  await expect(main(page).getByText(services.at(-1).title, { exact: true })).toBeVisible();
  const asked = await requestsFor(mock, '/v1/services');
  expect(asked.length).toBe(Math.ceil(services.length / PAGE));
  expect(asked.slice(1).every((r) => r.query.startsWith('?cursor='))).toBe(true);
});

test('stations: every page is followed', async ({ page }) => {
  const stations = demoItems('stations');
  await gotoApp(page, '/stations');
  await expect(main(page).getByText(`共 ${stations.length} 个驿站`, { exact: true })).toBeVisible();
  await expect(main(page).getByText(stations.at(-1).name, { exact: true })).toBeVisible();
});

test('courses: 加载更多 brings the next page, until there is none', async ({ page }) => {
  const courses = demoItems('courses');
  await gotoApp(page, '/courses');
  await expect(cards(page)).toHaveCount(PAGE);
  await moreButton(page).click();
  await expect(cards(page)).toHaveCount(2 * PAGE);
  for (const course of courses.slice(PAGE, 2 * PAGE)) {
    await expect(main(page).getByText(course.title, { exact: true })).toBeVisible();
  }
  while ((await cards(page).count()) < courses.length) {
    const shown = await cards(page).count();
    await moreButton(page).click();
    await expect(cards(page)).toHaveCount(Math.min(shown + PAGE, courses.length));
  }
  await expect(moreButton(page)).toHaveCount(0);
});

test('points: the ledger and the rewards load more on request', async ({ page }) => {
  const ledger = demoItems('ledger');
  const rewards = demoItems('rewards');
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  const mine = page.getByRole('region', { name: '我的积分' });
  const entries = mine.getByRole('listitem');
  await expect(entries).toHaveCount(PAGE);
  await mine.getByRole('button', { name: '加载更多' }).click();
  await expect(entries).toHaveCount(Math.min(2 * PAGE, ledger.length));
  await expect(page.getByText(ledger[PAGE].reason, { exact: true })).toBeVisible();

  const rewardSection = page.getByRole('region', { name: '能换什么' });
  await expect(rewardSection.getByRole('listitem')).toHaveCount(PAGE);
  await rewardSection.getByRole('button', { name: '加载更多' }).click();
  await expect(rewardSection.getByRole('listitem')).toHaveCount(Math.min(2 * PAGE, rewards.length));
  await expect(rewardSection.getByText(rewards[PAGE].title, { exact: true })).toBeVisible();
});

test('a backend that hands back the same cursor again is not followed for ever', async ({ page, mockURL }) => {
  const services = demoItems('services');
  let asked = 0;
  await page.route(
    (url) => url.origin === new URL(mockURL).origin && url.pathname === '/v1/services',
    (route) => {
      asked += 1;
      const items = asked === 1 ? services.slice(0, 2) : services.slice(2, 4);
      route.fulfill({ json: { items, next: 'same-again' }, headers: { 'Access-Control-Allow-Origin': '*' } });
    },
  );
  await gotoApp(page, '/services');
  await expect(main(page).getByText('共 4 项服务', { exact: true })).toBeVisible();
  expect(asked).toBe(2);
});

test('a backend whose cursors never end is cut off, and the page says so', async ({ page, mockURL }) => {
  const services = demoItems('services');
  let asked = 0;
  await page.route(
    (url) => url.origin === new URL(mockURL).origin && url.pathname === '/v1/services',
    (route) => {
      asked += 1;
      const items = [{ ...services[0], id: `svc-endless-${asked}`, title: `第 ${asked} 页的服务` }];
      route.fulfill({ json: { items, next: `page-${asked + 1}` }, headers: { 'Access-Control-Allow-Origin': '*' } });
    },
  );
  await gotoApp(page, '/services');
  await expect(main(page).getByText('列表太长，只加载了前 50 项。', { exact: false })).toBeVisible();
  await expect(main(page).getByText('共 50 项服务', { exact: true })).toBeVisible();
  await expect(alert(page)).toHaveCount(0);
  expect(asked).toBe(50);
});

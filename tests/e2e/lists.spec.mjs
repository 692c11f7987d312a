// Lists as a careful user would try them: tags switched quickly, ids with
// odd characters, every item of a list broken, a course of a kind the app does
// not know, and a station that opens while the page is open.
import { test, expect, gotoApp, reloadApp, demoItems, cards, card, main, heading, alert, retryButton, showMore, tagButton } from './fixtures.mjs';

test('switching tags A→B→A while A is slow shows A’s stories once', async ({ page, mode, mockURL }) => {
  const stories = demoItems('stories');
  const other = '新就业群体';
  // Hold the very first request of the story list (全部, on arrival) until the tags have been switched.
  const isStories =
    mode === 'http'
      ? (url) => url.origin === new URL(mockURL).origin && url.pathname === '/v1/stories'
      : (url) => url.pathname === '/demo/stories.json';
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let held;
  await page.route(
    isStories,
    async (route) => {
      held = route.request();
      await released;
      // Leaving the filter may have cancelled it; then no stale answer can come at all.
      await route.continue().catch(() => {});
    },
    { times: 1 },
  );
  await gotoApp(page, '/stories');
  await expect.poll(() => held !== undefined).toBe(true);
  await tagButton(page, other).click();
  await expect(cards(page).first()).toContainText(other);
  await tagButton(page, '全部').click();
  await expect(cards(page).first()).toContainText(stories[0].title);
  const firstPage = await cards(page).count();

  release();
  await (await held.response())?.finished();
  // The next page is asked for after the stale answer came in, so that answer has been dealt with.
  expect(await showMore(page)).toBeGreaterThan(firstPage);
  const titles = await cards(page).locator('.card-title').allTextContents();
  expect(titles).toEqual(stories.slice(0, titles.length).map((s) => s.title));
  expect(new Set(titles).size).toBe(titles.length);
});

test('an id with a slash, ?, # and spaces opens its own page, also after a reload', async ({ page, api, mode, mockURL }) => {
  const services = demoItems('services');
  const target = services[3];
  const odd = 'a/b?c#d 空格';
  await api.patchList('services', (items) => items.map((s) => (s.id === target.id ? { ...s, id: odd } : s)));
  if (mode === 'http') {
    // The mock knows the service by its own id; answer the encoded one with it.
    const encoded = `/v1/services/${encodeURIComponent(odd)}`;
    await page.route(
      (url) => url.origin === new URL(mockURL).origin && url.pathname === encoded,
      (route) =>
        route.fulfill({ json: { ...target, id: odd }, headers: { 'Access-Control-Allow-Origin': '*' } }),
    );
  }
  await gotoApp(page, '/services');
  await card(page, target.title).click();
  await expect(heading(page)).toHaveText(target.title);
  expect(new URL(page.url()).pathname).toBe(`/services/${encodeURIComponent(odd)}`);
  await reloadApp(page);
  await expect(heading(page)).toHaveText(target.title);
});

test('a list whose every item is malformed says the data is broken, with 重试', async ({ page, api }) => {
  await api.patchList('services', (items) => items.map(({ id: _id, title: _title, ...rest }) => rest));
  await gotoApp(page, '/services');
  await expect(alert(page)).toContainText('数据格式有误');
  await expect(retryButton(page)).toBeVisible();
  await expect(main(page).getByText(/共 0 项/)).toHaveCount(0);
});

test('a course of a kind the app does not know is listed under 其他', async ({ page, api }) => {
  const course = demoItems('courses').find((c) => c.kind === 'online');
  await api.patchList('courses', (items) => items.map((c) => (c.id === course.id ? { ...c, kind: 'webinar' } : c)));
  await gotoApp(page, '/courses');
  const other = main(page).getByRole('region', { name: '其他' });
  await expect(other.getByRole('heading', { level: 2 })).toHaveText('其他');
  await expect(other.getByRole('link')).toHaveCount(1);
  await expect(other.getByRole('link')).toContainText(course.title);
  await expect(main(page).getByText(`共 ${demoItems('courses').length} 门课程`, { exact: true })).toBeVisible();
});

test('a station opens while the page is open, without a reload', async ({ page }) => {
  const night = demoItems('stations').find((s) => s.night);
  await page.clock.install({ time: new Date('2026-11-30T19:58:00+08:00') });
  await gotoApp(page, '/stations');
  const station = card(page, night.name);
  await expect(station).toContainText('已休息 · 20:00 开门');
  await page.clock.runFor('03:00');
  await expect(station).toContainText('营业中 · 明天 06:00 关门');
});

test('a long list shows a screenful at a time, and a search still finds every item', async ({ page, api }) => {
  const LONG = 150;
  await api.patchList('services', (items) =>
    Array.from({ length: LONG }, (_, i) => ({ ...items[i % items.length], id: `long-${i}`, title: `长清单第${i}项` })),
  );
  await gotoApp(page, '/services');
  await expect(main(page).getByText(`共 ${LONG} 项服务`, { exact: true })).toBeVisible();
  await expect(cards(page)).toHaveCount(60);
  const more = main(page).getByRole('button', { name: /^显示更多/ });
  await expect(more).toHaveText(`显示更多（还有 ${LONG - 60} 项）`);
  const before = await cards(page).locator('.card-title').allTextContents();
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(cards(page)).toHaveCount(120);
  // The keyboard goes on from a card just drawn, not from the top of the page.
  const focused = page.locator('a.card:focus .card-title');
  await expect(focused).toHaveText(/^长清单第\d+项$/);
  expect(before).not.toContain(await focused.textContent());
  await more.click();
  await expect(cards(page)).toHaveCount(LONG);
  await expect(more).toHaveCount(0);

  await page.getByRole('searchbox', { name: '搜索服务' }).fill('第149项');
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, '长清单第149项')).toBeVisible();
});

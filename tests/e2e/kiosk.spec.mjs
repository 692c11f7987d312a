// The kiosk at a rest station, shared by strangers: `?kiosk=1` turns it on
// for the browser session; after 90 s untouched it counts down 30 s, then
// forgets the visitor — sign-in, draft, search, text size — and goes home, and
// the back button shows nothing of them. Playwright's clock runs the minutes.
import { readQr } from '../support/qr.mjs';
import {
  FIXED_NOW,
  SECTIONS,
  demoItems,
  expect,
  gotoApp,
  heading,
  main,
  mainNav,
  searchBox,
  signIn,
  test,
} from './fixtures.mjs';

const HOME = SECTIONS[0].heading;
const countdown = (page) => page.getByRole('alertdialog');
/** The kiosk says it forgets once its idle reset runs: the clock may go from then. */
const kioskReady = (page) => expect(page.getByRole('complementary', { name: '公用设备' })).toBeVisible();
const app = (page) => page.locator('.app:not(#static-shell)');

/** The app's keys in a storage area of the page. */
const storedKeys = (page, area) =>
  page.evaluate((area) => Object.keys(window[area]).filter((key) => key.startsWith('youxin.')).sort(), area);

/** A sign-in left in the browser, a kiosk visitor's search, report draft and large text. */
async function visit(page) {
  // A kiosk cannot sign in: this one was signed in before the tab became a kiosk.
  await gotoApp(page, '/login?next=%2Fpoints');
  await signIn(page);
  await expect(main(page).getByText('退出登录')).toBeVisible();
  await gotoApp(page, '/?kiosk=1');
  await kioskReady(page);
  await mainNav(page).getByRole('link', { name: '服务' }).click();
  await searchBox(page).fill('体检');
  await expect(page).toHaveURL(/q=/);
  await page.getByRole('button', { name: '大字' }).click();
  await page.goto('report');
  await page.locator('#static-shell').waitFor({ state: 'detached' });
  await kioskReady(page);
  await page.getByLabel('描述').fill('桥下路灯坏了三天');
}

test('?kiosk=1 makes the tab a kiosk for the browser session, and ?kiosk=0 ends it', async ({ page }) => {
  await gotoApp(page, '/?kiosk=1');
  await expect(app(page)).toHaveClass(/\bkiosk\b/);
  await gotoApp(page, '/services');
  await expect(app(page)).toHaveClass(/\bkiosk\b/);
  await gotoApp(page, '/?kiosk=0');
  await expect(app(page)).not.toHaveClass(/\bkiosk\b/);
  await gotoApp(page, '/stations');
  await expect(app(page)).not.toHaveClass(/\bkiosk\b/);
});

test('a phone is never a kiosk, and never counts down', async ({ page }) => {
  await page.clock.install({ time: new Date(FIXED_NOW) });
  await gotoApp(page, '/services');
  await searchBox(page).fill('体检');
  await page.clock.runFor(10 * 60_000);
  await expect(app(page)).not.toHaveClass(/\bkiosk\b/);
  await expect(countdown(page)).toHaveCount(0);
  await expect(searchBox(page)).toHaveValue('体检');
});

test('untouched, a kiosk counts down; a touch keeps the visit going', async ({ page }) => {
  await page.clock.install({ time: new Date(FIXED_NOW) });
  await gotoApp(page, '/?kiosk=1');
  await kioskReady(page);
  await mainNav(page).getByRole('link', { name: '服务' }).click();
  await searchBox(page).fill('体检');
  await page.clock.runFor(80_000);
  await expect(countdown(page)).toHaveCount(0);
  await page.clock.runFor(15_000);
  await expect(countdown(page)).toBeVisible();
  await expect(countdown(page)).toContainText(/\d+ 秒后回到首页/);
  const stay = countdown(page).getByRole('button', { name: '继续使用' });
  await expect(stay).toBeFocused();
  await stay.click();
  await expect(countdown(page)).toHaveCount(0);
  // The visit goes on from that touch: nothing is cleared.
  await page.clock.runFor(60_000);
  await expect(countdown(page)).toHaveCount(0);
  await expect(searchBox(page)).toHaveValue('体检');
});

test('when the countdown runs out, the visitor is forgotten and back shows none of their pages', async ({ page }) => {
  await page.clock.install({ time: new Date(FIXED_NOW) });
  await visit(page);
  expect(await storedKeys(page, 'localStorage')).toEqual(
    expect.arrayContaining(['youxin.token', 'youxin.large-text', 'youxin.report-draft']),
  );

  await page.clock.runFor(95_000);
  await expect(countdown(page)).toBeVisible();
  await page.clock.runFor(30_000);

  await expect(page).toHaveURL(/\/$/);
  await expect(heading(page)).toHaveText(HOME);
  await expect(app(page)).toHaveClass(/\bkiosk\b/);
  await expect(app(page)).not.toHaveClass(/large-text/);
  expect(await storedKeys(page, 'localStorage')).toEqual([]);
  // Kept: that this tab is a kiosk, which visit it is, and that no one has touched it since.
  expect(await storedKeys(page, 'sessionStorage')).toEqual(['youxin.kiosk', 'youxin.kiosk-fresh', 'youxin.kiosk-visit']);
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name)))
    .not.toContain('youxin');

  // Back through the whole of this tab's history — the search, the kiosk's
  // first page, the signed-in page from before the tab was a kiosk — home
  // each time, until the blank page the tab started on.
  for (let step = 1; step <= 3; step++) {
    await page.goBack();
    await expect(page, `after going back ${step} times`).toHaveURL((url) => url.pathname === '/' && !url.search.includes('q='));
    await expect(heading(page)).toHaveText(HOME);
  }
  await page.goBack();
  await expect(page).toHaveURL('about:blank');
  await page.goForward();
  await expect(heading(page)).toHaveText(HOME);

  await mainNav(page).getByRole('link', { name: '积分' }).click();
  await expect(main(page).getByText('退出登录')).toHaveCount(0);
  await main(page).getByRole('link', { name: /随手拍/ }).first().click();
  await expect(page.getByLabel('描述')).toHaveValue('');
});

test('a kiosk just reset waits for the next visitor before it counts again', async ({ page }) => {
  await page.clock.install({ time: new Date(FIXED_NOW) });
  await gotoApp(page, '/services?kiosk=1');
  await kioskReady(page);
  await page.clock.runFor(125_000);
  await expect(heading(page)).toHaveText(HOME);
  await kioskReady(page);
  // No one is there: the home page stays as it is.
  await page.clock.runFor(10 * 60_000);
  await expect(countdown(page)).toHaveCount(0);
  // Someone arrives.
  await mainNav(page).getByRole('link', { name: '驿站' }).click();
  await page.clock.runFor(95_000);
  await expect(countdown(page)).toBeVisible();
});

test('a kiosk has no sign-in: the page is handed to the phone as a QR code', async ({ page, baseURL }) => {
  await gotoApp(page, '/points?kiosk=1');
  await expect(main(page).getByRole('link', { name: /登录/ })).toHaveCount(0);
  const code = main(page).getByRole('img', { name: '在手机上登录的二维码' });
  await expect(code).toBeVisible();
  expect(await readQr(code)).toBe(`${baseURL}/points`);

  // An action that needs a sign-in ends on the same hand-over, for the page it came from.
  await gotoApp(page, '/login?next=%2Frewards');
  await expect(page.getByLabel('手机号')).toHaveCount(0);
  expect(await readQr(main(page).getByRole('img', { name: '在手机上登录的二维码' }))).toBe(`${baseURL}/rewards`);
});

test("on a kiosk, a station's phone and map route open on the phone, and the page can go along", async ({ page, baseURL }) => {
  const station = demoItems('stations').find((item) => item.phone && item.location);
  await gotoApp(page, `/stations/${station.id}?kiosk=1`);
  await expect(heading(page)).toHaveText(station.name);
  await expect(main(page).locator('a[href^="tel:"], a[href^="http"]')).toHaveCount(0);

  await main(page).getByText(station.phone, { exact: true }).click();
  const call = main(page).getByRole('img', { name: `${station.phone} 的二维码` });
  expect(await readQr(call)).toBe(`tel:${station.phone.replace(/[^\d+]/g, '')}`);

  await main(page).getByText('用高德地图导航到这里').click();
  const route = await readQr(main(page).getByRole('img', { name: '用高德地图导航到这里 的二维码' }));
  expect(route).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?to=/);

  // 在手机上继续: this page, as a phone (no kiosk) opens it.
  expect(await readQr(main(page).getByRole('img', { name: '本页的二维码' }))).toBe(`${baseURL}/stations/${station.id}`);
});

test('on a phone the same links are links, and no QR code is drawn', async ({ page }) => {
  const station = demoItems('stations').find((item) => item.phone && item.location);
  await gotoApp(page, `/stations/${station.id}`);
  await expect(main(page).getByRole('link', { name: station.phone })).toHaveAttribute('href', /^tel:/);
  await expect(main(page).getByRole('link', { name: '用高德地图导航到这里' })).toHaveAttribute('href', /^https:\/\/uri\.amap\.com\//);
  await expect(main(page).locator('svg.qr-code')).toHaveCount(0);
});

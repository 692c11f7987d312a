// The app with its service worker (public/sw.js), on a server of the test's
// own: after one visit it opens with the network gone, showing what it saved
// and saying so; a new deploy is picked up on the next start, whole, and the
// app says "已更新".
import {
  alert,
  cards,
  demoItems,
  expect,
  forgetSavedAnswers,
  gotoApp,
  heading,
  main,
  mainNav,
  OFFLINE_BANNER,
  offlineBanner,
  reloadApp,
  retryButton,
  test,
} from './fixtures.mjs';
import { copyOfDist, deployNextBuild, startAppServer, startBackend, useBackend } from '../support/app-server.mjs';

test.use({ serviceWorkers: 'allow' });


let site;
test.beforeEach(async () => {
  site = copyOfDist();
});
test.afterEach(() => site.remove());

/**
 * Waits until the worker controls the page and holds every build file and
 * data file the page has loaded: what a phone would have after the visit.
 */
async function savedForOffline(page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return 'not controlled';
          const wanted = performance
            .getEntriesByType('resource')
            .map((entry) => entry.name)
            .filter((url) => new URL(url).origin === location.origin)
            .filter((url) => /\/app-[0-9a-f]{16}\//.test(url) || new URL(url).pathname.endsWith('.json'));
          const missing = [];
          for (const url of wanted) if (!(await caches.match(url))) missing.push(url);
          return missing.length === 0 ? 'saved' : `missing ${missing.join(' ')}`;
        }),
      { timeout: 20_000 },
    )
    .toBe('saved');
}

test('after one visit the app opens offline with the saved lists, and says so', async ({ page }) => {
  const server = await startAppServer(site.dir);
  try {
    await gotoApp(page, `${server.url}/services`);
    // The whole list, not the first frames of it.
    const services = demoItems('services').length;
    await expect(cards(page)).toHaveCount(services);
    const first = await cards(page).first().locator('.card-title').textContent();
    await cards(page).first().click();
    await expect(heading(page)).toHaveText(first);
    await page.goBack();
    await expect(cards(page)).toHaveCount(services);
    await savedForOffline(page);
    await expect(offlineBanner(page)).toHaveCount(0);

    // The network is gone: the page loads from the worker, with the saved list.
    await server.stop();
    await reloadApp(page);
    await expect(heading(page)).toHaveText('服务清单');
    await expect(cards(page)).toHaveCount(services);
    await expect(offlineBanner(page).locator('p')).toHaveText(OFFLINE_BANNER);

    // A page seen before opens too; one never opened says what is missing, and the app goes on.
    await cards(page).first().click();
    await expect(heading(page)).toHaveText(first);
    await mainNav(page).getByRole('link', { name: '学堂' }).click();
    await expect(alert(page)).toContainText('请检查网络后重试');
    await expect(retryButton(page)).toBeEnabled();
    await mainNav(page).getByRole('link', { name: '服务' }).click();
    await expect(cards(page)).toHaveCount(services);

    // The network is back: 重新加载 shows fresh data, and the banner goes.
    const back = await startAppServer(site.dir, { port: server.port });
    try {
      await offlineBanner(page).getByRole('button', { name: '重新加载' }).click();
      await expect(cards(page)).toHaveCount(services);
      await mainNav(page).getByRole('link', { name: '学堂' }).click();
      await expect(heading(page)).toHaveText('酉新学堂');
      await expect(offlineBanner(page)).toHaveCount(0);
    } finally {
      await back.stop();
    }
  } finally {
    await server.stop();
  }
});

test('a new deploy is picked up on the next start, whole, and says 已更新', async ({ page }) => {
  const server = await startAppServer(site.dir);
  try {
    await gotoApp(page, `${server.url}/`);
    await expect(heading(page)).toHaveText('酉新送暖 · 阳光同行');
    await savedForOffline(page);
    // A first visit is not an update.
    await expect(page.getByText('已更新')).toHaveCount(0);

    const { previous, next } = deployNextBuild(site.dir);
    const appFiles = [];
    page.on('request', (request) => {
      const folder = new URL(request.url()).pathname.match(/^\/(app-[0-9a-f]{16})\//);
      if (folder) appFiles.push(folder[1]);
    });
    await reloadApp(page);
    await expect(heading(page)).toHaveText('酉新送暖 · 阳光同行');
    const notice = page.getByRole('status').filter({ hasText: '已更新' });
    await expect(notice).toBeVisible();
    // Every file of the app came from the new build's folder: old and new never mix.
    expect(appFiles.length).toBeGreaterThan(0);
    expect(appFiles.filter((folder) => folder !== next)).toEqual([]);
    expect(appFiles).not.toContain(previous);
    // Pages of the new build open, their code from its folder.
    await mainNav(page).getByRole('link', { name: '服务' }).click();
    await expect(cards(page).first()).toBeVisible();
    expect(appFiles.filter((folder) => folder !== next)).toEqual([]);

    await notice.getByRole('button', { name: '知道了' }).click();
    await expect(notice).toHaveCount(0);
    await expect(main(page)).toBeVisible();
    // The next start is not news any more.
    await reloadApp(page);
    await expect(cards(page).first()).toBeVisible();
    await expect(page.getByText('已更新')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test("a backend on another origin: its answers saved by the worker show offline, marked as saved", async ({ page }) => {
  const backend = await startBackend();
  useBackend(site.dir, backend.url);
  const server = await startAppServer(site.dir, { apiOrigin: backend.url });
  try {
    await gotoApp(page, `${server.url}/`);
    await expect(heading(page)).toHaveText('酉新送暖 · 阳光同行');
    await savedForOffline(page);
    // Read with the worker in control: it keeps the answer.
    await mainNav(page).getByRole('link', { name: '驿站' }).click();
    await expect(heading(page)).toHaveText('酉新驿站');
    const stations = demoItems('stations').length;
    await expect(cards(page)).toHaveCount(stations);

    // The backend is gone, and the phone kept nothing itself: only the worker's copy can answer.
    await backend.stop();
    await page.evaluate(forgetSavedAnswers);
    await reloadApp(page);
    await expect(heading(page)).toHaveText('酉新驿站');
    await expect(cards(page)).toHaveCount(stations);
    await expect(offlineBanner(page).locator('p')).toHaveText(OFFLINE_BANNER);
  } finally {
    await server.stop();
    await backend.stop();
  }
});

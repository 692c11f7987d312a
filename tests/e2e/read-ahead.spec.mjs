// A page whose code is still downloading has its data asked for at the same
// time, not after: on weak 4G that is one round trip less before the page
// shows. The page then uses that answer instead of asking again, and leaving
// before it arrives cancels it. Both modes: the backend's /v1/… in http mode,
// the demo's data file in demo mode.
import { demoItems, expect, gotoApp, heading, holdUntilAsked, main, mainNav, test } from './fixtures.mjs';

/** Whether a request asks for `apiPath` (http mode) or the demo's `demoFile`. */
const asksFor = (mode, mockURL, apiPath, demoFile) => (url) =>
  mode === 'http'
    ? url.origin === new URL(mockURL).origin && url.pathname === apiPath
    : url.pathname === `/demo/${demoFile}`;

/** The page's own chunk of a release build. */
const chunkOf = (name) => (url) => url.pathname.endsWith(`/split_${name}.wasm`);

/** The main module's WebAssembly. */
const isMainWasm = (url) => /\/youxin-[0-9a-f]+_bg\.wasm$/.test(url.pathname);

const PAGES = [
  {
    path: '/services',
    chunk: 'services',
    apiPath: '/v1/services',
    demoFile: 'services.json',
    title: '服务清单',
    demoBackend: false,
  },
  {
    path: '/stations/stn-01',
    chunk: 'station',
    apiPath: '/v1/stations/stn-01',
    demoFile: 'stations.json',
    title: demoItems('stations').find((station) => station.id === 'stn-01').name,
    demoBackend: true,
  },
  { path: '/stories', chunk: 'stories', apiPath: '/v1/stories', demoFile: 'stories.json', title: '酉新向党' },
  { path: '/points', chunk: 'points', apiPath: '/v1/rewards', demoFile: 'rewards.json', title: '积分' },
];

for (const { path, chunk, apiPath, demoFile, title } of PAGES) {
  test(`a cold link to ${path} asks for its data while the page's code downloads, and only once`, async ({
    page,
    mode,
    mockURL,
  }) => {
    const isData = asksFor(mode, mockURL, apiPath, demoFile);
    const asked = [];
    page.on('request', (request) => {
      if (isData(new URL(request.url()))) asked.push(request.url());
    });
    // The page's code is held back until its data has been asked for.
    const askedWhileHeld = await holdUntilAsked(page, chunkOf(chunk), [isData]);

    await gotoApp(page, path);
    await expect(heading(page)).toHaveText(title);
    await expect(main(page).getByRole('alert')).toHaveCount(0);
    expect(askedWhileHeld(), 'the data was asked for before the page’s code arrived').toBe(true);
    // Once: a list's later pages (`cursor`) are other requests.
    const firstPages = asked.filter((url) => !new URL(url).searchParams.has('cursor'));
    expect(firstPages, 'the page used the answer asked for ahead').toHaveLength(1);
  });
}

test('leaving before the page’s code arrives cancels the data asked for ahead', async ({ page, mode, mockURL }) => {
  const isData = asksFor(mode, mockURL, '/v1/services', 'services.json');
  const asked = page.waitForRequest((request) => isData(new URL(request.url())));
  // The data never comes; the page's code comes only once the worker has gone elsewhere.
  await page.route(isData, () => {});
  let release;
  const gone = new Promise((resolve) => (release = resolve));
  await page.route(chunkOf('services'), async (route) => {
    await gone;
    await route.continue();
  });
  await gotoApp(page, '/services');
  const request = await asked;

  await mainNav(page).getByRole('link', { name: '驿站' }).click();
  await expect(heading(page)).toHaveText('酉新驿站');
  release();
  await expect
    .poll(() => request.failure()?.errorText ?? 'still waiting', { message: 'the early read is cancelled' })
    .toMatch(/ABORTED|cancel/i);
  // The late page is not shown in place of the one the worker went to.
  await expect(heading(page)).toHaveText('酉新驿站');
  await expect(page).toHaveURL(/\/stations$/);
});

/** The demo backend's own chunk. */
const isDemoBackend = (url) => url.pathname.endsWith('/split_demo_backend.wasm');

for (const { path, apiPath, demoFile, title, demoBackend } of [PAGES[0], PAGES[1]]) {
  test(`a cold link to ${path} asks for the site and its data before the app's code has arrived, and only once`, async ({
    page,
    mode,
    mockURL,
  }) => {
    const isSite = asksFor(mode, mockURL, '/v1/site', 'site.json');
    const isData = asksFor(mode, mockURL, apiPath, demoFile);
    const asked = [];
    let demoBackendFetched = false;
    page.on('request', (request) => {
      const url = new URL(request.url());
      // A list's later pages (`cursor`) are other requests.
      if ((isSite(url) || isData(url)) && !url.searchParams.has('cursor')) asked.push(url.pathname);
      if (isDemoBackend(url)) demoBackendFetched = true;
    });
    // On the demo data, the demo backend's code comes with them when the page needs it.
    const needsBackend = mode === 'demo' && demoBackend;
    const wanted = needsBackend ? [isSite, isData, isDemoBackend] : [isSite, isData];
    const askedWhileHeld = await holdUntilAsked(page, isMainWasm, wanted);

    await gotoApp(page, path);
    await expect(heading(page)).toHaveText(title);
    await expect(main(page).getByRole('alert')).toHaveCount(0);
    expect(askedWhileHeld(), 'asked for before the main module’s WebAssembly arrived').toBe(true);
    const expected = mode === 'http' ? ['/v1/site', apiPath] : ['/demo/site.json', `/demo/${demoFile}`];
    expect(asked.sort(), 'the app used the answers asked for at start-up').toEqual(expected.sort());
    // A list answered from its file as it is needs none of the demo backend's code.
    expect(demoBackendFetched, 'the demo backend’s code was fetched').toBe(needsBackend);
  });
}

test('a signed-in worker’s cold link sends its reads with the token, each once', async ({ page, mode, mockURL }) => {
  const token = mode === 'http' ? 'mock-token-13800000000' : 'demo-13800000000';
  await page.addInitScript((token) => localStorage.setItem('youxin.token', token), token);
  const isData = asksFor(mode, mockURL, '/v1/services', 'services.json');
  const asked = [];
  page.on('request', (request) => {
    if (isData(new URL(request.url()))) asked.push(request);
  });
  await gotoApp(page, '/services');
  await expect(heading(page)).toHaveText('服务清单');
  await expect(main(page).getByRole('alert')).toHaveCount(0);
  expect(asked).toHaveLength(1);
  // The backend is asked as this worker; the demo's data files are the same for all.
  const authorization = await asked[0].headerValue('authorization');
  expect(authorization).toBe(mode === 'http' ? `Bearer ${token}` : null);
});

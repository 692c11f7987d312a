// The same build served under a sub-path (the `subpath` project:
// https://host/youxin/ through deploy/nginx.conf's second server). Every
// link, page chunk, data file and image stays under /youxin/, and the router
// reads its routes below it. Paths here are relative to the project's base URL.
import {
  SECTIONS,
  card,
  demoItems,
  expect,
  gotoApp,
  heading,
  main,
  mainNav,
  signIn,
  test,
} from './fixtures.mjs';

const BASE = '/youxin/';
/** The address of an app path under the sub-path. */
const under = (path) => new RegExp(`^http://[^/]+${BASE}${path.replace(/^\//, '').replace(/[?]/g, '\\?')}$`);

/** Every request of this origin made while `run` goes, by path. */
async function ownRequests(page, baseURL, run) {
  const paths = [];
  const { origin } = new URL(baseURL);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin) paths.push(url.pathname);
  });
  await run();
  return paths;
}

test('home, every section and its links stay under the sub-path', async ({ page, baseURL }) => {
  const paths = await ownRequests(page, baseURL, async () => {
    await gotoApp(page, './');
    await expect(heading(page)).toHaveText(SECTIONS[0].heading);
    for (const section of [...SECTIONS.slice(1), SECTIONS[0]]) {
      const link = mainNav(page).getByRole('link', { name: section.nav });
      await expect(link).toHaveAttribute('href', `${BASE}${section.path.slice(1)}`);
      await link.click();
      await expect(page).toHaveURL(under(section.path));
      await expect(heading(page)).toHaveText(section.heading);
      await expect(link).toHaveAttribute('aria-current', 'page');
    }
  });
  expect(paths.length).toBeGreaterThan(0);
  expect(paths.filter((path) => !path.startsWith(BASE)), 'requests outside the sub-path').toEqual([]);
});

test('a deep link to a detail page loads its chunk and data under the sub-path, and back leads to its list', async ({ page }) => {
  const [service] = demoItems('services');
  await gotoApp(page, `services/${service.id}`);
  await expect(heading(page)).toHaveText(service.title);
  await main(page).getByRole('link', { name: /服务清单/ }).click();
  await expect(page).toHaveURL(under('/services'));
  await card(page, service.title).click();
  await expect(page).toHaveURL(under(`/services/${service.id}`));
  await page.goBack();
  await expect(page).toHaveURL(under('/services'));
  await expect(heading(page)).toHaveText('服务清单');
});

test("a cold link to a section under the sub-path gets the section's own page, rewritten, and opens it", async ({ page, request, baseURL }) => {
  const html = await (await request.get('courses')).text();
  expect(html).toContain(`<base href="${BASE}" />`);
  expect(html).toContain('<h1>酉新学堂</h1>');
  const paths = await ownRequests(page, baseURL, async () => {
    await gotoApp(page, 'courses');
    await expect(heading(page)).toHaveText('酉新学堂');
    await expect(main(page).getByRole('listitem').first()).toBeVisible();
  });
  expect(paths.filter((path) => !path.startsWith(BASE)), 'requests outside the sub-path').toEqual([]);
});

test("a story's demo image is found under the sub-path", async ({ page }) => {
  const story = demoItems('stories').find((item) => JSON.stringify(item.body).includes('/demo/img/'));
  await gotoApp(page, `stories/${story.id}`);
  const image = main(page).locator('article img').first();
  await expect(image).toHaveAttribute('src', `${BASE}demo/img/station.svg`);
  await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('signing in comes back to the page under the sub-path', async ({ page }) => {
  await gotoApp(page, 'rewards');
  const prompt = main(page).getByRole('link', { name: '登录查看我的积分' });
  await expect(prompt).toHaveAttribute('href', `${BASE}login?next=%2Frewards`);
  await prompt.click();
  await expect(page).toHaveURL(under('/login?next=%2Frewards'));
  await signIn(page);
  await expect(page).toHaveURL(under('/rewards'));
  await expect(heading(page)).toHaveText('积分兑换');
});

test('the sub-path answers with the rewritten page, the files as built and the security policy', async ({ request }) => {
  const page = await request.get('services/svc-01');
  expect(page.status()).toBe(200);
  expect(page.headers()['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
  expect(page.headers()['cache-control']).toBe('no-cache');
  const html = await page.text();
  expect(html).toContain(`<base href="${BASE}" />`);
  const script = /<script type="module" src="\.\/(app-[0-9a-f]{16}\/youxin-[0-9a-f]+\.js)">/.exec(html);
  expect(script, 'index.html loads the main module relative to the base').not.toBeNull();
  const module = await request.get(script[1], { headers: { 'Accept-Encoding': 'br' } });
  expect(module.headers()['content-encoding']).toBe('br');
  expect(module.headers()['cache-control']).toMatch(/immutable/);
  expect((await request.get('missing.wasm')).status()).toBe(404);
  const bare = await request.get(BASE.slice(0, -1), { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
  expect(new URL(bare.headers().location, 'http://host').pathname).toBe(BASE);
});

test('an unknown address under the sub-path is the app\'s own 404 page', async ({ page }) => {
  await gotoApp(page, 'nowhere/at/all');
  await expect(heading(page)).toHaveText('没有找到这个页面');
  await main(page).getByRole('link', { name: '回到首页' }).click();
  await expect(page).toHaveURL(under('/'));
  await expect(heading(page)).toHaveText(SECTIONS[0].heading);
});

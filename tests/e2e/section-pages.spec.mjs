// The home page's and each section's own page (scripts/section-pages.mjs): a
// cold link to / or /courses shows where the worker is before the app's code
// has arrived, says what the app's page then says, and the heading never
// leaves the screen as the app takes over. A cold link to an item shows the
// item's heading, drawn from its data by the start-up code, as early.
import { readFileSync } from 'node:fs';
import { cards, demoItems, expect, gotoApp, heading, main, pageTitle, test } from './fixtures.mjs';

/** src/page_texts.json: each section's address, title, description and lead. */
const TEXTS = Object.entries(JSON.parse(readFileSync(new URL('../../src/page_texts.json', import.meta.url), 'utf8')));

/** Holds every WebAssembly download until the returned function is called. */
async function holdWasm(page) {
  const held = [];
  let released = false;
  await page.route('**/*.wasm', (route) => (released ? route.continue() : held.push(route)));
  return async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
}

test("a cold link to a section shows its heading and lead before the app's code arrives", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/courses', { waitUntil: 'commit' });
  const shell = page.locator('#static-shell');
  await expect(shell.getByRole('heading', { level: 1 })).toHaveText('酉新学堂');
  await expect(shell.locator('.lead')).toHaveText(/微课/);
  await expect(shell.getByRole('status')).toContainText('正在加载');
  await expect(page).toHaveTitle(pageTitle('酉新学堂'));

  await release();
  await expect(shell).toHaveCount(0);
  await expect(heading(page)).toHaveText('酉新学堂');
  await expect(cards(page).first()).toBeVisible();
});

test("every section's own page, and home's, says what the app's page says", async ({ page, request }) => {
  for (const [address, text] of TEXTS) {
    // Home is named by the site's own name.
    const title = pageTitle(address === '/' ? '' : text.title);
    const html = await (await request.get(address)).text();
    expect(html, address).toContain(`<h1>${text.title}</h1>`);
    expect(html, address).toContain(`<title>${title}</title>`);

    await gotoApp(page, address);
    await expect(heading(page), address).toHaveText(text.title);
    await expect(main(page).locator('.lead').first(), address).toHaveText(text.lead);
    await expect(page, address).toHaveTitle(title);
    expect(html, address).toContain(`<p class="lead">${text.lead}</p>`);
    const description = page.locator('meta[name=description]');
    await expect(description, address).toHaveAttribute('content', text.description);
    expect(html, address).toContain(`content="${text.description}"`);
  }
});

/** Each detail page: its section, and the item's heading and lead. */
const DETAILS = [
  ['services', (item) => [item.title, item.summary]],
  ['courses', (item) => [item.title, item.summary]],
  ['stories', (item) => [item.title, item.summary]],
  ['stations', (item) => [item.name, item.address]],
];

test("a cold link to an item shows its heading, from its data, before the app's code arrives", async ({ page }) => {
  for (const [section, words] of DETAILS) {
    // The breadcrumb leads back to the section, by its name.
    const name = Object.fromEntries(TEXTS)[`/${section}`].title;
    const item = demoItems(section)[1];
    const [title, lead] = words(item);
    const release = await holdWasm(page);
    await page.goto(`/${section}/${encodeURIComponent(item.id)}`, { waitUntil: 'commit' });
    const shell = page.locator('#static-shell');
    await expect(shell.getByRole('heading', { level: 1 }), section).toHaveText(title);
    await expect(shell.locator('.lead'), section).toHaveText(lead);
    await expect(shell.getByRole('navigation', { name: '位置' }).getByRole('link'), section).toHaveText(`‹ ${name}`);
    await expect(shell.getByRole('status'), section).toContainText('正在加载');

    await release();
    await expect(shell, section).toHaveCount(0);
    await expect(heading(page), section).toHaveText(title);
    await expect(main(page).locator('.lead').first(), section).toHaveText(lead);
    await page.unrouteAll();
  }
});

test("a cold link to a story fetches its first picture with its heading, before the app's code", async ({ page }) => {
  const story = demoItems('stories').find((item) => item.body.slice(0, 3).some((block) => block.type === 'image'));
  const { src } = story.body.find((block) => block.type === 'image');
  const asked = [];
  page.on('request', (request) => request.url().endsWith(src) && asked.push(request));
  const release = await holdWasm(page);
  await page.goto(`/stories/${story.id}`, { waitUntil: 'commit' });
  await expect(page.locator('#static-shell').getByRole('heading', { level: 1 })).toHaveText(story.title);
  await expect.poll(() => asked.length, 'the picture is asked for while the code is held').toBe(1);

  // The page draws the picture it was fetched for, without asking again.
  await release();
  const picture = main(page).locator(`img[src="${src}"]`);
  await expect(picture).toHaveJSProperty('complete', true);
  expect(await picture.evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
  expect(asked).toHaveLength(1);
});

test('an item’s heading drawn before the app is text, whatever the data holds', async ({ page }, { project }) => {
  const service = demoItems('services')[0];
  const title = `<img src=x onerror="window.__drawn=1">${service.title}`;
  const hostile = { ...service, title };
  // The item's answer: the backend's, or on the demo data the section's file.
  const body = project.name === 'demo' ? { items: [hostile], next: null } : hostile;
  const path = project.name === 'demo' ? '**/demo/services.json' : `**/v1/services/${service.id}`;
  await page.route(path, (route) =>
    route.fulfill({ json: body, headers: { 'Access-Control-Allow-Origin': '*' } }),
  );
  const release = await holdWasm(page);
  await page.goto(`/services/${service.id}`, { waitUntil: 'commit' });
  const shell = page.locator('#static-shell');
  await expect(shell.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(shell.locator('img')).toHaveCount(0);

  await release();
  await expect(shell).toHaveCount(0);
  await expect(heading(page)).toHaveText(title);
  expect(await page.evaluate(() => window.__drawn)).toBeUndefined();
});

for (const [address, title] of [
  ['/courses', '酉新学堂'],
  ['/', '酉新送暖 · 阳光同行'],
  [`/services/${demoItems('services')[2].id}`, demoItems('services')[2].title],
]) {
  test(`the heading of ${address} stays on screen while the app takes over from the static page`, async ({ page }) => {
    // At every change to the page, from the first time the heading is seen:
    // is a visible heading of the page there?
    await page.addInitScript((title) => {
      window.__headingSeen = false;
      window.__headingGone = 0;
      const visibleHeading = () =>
        [...document.querySelectorAll('h1')].some((h1) => h1.textContent === title && h1.checkVisibility());
      new MutationObserver(() => {
        if (visibleHeading()) window.__headingSeen = true;
        else if (window.__headingSeen) window.__headingGone += 1;
      }).observe(document, { childList: true, subtree: true });
    }, title);
    await gotoApp(page, address);
    // The app's page, with its data: the heading is there, and so are its links.
    await expect(heading(page)).toHaveText(title);
    await expect(main(page).getByRole('link').first()).toBeVisible();
    expect(await page.evaluate(() => window.__headingSeen)).toBe(true);
    expect(await page.evaluate(() => window.__headingGone)).toBe(0);
  });
}

test("a cold visit to home shows its greeting before the app's code arrives", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/', { waitUntil: 'commit' });
  const shell = page.locator('#static-shell');
  await expect(shell.getByRole('heading', { level: 1 })).toHaveText('酉新送暖 · 阳光同行');
  await expect(page).toHaveTitle(pageTitle(''));
  await release();
  await expect(shell).toHaveCount(0);
  await expect(heading(page)).toHaveText('酉新送暖 · 阳光同行');
  await expect(main(page).getByRole('navigation', { name: '栏目' })).toBeVisible();
});

test('a detail page and an unknown address get the plain static page', async ({ request }) => {
  for (const address of ['/courses/crs-on-01', '/no-such-page', '/demo']) {
    const html = await (await request.get(address)).text();
    expect(html, address).toContain('id="static-shell"');
    expect(html, address).not.toContain('<h1>');
  }
});

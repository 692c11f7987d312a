// 服务清单: the list grouped by category, search as you type, category chips,
// filters kept in the address, the empty state, a service's page, and text
// from the backend shown as text.
import {
  card,
  cards,
  categoryChips,
  chip,
  countText,
  demoItems,
  distinct,
  expect,
  expectServicesURL,
  expectedServices,
  gotoApp,
  heading,
  main,
  pageTitle,
  reloadApp,
  searchBox,
  test,
  titleWord,
} from './fixtures.mjs';

const services = demoItems('services');
const total = services.length;
const categories = distinct(services, (s) => s.category);
const countLine = (page) => main(page).getByText(/^(共|找到) \d+ 项服务/);

test('lists every service, grouped under a heading per category', async ({ page, mode, mock }) => {
  await gotoApp(page, '/services');
  await expect(countLine(page)).toHaveText(countText(total, total));
  await expect(cards(page)).toHaveCount(total);
  await expect(main(page).getByRole('heading', { level: 2 })).toHaveText(categories);
  for (const category of categories) {
    const members = services.filter((s) => s.category === category);
    const group = main(page).getByRole('region', { name: category });
    await expect(group.getByRole('link')).toHaveCount(members.length);
    for (const service of members) await expect(group.getByText(service.title, { exact: true })).toHaveCount(1);
  }
  await expect(categoryChips(page)).toHaveText(['全部', ...categories]);
  if (mode === 'http') {
    const paths = (await mock.requests()).map((r) => r.path);
    expect(paths, 'in http mode the list comes from the backend').toContain('/v1/services');
  }
});

test('typing narrows the list as you type, and the search is kept in the address', async ({ page }) => {
  const { word, service, matches } = titleWord(services);
  await gotoApp(page, '/services');
  await expect(cards(page)).toHaveCount(total);

  await searchBox(page).pressSequentially(word, { delay: 50 });
  await expect(countLine(page)).toHaveText(countText(matches.length, total));
  await expect(cards(page)).toHaveCount(matches.length);
  await expect(card(page, service.title)).toBeVisible();
  await expectServicesURL(page, { q: word });
  await expect(searchBox(page), 'typing only changes the query: focus stays').toBeFocused();

  await reloadApp(page);
  await expect(searchBox(page)).toHaveValue(word);
  await expect(countLine(page)).toHaveText(countText(matches.length, total));
  await expect(cards(page)).toHaveCount(matches.length);

  await searchBox(page).clear();
  await expect(countLine(page)).toHaveText(countText(total, total));
  await expectServicesURL(page, {});
});

test('a result opened straight after typing comes back to the same search', async ({ page }) => {
  const { word, service, matches } = titleWord(services);
  await gotoApp(page, '/services');
  // No pause in typing before the tap: leaving the field writes the search to the address.
  await searchBox(page).fill(word);
  await card(page, service.title).click();
  await expect(heading(page)).toHaveText(service.title);

  await page.goBack();
  await expect(searchBox(page)).toHaveValue(word);
  await expect(cards(page)).toHaveCount(matches.length);
  await expectServicesURL(page, { q: word });
});

test('a word typed with a Chinese input method is searched once it is chosen', async ({ page }) => {
  const { word, matches } = titleWord(services);
  await gotoApp(page, '/services');
  await searchBox(page).focus();

  // Pinyin being composed is not a search yet…
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'gonghui', selectionStart: 7, selectionEnd: 7 });
  await expect(searchBox(page)).toHaveValue('gonghui');
  await expect(countLine(page)).toHaveText(countText(total, total));
  await expectServicesURL(page, {});

  // …the characters chosen from the candidates are.
  await cdp.send('Input.insertText', { text: word });
  await expect(searchBox(page)).toHaveValue(word);
  await expect(countLine(page)).toHaveText(countText(matches.length, total));
  await expectServicesURL(page, { q: word });
});

test('the search also matches the provider', async ({ page }) => {
  // A provider whose name appears neither in the title nor in the summary of one of its services.
  const service = services.find((s) => s.provider && !s.title.includes(s.provider) && !s.summary?.includes(s.provider));
  expect(service, 'a service whose provider is not named in its title').toBeTruthy();
  const matches = expectedServices(services, { q: service.provider });
  expect(matches.length).toBeLessThan(total);

  await gotoApp(page, `/services?q=${encodeURIComponent(service.provider)}`);
  await expect(searchBox(page)).toHaveValue(service.provider);
  await expect(countLine(page)).toHaveText(countText(matches.length, total));
  await expect(card(page, service.title)).toBeVisible();
});

test('a category chip filters, shows it is pressed, and is kept in the address', async ({ page }) => {
  // The smallest category, so that the filter visibly removes others.
  const category = categories
    .map((name) => ({ name, size: services.filter((s) => s.category === name).length }))
    .sort((a, b) => a.size - b.size)[0].name;
  const members = expectedServices(services, { category });

  await gotoApp(page, '/services');
  await expect(chip(page, '全部')).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, category)).toHaveAttribute('aria-pressed', 'false');

  await chip(page, category).click();
  await expect(chip(page, category)).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, '全部')).toHaveAttribute('aria-pressed', 'false');
  await expect(countLine(page)).toHaveText(countText(members.length, total));
  await expect(main(page).getByRole('heading', { level: 2 })).toHaveText([category]);
  await expect(cards(page)).toHaveCount(members.length);
  await expectServicesURL(page, { category });

  await reloadApp(page);
  await expect(chip(page, category)).toHaveAttribute('aria-pressed', 'true');
  await expect(cards(page)).toHaveCount(members.length);

  await chip(page, '全部').click();
  await expect(chip(page, '全部')).toHaveAttribute('aria-pressed', 'true');
  await expect(cards(page)).toHaveCount(total);
  await expectServicesURL(page, {});
});

test('a search with no match says so, and 查看全部服务 brings everything back', async ({ page }) => {
  const nonsense = '无此服务zzqx';
  expect(expectedServices(services, { q: nonsense })).toHaveLength(0);

  await gotoApp(page, '/services');
  await searchBox(page).fill(nonsense);
  await expect(main(page).getByText('没有找到相关服务')).toBeVisible();
  await expect(countLine(page)).toHaveText(countText(0, total));
  await expect(cards(page)).toHaveCount(0);

  await main(page).getByRole('link', { name: '查看全部服务' }).click();
  await expectServicesURL(page, {});
  await expect(searchBox(page)).toHaveValue('');
  await expect(countLine(page)).toHaveText(countText(total, total));
  await expect(cards(page)).toHaveCount(total);
});

test('a service page shows its provider, audience, steps and a phone to call', async ({ page }) => {
  const service = services.find((s) => s.provider && s.audience && s.access?.phone && s.access?.steps?.length);
  expect(service, 'a service with provider, audience, phone and steps').toBeTruthy();

  await gotoApp(page, '/services');
  await card(page, service.title).click();
  await expect(page).toHaveURL(`/services/${service.id}`);
  await expect(heading(page)).toHaveText(service.title);

  const fact = (term) => main(page).getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('提供单位')).toHaveText(service.provider);
  await expect(fact('服务对象')).toHaveText(service.audience);
  if (service.access.place) await expect(fact('办理地点')).toHaveText(service.access.place);
  if (service.access.hours) await expect(fact('服务时间')).toHaveText(service.access.hours);

  const phone = fact('咨询电话').getByRole('link', { name: service.access.phone });
  await expect(phone).toHaveAttribute('href', `tel:${service.access.phone.replace(/[^\d+]/g, '')}`);

  const steps = main(page).locator('section', { has: page.getByRole('heading', { name: '怎么办理' }) });
  await expect(steps.getByRole('listitem')).toHaveText(service.access.steps);

  await main(page).getByRole('link', { name: '‹ 服务清单' }).click();
  await expectServicesURL(page, {});
});

test('on a phone a card shows two lines of its summary, and the service page all of it', async ({ page }) => {
  const service = services.reduce((longest, s) => (s.summary.length > longest.summary.length ? s : longest));
  await page.setViewportSize({ width: 360, height: 740 });
  await gotoApp(page, '/services');
  const summary = card(page, service.title).getByText(service.summary, { exact: true });
  // Clipped, not cut: a screen reader still hears the whole summary.
  await expect(summary).toHaveText(service.summary);
  const shown = await summary.evaluate((text) => ({
    lines: Math.round(text.clientHeight / Number.parseFloat(getComputedStyle(text).lineHeight)),
    clipped: text.scrollHeight > text.clientHeight,
  }));
  expect(shown, 'the longest summary is longer than two lines, and shows two').toEqual({ lines: 2, clipped: true });

  await card(page, service.title).click();
  // The list stays until the service page is ready: wait for its heading, or
  // the card's own clipped summary would be measured.
  await expect(heading(page)).toHaveText(service.title);
  const lead = main(page).getByText(service.summary, { exact: true });
  await expect(lead).toBeVisible();
  expect(await lead.evaluate((text) => text.scrollHeight <= text.clientHeight)).toBe(true);
});

test('text from the backend is shown as text, never as markup', async ({ page, api }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  const victim = services[0];
  await api.patchItem('services', victim.id, (service) => ({
    ...service,
    title: hostile,
    summary: `<script>alert(2)</script>${service.summary}`,
    provider: '<b onmouseover=alert(3)>单位</b>',
  }));

  await gotoApp(page, '/services');
  await expect(card(page, hostile)).toBeVisible();
  await expect(main(page).getByText('<b onmouseover=alert(3)>单位</b>', { exact: true })).toBeVisible();
  await expect(page.locator('main img, main script, main b')).toHaveCount(0);

  await card(page, hostile).click();
  await expect(heading(page)).toHaveText(hostile);
  await expect(page.locator('main img, main script, main b')).toHaveCount(0);
  await expect(page).toHaveTitle(pageTitle(hostile));
});

// The shell: getting to every section, deep links, the 404 page, history,
// document titles and the navigation on a phone and on a wide screen.
import {
  DOORS,
  SECTIONS,
  card,
  demoFile,
  demoItems,
  expect,
  expectServicesURL,
  gotoApp,
  heading,
  main,
  mainNav,
  pageTitle,
  searchBox,
  test,
  titleWord,
} from './fixtures.mjs';

const services = demoItems('services');


test('every door on the home page leads to its section', async ({ page }) => {
  for (const section of DOORS) {
    await gotoApp(page, '/');
    await main(page).getByRole('navigation', { name: '栏目' }).getByRole('link', { name: section.door }).click();
    await expect(page).toHaveURL(section.path);
    await expect(heading(page)).toHaveText(section.heading);
  }
});

test('the main navigation leads to every section and marks the current one', async ({ page }) => {
  await gotoApp(page, '/');
  for (const section of [...SECTIONS.slice(1), SECTIONS[0]]) {
    await mainNav(page).getByRole('link', { name: section.nav }).click();
    await expect(page).toHaveURL(section.path);
    await expect(heading(page)).toHaveText(section.heading);
    // As after a full page load, focus moves to the content.
    await expect(main(page)).toBeFocused();
    for (const other of SECTIONS) {
      const link = mainNav(page).getByRole('link', { name: other.nav });
      if (other === section) await expect(link).toHaveAttribute('aria-current', 'page');
      else await expect(link).not.toHaveAttribute('aria-current', 'page');
    }
  }
});

test('each section has its own document title', async ({ page }) => {
  for (const section of DOORS) {
    await gotoApp(page, section.path);
    await expect(heading(page)).toHaveText(section.heading);
    await expect(page).toHaveTitle(pageTitle(section.title));
  }
});

test('the header says when the data is for demonstration', async ({ page }) => {
  await gotoApp(page, '/');
  const badge = page.getByRole('banner').getByText('演示数据', { exact: true });
  if (demoFile('site').demo) await expect(badge).toBeVisible();
  else await expect(badge).toHaveCount(0);
});

test('a deep link opens a service, titled after it, with 服务 marked current', async ({ page }) => {
  const service = services[Math.floor(services.length / 2)];
  await gotoApp(page, `/services/${service.id}`);
  await expect(heading(page)).toHaveText(service.title);
  await expect(page).toHaveTitle(pageTitle(service.title));
  await expect(mainNav(page).getByRole('link', { name: '服务' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown address shows the 404 page, whose link goes home', async ({ page }) => {
  await gotoApp(page, '/no/such/page');
  await expect(heading(page)).toHaveText('没有找到这个页面');
  await expect(page).toHaveTitle(pageTitle('页面不存在'));
  await main(page).getByRole('link', { name: '回到首页' }).click();
  await expect(page).toHaveURL('/');
  await expect(heading(page)).toHaveText(SECTIONS[0].heading);
});

test('back from a service returns to the list with the same search', async ({ page }) => {
  const { word, service } = titleWord(services);

  await gotoApp(page, '/');
  await mainNav(page).getByRole('link', { name: '服务' }).click();
  await expect(page).toHaveURL('/services');
  await searchBox(page).fill(word);
  await expectServicesURL(page, { q: word });

  await card(page, service.title).click();
  await expect(page).toHaveURL(`/services/${service.id}`);
  await expect(heading(page)).toHaveText(service.title);

  await page.goBack();
  await expectServicesURL(page, { q: word });
  await expect(heading(page)).toHaveText('服务清单');
  await expect(page).toHaveTitle(pageTitle('服务清单'));
  await expect(searchBox(page)).toHaveValue(word);
  await expect(card(page, service.title)).toHaveCount(1);

  await page.goBack();
  await expect(page).toHaveURL('/');
  await expect(heading(page)).toHaveText(SECTIONS[0].heading);
});

test('on a phone the navigation is a tab bar at the bottom', async ({ page }) => {
  await gotoApp(page, '/services');
  const nav = mainNav(page);
  await expect(nav).toBeVisible();
  const viewport = page.viewportSize();
  const box = await nav.boundingBox();
  expect(box.y + box.height).toBeCloseTo(viewport.height, 0);
  expect(box.width).toBeCloseTo(viewport.width, 0);
  for (const section of SECTIONS) await expect(nav.getByRole('link', { name: section.nav })).toBeInViewport();
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the navigation is at the side, left of the content', async ({ page }) => {
    await gotoApp(page, '/services');
    const nav = await mainNav(page).boundingBox();
    const content = await main(page).boundingBox();
    expect(nav.x + nav.width).toBeLessThanOrEqual(content.x + 1);
    expect(nav.y).toBeLessThan(content.y + content.height);
    for (const section of SECTIONS) await expect(mainNav(page).getByRole('link', { name: section.nav })).toBeVisible();
  });
});

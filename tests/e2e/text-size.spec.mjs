// 大字: the header's switch makes the text elder-sized on every page and is
// remembered on the phone; config.json's large_text is where a phone starts.
import { test, expect, gotoApp, reloadApp, main } from './fixtures.mjs';

const toggle = (page) => page.getByRole('banner').getByRole('button', { name: '大字' });
/** The size, in px, of the page's body text (what paragraphs and lists inherit). */
const textSize = (page) => main(page).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

test('大字 enlarges the body text to at least 18 px, on every page, and is remembered', async ({ page }) => {
  await gotoApp(page, '/services');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  expect(await textSize(page)).toBeLessThan(18);

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => textSize(page)).toBeGreaterThanOrEqual(18);

  await reloadApp(page);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => textSize(page)).toBeGreaterThanOrEqual(18);
  await gotoApp(page, '/stations');
  await expect.poll(() => textSize(page)).toBeGreaterThanOrEqual(18);

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await reloadApp(page);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  expect(await textSize(page)).toBeLessThan(18);
});

test.describe('with large_text in config.json', () => {
  test.use({ appConfig: { large_text: true } });

  test('a phone starts in large text until its worker switches it off', async ({ page }) => {
    await gotoApp(page, '/courses');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => textSize(page)).toBeGreaterThanOrEqual(18);
    await toggle(page).click();
    await reloadApp(page);
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    expect(await textSize(page)).toBeLessThan(18);
  });
});

// The story column: a tag filter in the address, paging by cursor, and coming
// back from a story to the same loaded pages at the same place.
import { test, expect, gotoApp, demoItems, card, cards, heading, moreButton, showMore, tagButton } from './fixtures.mjs';

const stories = demoItems('stories');

test('a tag shows only its stories and is kept in the address', async ({ page }) => {
  const tag = '新就业群体';
  const tagged = stories.filter((s) => s.tag === tag);
  await gotoApp(page, '/stories');
  await tagButton(page, tag).click();
  await expect(page).toHaveURL(/tag=/);
  await expect(tagButton(page, tag)).toHaveAttribute('aria-pressed', 'true');
  // Once only the tag's stories are shown, load their pages to the end.
  const onlyTagged = (texts) => texts.length > 0 && texts.every((text) => text.includes(tag));
  await expect.poll(async () => onlyTagged(await cards(page).allTextContents())).toBe(true);
  while (await moreButton(page).isVisible()) await showMore(page);
  await expect(cards(page)).toHaveCount(tagged.length);
  for (const item of await cards(page).all()) await expect(item).toContainText(tag);
  await tagButton(page, '全部').click();
  await expect(cards(page).first()).toContainText(stories[0].title);
});

test('back from a story returns to the loaded pages at the same place', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 600 });
  await gotoApp(page, '/stories');
  await expect(card(page, stories[0].title)).toBeVisible();
  const loaded = await showMore(page);
  const target = cards(page).nth(loaded - 1);
  await target.scrollIntoViewIfNeeded();
  const title = stories[loaded - 1].title;
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(200);
  await target.click();
  await expect(heading(page)).toHaveText(title);
  await page.goBack();
  await expect(cards(page)).toHaveCount(loaded);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
  await expect(cards(page).nth(loaded - 1)).toBeInViewport();
});

test('a story page is titled and described after the story', async ({ page }) => {
  const story = stories[1];
  await gotoApp(page, `/stories/${story.id}`);
  await expect(heading(page)).toHaveText(story.title);
  await expect(page).toHaveTitle(`${story.title} · 酉新送暖`);
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', story.summary);
});

// Smoke tests of the other sections: 学堂, 故事, 驿站 and 积分, in both modes.
import { card, cards, demoItems, expect, gotoApp, heading, main, moreButton, pageTitle, showMore, test } from './fixtures.mjs';

/** The cards under the h2 `title` of a grouped list. */
const groupCards = (page, title) =>
  main(page)
    .locator('section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) })
    .getByRole('listitem')
    .getByRole('link');

test.describe('学堂', () => {
  const courses = demoItems('courses');
  // A course without a kind is an online one (the contract's default).
  const online = courses.filter((c) => (c.kind ?? 'online') === 'online');

  test('lists the courses, the online ones together', async ({ page }) => {
    await gotoApp(page, '/courses');
    await expect(heading(page)).toHaveText('酉新学堂');
    await expect(cards(page)).toHaveCount(courses.length);
    await expect(groupCards(page, '酉新共学 · 线上微课')).toHaveCount(online.length);
    for (const course of online) await expect(card(page, course.title)).toHaveCount(1);
  });

  test('a course opens on its own page', async ({ page }) => {
    const course = courses.find((c) => c.kind && c.kind !== 'online' && c.place) ?? courses[0];
    await gotoApp(page, '/courses');
    await card(page, course.title).click();
    await expect(page).toHaveURL(`/courses/${course.id}`);
    await expect(heading(page)).toHaveText(course.title);
    await expect(page).toHaveTitle(pageTitle(course.title));
    await expect(main(page).getByRole('term').filter({ hasText: '主办单位' })).toBeVisible();
    if (course.place) await expect(main(page).getByRole('definition').filter({ hasText: course.place })).toBeVisible();
  });
});

test.describe('故事', () => {
  const stories = demoItems('stories');

  test('lists the first page, and 加载更多 loads the rest until there is no more', async ({ page }) => {
    await gotoApp(page, '/stories');
    await expect(heading(page)).toHaveText('酉新向党');
    await expect(card(page, stories[0].title)).toBeVisible();
    const firstPage = await cards(page).count();
    expect(firstPage, 'the stories come in more than one page').toBeLessThan(stories.length);

    for (let shown = firstPage; shown < stories.length; ) shown = await showMore(page);
    await expect(moreButton(page)).toHaveCount(0);
    await expect(cards(page)).toHaveCount(stories.length);
    await expect(card(page, stories.at(-1).title)).toBeVisible();
  });

  test('a story shows its paragraphs, as text', async ({ page, api }) => {
    const story = stories.find((s) => (s.body ?? []).some((b) => b.type === 'paragraph')) ?? stories[0];
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await api.patchItem('stories', story.id, (s) => ({
      ...s,
      body: [...(s.body ?? []), { type: 'paragraph', text: hostile }],
    }));
    const paragraphs = (story.body ?? []).filter((b) => b.type === 'paragraph').map((b) => b.text);

    await gotoApp(page, '/stories');
    await card(page, story.title).click();
    await expect(page).toHaveURL(`/stories/${story.id}`);
    await expect(heading(page)).toHaveText(story.title);
    await expect(page).toHaveTitle(pageTitle(story.title));
    for (const text of paragraphs) await expect(main(page).getByText(text, { exact: true })).toBeVisible();
    await expect(main(page).getByText(hostile, { exact: true })).toBeVisible();
    await expect(page.locator('main script, main img[src=x]')).toHaveCount(0);
  });
});

test.describe('驿站', () => {
  const stations = demoItems('stations');

  test('lists every station', async ({ page }) => {
    await gotoApp(page, '/stations');
    await expect(heading(page)).toHaveText('酉新驿站');
    await expect(main(page).getByText(`共 ${stations.length} 个驿站`, { exact: true })).toBeVisible();
    await expect(cards(page)).toHaveCount(stations.length);
  });

  test('a station shows its opening hours and facilities', async ({ page }) => {
    const station = stations.find((s) => s.night) ?? stations[0];
    await gotoApp(page, '/stations');
    await card(page, station.name).click();
    await expect(page).toHaveURL(`/stations/${station.id}`);
    await expect(heading(page)).toHaveText(station.name);
    await expect(page).toHaveTitle(pageTitle(station.name));
    await expect(main(page).getByRole('heading', { level: 2, name: '开放时间' })).toBeVisible();
    await expect(main(page).getByRole('heading', { level: 2, name: '站内设施' })).toBeVisible();
    const facilities = main(page).locator('section', { has: page.getByRole('heading', { name: '站内设施' }) });
    await expect(facilities.getByRole('listitem')).toHaveCount(station.facilities?.length ?? 0);
  });
});

test.describe('积分', () => {
  const rules = demoItems('points-rules');
  const rewards = demoItems('rewards');

  test('shows how to earn points and what they buy', async ({ page }) => {
    await gotoApp(page, '/points');
    await expect(heading(page)).toHaveText('积分');
    const earn = main(page).getByRole('region', { name: '怎么攒积分' });
    const spend = main(page).getByRole('region', { name: '能换什么' });
    await expect(earn.getByRole('listitem')).toHaveCount(rules.length);
    for (const rule of rules) await expect(earn.getByText(rule.action, { exact: true })).toBeVisible();
    await expect(spend.getByRole('listitem')).toHaveCount(rewards.length);
    for (const reward of rewards) {
      const item = spend.getByRole('listitem').filter({ has: page.getByText(reward.title, { exact: true }) });
      await expect(item).toContainText(`${reward.cost} 积分`);
    }
  });
});

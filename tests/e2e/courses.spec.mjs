// The course catalogue: filters in the address, upcoming sessions first and
// past ones marked, sign-up through login and back, once only, and progress
// with online courses kept on the phone.
import { test, expect, gotoApp, demoItems, cards, card, main, heading, signIn, FIXED_NOW } from './fixtures.mjs';

const NOW = FIXED_NOW;
const courses = demoItems('courses');
const at = (time) => new Date(time).getTime();
const sessions = courses.filter((c) => c.kind === 'offline');
const isOpen = (c) =>
  c.kind !== 'online' && !c.enrolled && at(c.starts_at) > at(NOW) && c.seats_left > 0 && at(c.enrol_deadline) > at(NOW);
const open = courses.find(isOpen);
const full = courses.find((c) => c.kind !== 'online' && c.seats_left === 0 && at(c.starts_at) > at(NOW));
const past = courses.find((c) => c.kind !== 'online' && at(c.starts_at) < at(NOW));
const enrolButton = (page) => main(page).getByRole('button', { name: '报名', exact: true });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW));
});

test('a kind filter and a search narrow the catalogue and stay in the address', async ({ page }) => {
  await gotoApp(page, '/courses');
  await main(page).getByRole('group', { name: '按类型筛选' }).getByRole('button', { name: '线下培训' }).click();
  await expect(page).toHaveURL(/kind=offline/);
  await expect(cards(page)).toHaveCount(sessions.length);
  const word = [...sessions[0].title].slice(0, 2).join('');
  await page.getByRole('searchbox', { name: '搜索课程' }).fill(word);
  const expected = sessions.filter((c) => [c.title, c.summary, c.provider, c.category].some((f) => f.includes(word)));
  await expect(cards(page)).toHaveCount(expected.length);
  // Written to the address once typing pauses.
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word)}`));
  await page.reload();
  await expect(cards(page)).toHaveCount(expected.length);
});

test('Latin letters are found whatever their case or width, as a Chinese keyboard types them', async ({ page }) => {
  const withAed = courses.filter((c) => [c.title, c.summary, c.provider, c.category].some((f) => /aed/i.test(f)));
  expect(withAed.length, 'the demo has a course about AED').toBeGreaterThan(0);
  await gotoApp(page, '/courses');
  for (const typed of ['aed', 'ＡＥＤ', 'ａｅｄ']) {
    await page.getByRole('searchbox', { name: '搜索课程' }).fill(typed);
    await expect(cards(page)).toHaveCount(withAed.length);
    await expect(cards(page).first()).toContainText('AED');
  }
});

test('upcoming sessions come first and past ones are marked', async ({ page }) => {
  const upcoming = sessions.filter((c) => at(c.starts_at) > at(NOW)).sort((a, b) => at(a.starts_at) - at(b.starts_at));
  await gotoApp(page, '/courses?kind=offline');
  await expect(cards(page).first()).toContainText(upcoming[0].title);
  await expect(card(page, past.title)).toContainText('已结束');
  await expect(cards(page).last()).toContainText('已结束');
});

test('full and closed sessions say so instead of offering a sign-up', async ({ page }) => {
  await gotoApp(page, `/courses/${full.id}`);
  await expect(main(page).getByText('名额已满', { exact: true })).toBeVisible();
  await expect(enrolButton(page)).toHaveCount(0);
  // An hour after the open session's deadline, before it starts.
  await page.clock.setFixedTime(new Date(at(open.enrol_deadline) + 3_600_000));
  await gotoApp(page, `/courses/${open.id}`);
  await expect(main(page).getByText('报名已截止', { exact: true })).toBeVisible();
  await expect(enrolButton(page)).toHaveCount(0);
});

test('signing up asks for a login, comes back, and a double tap enrols once', async ({ page, mode, mock }) => {
  await gotoApp(page, `/courses/${open.id}`);
  await main(page).getByRole('link', { name: '登录后报名' }).click();
  await signIn(page);
  await expect(page).toHaveURL(`/courses/${open.id}`);
  await expect(heading(page)).toHaveText(open.title);
  await enrolButton(page).dblclick();
  await expect(main(page).getByText('已报名', { exact: true })).toBeVisible();
  await expect(main(page).getByText(/已经报过名|already/)).toHaveCount(0);
  await expect(main(page).getByText(`剩余 ${open.seats_left - 1} 个`, { exact: false })).toBeVisible();
  if (mode === 'http') {
    const posts = (await mock.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/enrolments'));
    expect(posts).toHaveLength(1);
  }
  await page.reload();
  await expect(main(page).getByText('已报名', { exact: true })).toBeVisible();
  // The list, read afresh, marks it too.
  await gotoApp(page, '/courses');
  await expect(main(page).getByRole('listitem').filter({ hasText: open.title })).toContainText('已报名');
});

test('progress with an online course is kept on the phone and shown in the list', async ({ page }) => {
  const online = courses.find((c) => c.kind === 'online');
  await gotoApp(page, `/courses/${online.id}`);
  await expect(main(page).getByText('还没有开始学习')).toBeVisible();
  await main(page).getByRole('button', { name: '开始学习' }).click();
  await expect(main(page).getByRole('status').filter({ hasText: '学习中' })).toBeVisible();
  await gotoApp(page, '/courses?kind=online');
  await expect(card(page, online.title)).toContainText('学习中');
  await gotoApp(page, `/courses/${online.id}`);
  await main(page).getByRole('button', { name: '我学完了' }).click();
  await expect(main(page).getByRole('button', { name: '我学完了' })).toBeDisabled();
  await page.reload();
  await expect(main(page).getByRole('status').filter({ hasText: '已学完' })).toBeVisible();
});

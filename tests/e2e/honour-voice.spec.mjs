// 礼遇尊崇 and 议事: the honour roll and nominations, 先锋骑士团 and applying,
// 社区议事 and opinions, 更多 and 关于行动 — in both modes.
import {
  FIXED_NOW,
  card,
  cards,
  demoFile,
  demoItems,
  expect,
  gotoApp,
  heading,
  main,
  mainNav,
  pageTitle,
  reloadApp,
  retryButton,
  signIn,
  test,
} from './fixtures.mjs';

const honours = demoItems('honours');
const honourees = demoItems('honourees');
const knights = demoItems('knights');
const topics = demoItems('topics');
const openTopic = topics.find((t) => t.state === 'open');
const closedTopic = topics.find((t) => t.state === 'closed' && t.outcome);
const stations = demoItems('stations');

/** Taps a button twice within one task, faster than any re-render: a nervous double tap. */
const doubleTap = (button) => button.evaluate((el) => { el.click(); el.click(); });

/** The writes the mock received at a path ending in `suffix`. */
const posts = async (mock, suffix) =>
  (await mock.requests()).filter((r) => r.method === 'POST' && r.path.endsWith(suffix));

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(FIXED_NOW));
});

test('更多 has a tab, and leads to every section it holds', async ({ page }) => {
  await gotoApp(page, '/');
  await mainNav(page).getByRole('link', { name: '更多' }).click();
  await expect(heading(page)).toHaveText('更多');
  const doors = [
    ['酉新向党', '酉新向党'],
    ['荣誉榜', '荣誉榜'],
    ['先锋骑士团', '先锋骑士团'],
    ['社区议事', '社区议事'],
    ['活动', '活动'],
    ['关于行动', '关于行动'],
  ];
  for (const [door, title] of doors) {
    await main(page).getByRole('link', { name: new RegExp(`^${door}`) }).click();
    await expect(heading(page)).toHaveText(title);
    await expect(page).toHaveTitle(pageTitle(title));
    await expect(mainNav(page).getByRole('link', { name: '更多' })).toHaveAttribute('aria-current', 'page');
    await page.goBack();
    await expect(heading(page)).toHaveText('更多');
  }
});

test('the roll groups people by honour with its criteria, and filters by honour and year', async ({ page }) => {
  await gotoApp(page, '/honours');
  await expect(heading(page)).toHaveText('荣誉榜');
  for (const honour of honours) {
    const group = main(page).getByRole('region', { name: honour.title, exact: true });
    await expect(group.getByText(`${honour.title}评选看什么`)).toBeVisible();
    for (const criterion of honour.criteria) await expect(group.getByText(criterion, { exact: true })).toBeVisible();
    const members = honourees.filter((h) => h.honour === honour.id);
    await expect(group.getByRole('link')).toHaveCount(members.length);
  }
  await expect(cards(page)).toHaveCount(honourees.length);

  const honour = honours[2];
  await page.getByRole('group', { name: '按荣誉筛选' }).getByRole('button', { name: honour.title }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('honour')).toBe(honour.title);
  await expect(cards(page)).toHaveCount(honourees.filter((h) => h.honour === honour.id).length);
  const year = Math.max(...honourees.filter((h) => h.honour === honour.id).map((h) => h.year));
  await page.getByRole('group', { name: '按年份筛选' }).getByRole('button', { name: String(year) }).click();
  const both = honourees.filter((h) => h.honour === honour.id && h.year === year);
  await expect(cards(page)).toHaveCount(both.length);
  // A shared link keeps the filters.
  await reloadApp(page);
  await expect(cards(page)).toHaveCount(both.length);
  await expect(page.getByRole('group', { name: '按年份筛选' }).getByRole('button', { name: String(year) })).toHaveAttribute('aria-pressed', 'true');
});

test('a person on the roll has a page of their own that leads to their story', async ({ page }) => {
  const person = honourees.find((h) => h.story_id);
  const story = demoItems('stories').find((s) => s.id === person.story_id);
  await gotoApp(page, '/honours');
  await card(page, person.name).first().click();
  await expect(page).toHaveURL(`/honours/${person.id}`);
  await expect(heading(page)).toHaveText(person.name);
  await expect(main(page).getByText(person.citation)).toBeVisible();
  await expect(main(page).getByText(`${person.honour_title}评选看什么`)).toBeVisible();
  await main(page).getByRole('link', { name: '读他们的故事' }).click();
  await expect(heading(page)).toHaveText(story.title);
});

test('a nomination says what is missing, then is sent once under a double tap and listed as 已提交', async ({ page, mode, mock }) => {
  await gotoApp(page, '/honours');
  await page.getByRole('link', { name: '登录后推荐' }).click();
  await signIn(page);
  await expect(heading(page)).toHaveText('荣誉榜');
  const form = main(page).locator('form.form');
  await form.getByRole('button', { name: '提交推荐' }).click();
  const problems = page.getByRole('alert').filter({ hasText: '还不能提交' });
  await expect(problems).toBeFocused();
  await expect(problems).toContainText('请填写被推荐人姓名');
  await expect(page.getByLabel('被推荐人姓名')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('被推荐人姓名')).toHaveAccessibleDescription(/请填写被推荐人姓名/);

  await page.getByLabel('被推荐人姓名').fill('龚师傅');
  await page.getByLabel('职业').fill('快递员');
  await page.getByLabel('推荐理由和事迹').fill('每周上门看望独居老人，帮他们把药送上楼。');
  await expect(page.getByText('已写 20 字，还能写 480 字')).toBeVisible();
  await page.getByRole('group', { name: '推荐的荣誉' }).getByLabel(honours[0].title).check();
  await doubleTap(form.getByRole('button', { name: '提交推荐' }));
  await expect(page.getByText('推荐已提交，谢谢你。')).toBeVisible();
  const mine = main(page).locator('li', { hasText: '龚师傅（快递员）' }).filter({ hasText: '已提交' });
  await expect(mine).toHaveCount(1);
  await expect(page.getByLabel('被推荐人姓名')).toHaveValue('');
  if (mode === 'http') {
    const sent = await posts(mock, '/v1/nominations');
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((r) => r.idempotency_key)).size).toBe(1);
  }
});

test('先锋骑士团 shows its members; an application is sent once and then shows its state', async ({ page, mode, mock }) => {
  await gotoApp(page, '/knights');
  await expect(heading(page)).toHaveText('先锋骑士团');
  const members = main(page).getByRole('region', { name: '成员' });
  for (const knight of knights) await expect(members.getByText(knight.name, { exact: true })).toBeVisible();

  await page.getByRole('link', { name: '登录后申请' }).click();
  await signIn(page);
  await expect(heading(page)).toHaveText('先锋骑士团');
  // The earlier application was decided: its answer shows, and a new one may be made.
  await expect(page.getByText('我的申请：未入选')).toBeVisible();
  await page.getByLabel('职业').fill('外卖骑手');
  await page.getByLabel('从业年限（年）').fill('51');
  await page.getByLabel('所在乡镇或街道').fill('龙潭镇');
  await page.getByLabel('为什么想加入').fill('想把骑手们对小区通行的建议带到议事会上。');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByLabel('从业年限（年）')).toHaveAccessibleDescription(/应在 0 到 50 之间/);
  await page.getByLabel('从业年限（年）').fill('4');
  await doubleTap(page.getByRole('button', { name: '提交申请' }));
  await expect(page.getByText('我的申请：已提交')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交申请' })).toHaveCount(0);
  await reloadApp(page);
  await expect(page.getByText('我的申请：已提交')).toBeVisible();
  if (mode === 'http') {
    const sent = await posts(mock, '/v1/knights/applications');
    expect(new Set(sent.map((r) => r.idempotency_key)).size).toBe(1);
  }
});

test('社区议事 lists open topics first; a closed one shows its outcome and takes no opinion', async ({ page }) => {
  await gotoApp(page, '/voice');
  await expect(heading(page)).toHaveText('社区议事');
  const titles = await cards(page).locator('.card-title').allTextContents();
  const states = titles.map((title) => topics.find((t) => t.title === title).state);
  expect(states).toEqual([...states].sort((a, b) => (a === b ? 0 : a === 'open' ? -1 : 1)));
  await expect(card(page, openTopic.title)).toContainText('征集意见中');
  await card(page, closedTopic.title).click();
  await expect(heading(page)).toHaveText(closedTopic.title);
  await expect(main(page).getByRole('region', { name: '议事结果' })).toContainText(closedTopic.outcome);
  await expect(main(page).getByText(`${closedTopic.opinion_count} 条`, { exact: true })).toBeVisible();
  await expect(page.getByText('这个议题已经截止，不再收集意见。')).toBeVisible();
  await expect(page.getByRole('button', { name: '发表意见' })).toHaveCount(0);
});

test('an opinion is counted as it is typed, kept through a reload, and listed as the worker’s own once sent', async ({ page, mode, mock }) => {
  await gotoApp(page, `/login?next=/voice/${openTopic.id}`);
  await signIn(page);
  await expect(heading(page)).toHaveText(openTopic.title);
  const box = page.getByRole('textbox', { name: '你的意见' });
  await box.fill('字'.repeat(501));
  await expect(page.getByText('已写 501 字，超出 1 字')).toBeVisible();
  await page.getByRole('button', { name: '发表意见' }).click();
  await expect(box).toHaveAccessibleDescription(/最多 500 个字/);

  await box.fill('东门外划一块临时停车区，晚上加一盏灯。');
  await reloadApp(page);
  await expect(page.getByRole('textbox', { name: '你的意见' })).toHaveValue('东门外划一块临时停车区，晚上加一盏灯。');
  await doubleTap(page.getByRole('button', { name: '发表意见' }));
  const mine = main(page).getByRole('region', { name: '我的意见' });
  await expect(mine.getByText('东门外划一块临时停车区，晚上加一盏灯。')).toHaveCount(1);
  await expect(main(page).getByText(`${openTopic.opinion_count + 1} 条`, { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '你的意见' })).toHaveValue('');
  if (mode === 'http') {
    const sent = await posts(mock, `/v1/topics/${openTopic.id}/opinions`);
    expect(new Set(sent.map((r) => r.idempotency_key)).size).toBe(1);
  }
});

test('关于行动 says what the programme is: its services, stations, sub-actions and contact', async ({ page }) => {
  const site = demoFile('site');
  await gotoApp(page, '/about');
  await expect(heading(page)).toHaveText('关于行动');
  const figures = main(page).getByRole('list', { name: '行动一览' });
  await expect(figures.getByRole('link', { name: `${demoItems('services').length} 项服务` })).toBeVisible();
  await expect(figures.getByRole('link', { name: `${stations.length} 个驿站` })).toBeVisible();
  await expect(figures.getByRole('link', { name: new RegExp(`^${stations.filter((s) => s.night).length} 个星空补给站`) })).toBeVisible();
  await expect(main(page).getByRole('heading', { name: `${site.sub_actions.length} 项子行动` })).toBeVisible();
  for (const action of site.sub_actions) await expect(main(page).getByText(action.title, { exact: true })).toBeVisible();
  const done = site.sub_actions.filter((a) => a.state === 'done').length;
  await expect(main(page).getByRole('heading', { name: `已完成（${done}）` })).toBeVisible();
  await expect(main(page).getByText(site.contact.organisation)).toBeVisible();
  await figures.getByRole('link', { name: `${stations.length} 个驿站` }).click();
  await expect(heading(page)).toHaveText('酉新驿站');
});

test('a failed load of the roll or a topic says so, and 重试 brings it', async ({ page, api }) => {
  await api.fail('/v1/honourees', 500);
  await gotoApp(page, '/honours');
  await expect(retryButton(page)).toBeVisible();
  await retryButton(page).click();
  await expect(cards(page)).toHaveCount(honourees.length);

  await api.fail(`/v1/topics/${openTopic.id}`, 'network');
  await gotoApp(page, `/voice/${openTopic.id}`);
  await expect(retryButton(page)).toBeVisible();
  await retryButton(page).click();
  await expect(heading(page)).toHaveText(openTopic.title);
});

test('every new page opens from its own address, as a WeChat menu item would open it', async ({ page }) => {
  const activity = demoItems('activities')[0];
  const links = [
    ['/more', '更多'],
    ['/honours', '荣誉榜'],
    [`/honours/${honourees[0].id}`, honourees[0].name],
    ['/knights', '先锋骑士团'],
    ['/voice', '社区议事'],
    [`/voice/${closedTopic.id}`, closedTopic.title],
    ['/activities', '活动'],
    [`/activities/${activity.id}`, activity.title],
    ['/about', '关于行动'],
  ];
  for (const [path, title] of links) {
    await gotoApp(page, path);
    await expect(heading(page)).toHaveText(title);
    await expect(mainNav(page).getByRole('link', { name: '更多' })).toHaveAttribute('aria-current', 'page');
  }
});

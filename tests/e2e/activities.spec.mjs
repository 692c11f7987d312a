// 活动: activities with the sign-up forms the backend defines — a 暑托班 for
// two children, checked on the phone, sent once, cancelled — in both modes.
import { FIXED_NOW, card, demoItems, expect, gotoApp, heading, main, reloadApp, signIn, test } from './fixtures.mjs';

const activities = demoItems('activities');
const care = activities.find((a) => a.kind === 'summer_care');
const full = activities.find((a) => a.seats_left === 0 && Date.parse(a.deadline) > Date.parse(FIXED_NOW));
const ended = activities.find((a) => Date.parse(a.ends_at) < Date.parse(FIXED_NOW));

const doubleTap = (button) => button.evaluate((el) => { el.click(); el.click(); });
const seatsLine = (page) => main(page).getByRole('definition').filter({ hasText: /还剩/ });
const child = (page, n) => main(page).getByRole('group', { name: `第 ${n} 个孩子` });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(FIXED_NOW));
});

test('the list says where each sign-up stands: open with its seats, full, or closed', async ({ page }) => {
  await gotoApp(page, '/activities');
  await expect(heading(page)).toHaveText('活动');
  await expect(card(page, care.title)).toContainText(`剩 ${care.seats_left} 个名额`);
  await expect(card(page, full.title)).toContainText('名额已满');
  await expect(card(page, ended.title)).toContainText('报名已截止');
  await card(page, full.title).click();
  await expect(heading(page)).toHaveText(full.title);
  await expect(page.getByText('名额已满，下次早点来报名。')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交报名' })).toHaveCount(0);
});

test('two children sign up for the 暑托班 once, each checked, and the sign-up can be cancelled', async ({ page, mode, mock }) => {
  await gotoApp(page, `/activities/${care.id}`);
  await expect(heading(page)).toHaveText(care.title);
  await expect(seatsLine(page)).toContainText(`还剩 ${care.seats_left} 个`);
  await page.getByRole('link', { name: '登录后报名' }).click();
  await signIn(page);
  await expect(heading(page)).toHaveText(care.title);

  await page.getByLabel('监护人手机号').fill('1380000');
  await child(page, 1).getByLabel('姓名').fill('小雨');
  await child(page, 1).getByLabel('年龄').fill('8');
  await page.getByRole('button', { name: '再加一个孩子' }).click();
  await child(page, 2).getByLabel('姓名').fill('小山');
  await child(page, 2).getByLabel('年龄').fill('15');
  await page.getByRole('button', { name: '提交报名' }).click();
  const problems = page.getByRole('alert').filter({ hasText: '还不能提交' });
  await expect(problems).toBeFocused();
  await expect(problems).toContainText('监护人手机号应是 11 位手机号');
  await expect(problems).toContainText('第 2 个孩子的年龄应在 3 到 14 之间');
  await expect(child(page, 2).getByLabel('年龄')).toHaveAttribute('aria-invalid', 'true');
  await expect(child(page, 1).getByLabel('年龄')).not.toHaveAttribute('aria-invalid', 'true');

  // The draft outlives a reload.
  await reloadApp(page);
  await expect(child(page, 2).getByLabel('姓名')).toHaveValue('小山');
  await page.getByLabel('监护人手机号').fill('138 0000 0000');
  await child(page, 2).getByLabel('年龄').fill('5');
  await child(page, 2).getByLabel('学校或年级').fill('幼儿园大班');
  await doubleTap(page.getByRole('button', { name: '提交报名' }));
  await expect(page.getByText('你已报名')).toBeVisible();
  await expect(main(page).getByText('第 2 个孩子：姓名：小山，年龄：5，学校或年级：幼儿园大班')).toBeVisible();
  await expect(seatsLine(page)).toContainText(`还剩 ${care.seats_left - 2} 个`);
  if (mode === 'http') {
    const sent = (await mock.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/signups'));
    expect(new Set(sent.map((r) => r.idempotency_key)).size).toBe(1);
  }

  await page.getByRole('button', { name: '取消报名' }).click();
  await expect(page.getByText('确定取消报名？名额会让给别人。')).toBeVisible();
  await page.getByRole('button', { name: '不取消' }).click();
  await expect(page.getByText('你已报名')).toBeVisible();
  await page.getByRole('button', { name: '取消报名' }).click();
  await page.getByRole('button', { name: '确定取消' }).click();
  await expect(page.getByText('你取消过这个活动的报名，可以重新报名。')).toBeVisible();
  await expect(seatsLine(page)).toContainText(`还剩 ${care.seats_left} 个`);
  await expect(page.getByRole('button', { name: '提交报名' })).toBeVisible();
});

test('an activity without questions signs up with one tap', async ({ page }) => {
  const simple = activities.find((a) => !a.form && Date.parse(a.deadline) > Date.parse(FIXED_NOW));
  await gotoApp(page, `/login?next=/activities/${simple.id}`);
  await signIn(page);
  await expect(heading(page)).toHaveText(simple.title);
  await page.getByRole('button', { name: '提交报名' }).click();
  await expect(page.getByText('你已报名')).toBeVisible();
  await expect(main(page).getByRole('definition').filter({ hasText: '不限' })).toBeVisible();
});

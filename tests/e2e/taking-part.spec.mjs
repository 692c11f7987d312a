// Earning and spending points: campaigns checked in to once, rewards redeemed
// once after a confirmation, vouchers with a code that scans, the level.
import { test, expect, gotoApp, demoFile, demoItems, heading, main, card, signIn, FIXED_NOW } from './fixtures.mjs';
import { readQr } from '../support/qr.mjs';

const me = demoFile('me');
const at = (rfc3339) => Date.parse(rfc3339);
const openCampaign = demoItems('campaigns').find((c) => at(c.ends_at) > at(FIXED_NOW));
const endedCampaign = demoItems('campaigns').find((c) => at(c.ends_at) < at(FIXED_NOW));
const affordable = demoItems('rewards').find((r) => r.cost <= me.points_balance && r.stock > 0);
const tooDear = demoItems('rewards').find((r) => r.cost > me.points_balance && r.stock !== 0);

/** Taps a button twice within one task, faster than any re-render: a nervous double tap. */
const doubleTap = (button) => button.evaluate((el) => { el.click(); el.click(); });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(FIXED_NOW));
});

test('campaigns say which have ended, and a check-in signs in first and counts once', async ({ page, mode, mock }) => {
  await gotoApp(page, '/campaigns');
  await expect(heading(page)).toHaveText('文明实践活动');
  await expect(card(page, endedCampaign.title)).toContainText('已结束');
  await card(page, openCampaign.title).click();
  await expect(heading(page)).toHaveText(openCampaign.title);

  await page.getByRole('link', { name: '登录后签到' }).click();
  await signIn(page);
  await expect(heading(page)).toHaveText(openCampaign.title);
  await doubleTap(page.getByRole('button', { name: `签到领 ${openCampaign.points} 积分` }));
  await expect(page.getByRole('status').filter({ hasText: '你已签到' })).toBeVisible();

  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '积分' }).click();
  await expect(page.getByText(String(me.points_balance + openCampaign.points), { exact: true })).toBeVisible();
  await expect(main(page).getByText(openCampaign.title, { exact: false })).toHaveCount(1);
  if (mode === 'http') {
    const posts = (await mock.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/checkins'));
    expect(posts.length).toBeGreaterThan(0);
    expect(new Set(posts.map((r) => r.idempotency_key)).size).toBe(1);
  }
});

test('an ended campaign offers no check-in', async ({ page }) => {
  await gotoApp(page, `/campaigns/${endedCampaign.id}`);
  await expect(heading(page)).toHaveText(endedCampaign.title);
  await expect(page.getByText('活动已经结束。')).toBeVisible();
  await expect(page.getByRole('button', { name: /签到/ })).toHaveCount(0);
});

test('redeeming asks first, spends once under a double tap, and the voucher scans to its code', async ({ page, mode, mock }) => {
  await gotoApp(page, `/login?next=/rewards/${affordable.id}`);
  await signIn(page);
  await expect(heading(page)).toHaveText(affordable.title);
  await expect(main(page).getByText(String(me.points_balance), { exact: true })).toBeVisible();

  // Changing one's mind costs nothing.
  await page.getByRole('button', { name: '兑换', exact: true }).click();
  const question = `用 ${affordable.cost} 积分兑换 ${affordable.title}？`;
  await expect(page.getByText(question)).toBeVisible();
  await expect(page.getByRole('button', { name: '确认兑换' })).toBeFocused();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText(question)).toHaveCount(0);

  await page.getByRole('button', { name: '兑换', exact: true }).click();
  await doubleTap(page.getByRole('button', { name: '确认兑换' }));
  await expect(page).toHaveURL(/\/vouchers\/[^/?]+\?new=1$/);
  await expect(page.getByText('兑换成功')).toBeVisible();
  await expect(heading(page)).toHaveText(affordable.title);
  const code = (await page.locator('.voucher-code').textContent()).trim();
  expect(code.length).toBeGreaterThan(0);
  await expect(page.getByRole('img', { name: `券码 ${code} 的二维码` })).toBeVisible();
  expect(await readQr(page.getByRole('img', { name: `券码 ${code} 的二维码` }))).toBe(code);
  await expect(page.getByText(affordable.provider, { exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '积分' }).click();
  await expect(page.getByText(String(me.points_balance - affordable.cost), { exact: true })).toBeVisible();
  await expect(main(page).getByText(`兑换：${affordable.title}`)).toHaveCount(1);
  if (mode === 'http') {
    const posts = (await mock.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/redemptions'));
    expect(new Set(posts.map((r) => r.idempotency_key)).size).toBe(1);
  }

  // The new voucher heads the list of vouchers, usable.
  await gotoApp(page, '/vouchers');
  await expect(card(page, affordable.title).first()).toContainText('未使用');
  await expect(card(page, affordable.title).first()).toContainText(code);

  // The catalogue, read afresh, has one fewer in stock.
  await gotoApp(page, '/rewards');
  await expect(card(page, affordable.title)).toContainText(`剩 ${affordable.stock - 1} 份`);
});

test('a reward dearer than the balance says how much is missing and cannot be redeemed', async ({ page }) => {
  await gotoApp(page, `/login?next=/rewards/${tooDear.id}`);
  await signIn(page);
  await expect(heading(page)).toHaveText(tooDear.title);
  await expect(page.getByText(`还差 ${tooDear.cost - me.points_balance} 积分`)).toBeVisible();
  await expect(page.getByRole('button', { name: '兑换', exact: true })).toHaveCount(0);
});

test('a used voucher shows its code but no QR code to scan', async ({ page }) => {
  const used = demoItems('redemptions').find((r) => r.status === 'used');
  await gotoApp(page, '/login?next=/vouchers');
  await signIn(page);
  await expect(card(page, used.reward_title)).toContainText('已使用');
  await card(page, used.reward_title).click();
  await expect(page.getByText(used.code, { exact: true })).toBeVisible();
  await expect(page.getByText('已使用', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /二维码/ })).toHaveCount(0);
});

test('vouchers are personal: signed out, the page asks to sign in', async ({ page }) => {
  await gotoApp(page, '/vouchers/rdm-01');
  await expect(page.getByRole('link', { name: '登录查看兑换券' })).toBeVisible();
  await expect(page.getByText(demoItems('redemptions')[0].code)).toHaveCount(0);
});

test('the points page shows the level and the way to the next one', async ({ page }) => {
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  const { level, points_earned: earned } = me;
  await expect(page.getByText(`等级：${level.name} · 累计获得 ${earned} 积分`)).toBeVisible();
  const percent = Math.floor(((earned - level.floor) * 100) / (level.next_at - level.floor));
  await expect(page.getByRole('progressbar', { name: `距离${level.next_name}` })).toHaveAttribute('aria-valuenow', String(percent));
  await expect(page.getByText(`再攒 ${level.next_at - earned} 积分升为${level.next_name}`)).toBeVisible();
});

test('a session past its expiry is forgotten: pages ask to sign in again', async ({ page }) => {
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  await expect(page.getByText(String(me.points_balance), { exact: true })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('youxin.token_expires_at', String(Date.parse('2026-11-28T09:00:00+08:00'))));
  await gotoApp(page, '/points');
  await expect(page.getByRole('link', { name: '登录查看我的积分' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('youxin.token'))).toBeNull();
});

test('the 积分 tab stays current on every page of earning and spending', async ({ page }) => {
  const tab = page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '积分' });
  for (const path of ['/campaigns', `/campaigns/${openCampaign.id}`, '/rewards', `/rewards/${affordable.id}`, '/vouchers']) {
    await gotoApp(page, path);
    await expect(heading(page)).not.toHaveText('');
    await expect(tab, path).toHaveAttribute('aria-current', 'page');
  }
});

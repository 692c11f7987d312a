// Spending and earning against a real backend when the network or the backend
// gets in the way: refusals in words, a lost answer, a session that ends mid-way.
import { test, expect, gotoApp, demoFile, demoItems, heading, signIn, PHONE, FIXED_NOW } from './fixtures.mjs';

const me = demoFile('me');
const affordable = demoItems('rewards').find((r) => r.cost <= me.points_balance && r.stock !== 0);
const openCampaign = demoItems('campaigns').find((c) => Date.parse(c.ends_at) > Date.parse(FIXED_NOW));
const redeemPath = `/v1/rewards/${affordable.id}/redemptions`;

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(FIXED_NOW));
});

async function confirmRedeem(page) {
  await page.getByRole('button', { name: '兑换', exact: true }).click();
  await page.getByRole('button', { name: '确认兑换' }).click();
}

async function balanceAtTheBackend(mockURL) {
  const response = await fetch(`${mockURL}/v1/me`, { headers: { Authorization: `Bearer mock-token-${PHONE}` } });
  return (await response.json()).points_balance;
}

for (const [code, words] of [
  ['insufficient_points', `积分不够：这项要 ${affordable.cost} 积分`],
  ['out_of_stock', '刚刚被兑完了'],
]) {
  test(`a 409 ${code} is explained in words and spends nothing`, async ({ page, api, mockURL }) => {
    await gotoApp(page, `/login?next=/rewards/${affordable.id}`);
    await signIn(page);
    await expect(heading(page)).toHaveText(affordable.title);
    await api.answerOnce(redeemPath, 409, { error: { code, message: '不行' } });
    await confirmRedeem(page);
    await expect(page.getByRole('alert').filter({ hasText: words })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/rewards/${affordable.id}$`));
    expect(await balanceAtTheBackend(mockURL)).toBe(me.points_balance);
  });
}

test('an answer lost on the way back is asked for again with the same key, and spends once', async ({ page, mock, mockURL }) => {
  await gotoApp(page, `/login?next=/rewards/${affordable.id}`);
  await signIn(page);
  await expect(heading(page)).toHaveText(affordable.title);
  // The backend gets the first request and redeems; its answer never reaches the phone.
  let dropped = false;
  await page.route(`${mockURL}${redeemPath}`, async (route) => {
    if (dropped || route.request().method() !== 'POST') return route.fallback();
    dropped = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await confirmRedeem(page);
  await expect(page.getByRole('alert').filter({ hasText: '网络连接失败' })).toBeVisible();
  await page.getByRole('button', { name: '确认兑换' }).click();
  await expect(page).toHaveURL(/\/vouchers\/[^/?]+\?new=1$/);

  const posts = (await mock.requests()).filter((r) => r.method === 'POST' && r.path === redeemPath);
  expect(posts).toHaveLength(2);
  expect(posts[0].idempotency_key).toBe(posts[1].idempotency_key);
  expect(await balanceAtTheBackend(mockURL)).toBe(me.points_balance - affordable.cost);
});

test('a session that ends during a check-in signs in again and comes back to the campaign', async ({ page, api }) => {
  await gotoApp(page, `/login?next=/campaigns/${openCampaign.id}`);
  await signIn(page);
  await expect(heading(page)).toHaveText(openCampaign.title);
  await api.answerOnce(`/v1/campaigns/${openCampaign.id}/checkins`, 401, {
    error: { code: 'unauthorized', message: '登录已过期' },
  });
  await page.getByRole('button', { name: `签到领 ${openCampaign.points} 积分` }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await signIn(page);
  await expect(heading(page)).toHaveText(openCampaign.title);
  await page.getByRole('button', { name: `签到领 ${openCampaign.points} 积分` }).click();
  await expect(page.getByRole('status').filter({ hasText: '你已签到' })).toBeVisible();
});

test('a sign-in keeps the session end the backend gives', async ({ page }) => {
  await gotoApp(page, '/login?next=/points');
  await signIn(page);
  await expect(page.getByText(String(me.points_balance), { exact: true })).toBeVisible();
  const until = await page.evaluate(() => localStorage.getItem('youxin.token_expires_at'));
  expect(Number(until)).toBeGreaterThan(Date.parse(FIXED_NOW));
});

// Locating on the stations page: a permission prompt nobody answers (as can
// happen inside WeChat) ends in a message, and the list keeps working.
import { test, expect, gotoApp, cards, demoItems } from './fixtures.mjs';

test('a location request that is never answered gives up with a message', async ({ page }) => {
  await page.addInitScript(() => {
    window.locationAsked = 0;
    // Neither callback is ever called, as when a prompt is left open.
    navigator.geolocation.getCurrentPosition = () => {
      window.locationAsked += 1;
    };
  });
  await page.clock.install();
  await gotoApp(page, '/stations');
  // The whole list, not the first frames of it.
  const all = demoItems('stations').length;
  await expect(cards(page)).toHaveCount(all);

  await page.getByRole('button', { name: '按距离排序（使用我的位置）' }).click();
  await expect(page.getByRole('button', { name: '正在定位…' })).toBeDisabled();
  await expect.poll(() => page.evaluate(() => window.locationAsked)).toBe(1);
  await page.clock.fastForward(15_000);

  await expect(page.getByRole('status').filter({ hasText: '定位授权还没有确认' })).toBeVisible();
  await expect(page.getByRole('button', { name: '按距离排序（使用我的位置）' })).toBeEnabled();
  await expect(cards(page)).toHaveCount(all);
  await page.getByRole('button', { name: '星空补给站' }).click();
  await expect.poll(() => cards(page).count()).toBeLessThan(all);
});

// How the app looks where it is used: home, a list and a detail page on a
// phone (390×844) in normal and large text, and on a station's portrait kiosk
// (1080×1920). Each view must fit its width (no sideways scrolling); the
// pictures are saved with the test results, and with UPDATE_SCREENS=1 into
// docs/screens/, where the README shows them.
import { mkdirSync } from 'node:fs';
import { demoItems, expect, gotoApp, heading, test } from './fixtures.mjs';

const station = demoItems('stations')[0];
const VIEWS = [
  { name: 'home', path: '/', heading: '酉新送暖 · 阳光同行' },
  { name: 'list', path: '/services', heading: '服务清单' },
  { name: 'detail', path: `/stations/${station.id}`, heading: station.name },
];
const MODES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, config: {} },
  { name: 'large-text', viewport: { width: 390, height: 844 }, config: { large_text: true } },
  { name: 'kiosk', viewport: { width: 1080, height: 1920 }, config: { kiosk: true } },
];
const DOCS = new URL('../../docs/screens/', import.meta.url);

for (const mode of MODES) {
  test.describe(mode.name, () => {
    test.use({ viewport: mode.viewport, appConfig: mode.config });
    for (const view of VIEWS) {
      test(`the ${view.name} page fits the screen`, async ({ page }, testInfo) => {
        await gotoApp(page, view.path);
        await expect(heading(page)).toHaveText(view.heading);
        await expect(page.getByRole('status').filter({ hasText: '正在加载…' })).toHaveCount(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
        const name = `${mode.name}-${view.name}.png`;
        await page.screenshot({ path: testInfo.outputPath(name) });
        if (process.env.UPDATE_SCREENS) {
          mkdirSync(DOCS, { recursive: true });
          await page.screenshot({ path: new URL(name, DOCS).pathname });
        }
      });
    }
  });
}

// WeChat's font setting can double the text size: the pages still fit a small phone.
test.describe('large text at 200% on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, appConfig: { large_text: true } });
  for (const view of VIEWS) {
    test(`the ${view.name} page does not scroll sideways`, async ({ page }) => {
      await gotoApp(page, view.path);
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      await expect(heading(page)).toHaveText(view.heading);
      await expect(page.getByRole('status').filter({ hasText: '正在加载…' })).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    });
  }
});

// Inside WeChat (user agent MicroMessenger): no second header under WeChat's
// own title bar, share cards that name the page, and 微信登录 through the
// backend's OAuth start when config.json names one — in both modes.
import { demoItems, expect, gotoApp, heading, main, mainNav, test } from './fixtures.mjs';

const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 12; M2012K11AC) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230202 MMWEBID/1234 MicroMessenger/8.0.33.2320(0x28002151) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64';
const WECHAT_START = 'https://wx.example.cn/oauth/start';
const TOKENS = { demo: 'demo-13800000000', http: 'mock-token-13800000000' };
const service = demoItems('services')[0];

const banner = (page) => page.getByRole('banner');

test.describe('in WeChat', () => {
  test.use({ userAgent: WECHAT_UA, appConfig: { wechat_login_url: WECHAT_START } });

  test('the app shows no title bar of its own, and keeps 大字 and the tab bar', async ({ page }) => {
    await gotoApp(page, '/services');
    await expect(heading(page)).toHaveText('服务清单');
    await expect(banner(page).getByRole('link', { name: '酉新送暖' })).toBeHidden();
    await expect(banner(page).getByRole('button', { name: '大字' })).toBeVisible();
    // The slim bar scrolls away with the page instead of staying under WeChat's.
    await page.mouse.wheel(0, 1500);
    await expect.poll(async () => (await banner(page).boundingBox())?.y ?? 0).toBeLessThan(0);
    await expect(mainNav(page)).toBeInViewport();
  });

  test('微信登录 goes through the backend and comes back signed in to the same page', async ({ page, mode, baseURL }) => {
    // The backend's OAuth: straight back to the page it was given, with a token.
    await page.route(`${WECHAT_START}**`, (route) => {
      const back = new URL(route.request().url()).searchParams.get('return');
      return route.fulfill({ status: 302, headers: { Location: `${back}#token=${TOKENS[mode]}` } });
    });
    await gotoApp(page, '/points');
    await main(page).getByRole('link', { name: '登录查看我的积分' }).click();
    const wechat = main(page).getByRole('link', { name: '微信登录' });
    const href = new URL(await wechat.getAttribute('href'));
    expect(`${href.origin}${href.pathname}`).toBe(WECHAT_START);
    expect(href.searchParams.get('return')).toBe(new URL('/points', baseURL).href);
    await wechat.click();
    await expect(heading(page)).toHaveText('积分');
    await expect(page.locator('.balance')).toBeVisible();
    await expect(page).toHaveURL(/\/points$/);
  });
});

test('outside WeChat the header stays, and without a configured start the SMS sign-in stands alone', async ({ page }) => {
  await gotoApp(page, '/login');
  await expect(banner(page).getByRole('link', { name: '酉新送暖' })).toBeVisible();
  await expect(heading(page)).toHaveText('登录');
  await expect(main(page).getByRole('link', { name: '微信登录' })).toHaveCount(0);
  await expect(page.getByLabel('手机号')).toBeVisible();
});

test('a shared page names itself: the share card follows the page', async ({ page }) => {
  await gotoApp(page, `/services/${service.id}`);
  await expect(heading(page)).toHaveText(service.title);
  const og = (property) => page.locator(`meta[property="og:${property}"]`);
  await expect(og('title')).toHaveAttribute('content', `${service.title} · 酉新送暖`);
  await expect(og('description')).toHaveAttribute('content', service.summary);
  await expect(og('image')).toHaveAttribute('content', 'icon-512.png');
});

// Automated accessibility checks (axe-core, WCAG 2.0/2.1/2.2 A and AA) of
// every route, as a phone shows it, in large text and on a kiosk, in demo mode
// (the http project skips this file).
import AxeBuilder from '@axe-core/playwright';
import { demoItems, expect, gotoApp, heading, test } from './fixtures.mjs';

const first = (name) => demoItems(name)[0];
const [service, course, story, station, campaign, reward] = [
  'services',
  'courses',
  'stories',
  'stations',
  'campaigns',
  'rewards',
].map(first);

const openTopic = demoItems('topics').find((t) => t.state === 'open');
const closedTopic = demoItems('topics').find((t) => t.state === 'closed');
const care = demoItems('activities').find((a) => a.kind === 'summer_care');

const PAGES = [
  { name: 'home', path: '/', heading: '酉新送暖 · 阳光同行' },
  { name: 'service list', path: '/services', heading: '服务清单' },
  { name: 'service page', path: `/services/${service.id}`, heading: service.title },
  { name: 'course list', path: '/courses', heading: '酉新学堂' },
  { name: 'course page', path: `/courses/${course.id}`, heading: course.title },
  { name: 'story list', path: '/stories', heading: '酉新向党' },
  { name: 'story page', path: `/stories/${story.id}`, heading: story.title },
  { name: 'station list', path: '/stations', heading: '酉新驿站' },
  { name: 'station page', path: `/stations/${station.id}`, heading: station.name },
  { name: 'points page', path: '/points', heading: '积分' },
  { name: 'sign-in page', path: '/login?next=%2Fpoints', heading: '登录' },
  { name: 'campaign list', path: '/campaigns', heading: '文明实践活动' },
  { name: 'campaign page', path: `/campaigns/${campaign.id}`, heading: campaign.title },
  { name: 'reward list', path: '/rewards', heading: '积分兑换' },
  { name: 'reward page', path: `/rewards/${reward.id}`, heading: reward.title },
  { name: 'voucher list', path: '/vouchers', heading: '我的兑换券' },
  { name: 'report form', path: '/report', heading: '随手拍' },
  { name: 'report list', path: '/reports', heading: '我的上报' },
  { name: '404 page', path: '/no/such/page', heading: '没有找到这个页面' },
  { name: 'more page', path: '/more', heading: '更多' },
  // Signed in, so that the forms show: nominating, applying, an opinion, a sign-up.
  { name: 'honour roll', path: '/honours', heading: '荣誉榜', signedIn: true },
  { name: 'honouree page', path: `/honours/${first('honourees').id}`, heading: first('honourees').name },
  { name: 'knights page', path: '/knights', heading: '先锋骑士团', signedIn: true },
  { name: 'topic list', path: '/voice', heading: '社区议事' },
  { name: 'open topic', path: `/voice/${openTopic.id}`, heading: openTopic.title, signedIn: true },
  { name: 'closed topic', path: `/voice/${closedTopic.id}`, heading: closedTopic.title },
  { name: 'activity list', path: '/activities', heading: '活动' },
  { name: 'sign-up form', path: `/activities/${care.id}`, heading: care.title, signedIn: true },
  { name: 'about page', path: '/about', heading: '关于行动' },
];

const MODES = [
  { name: 'on a phone', config: {} },
  { name: 'in large text', config: { large_text: true } },
  { name: 'on a kiosk', config: { kiosk: true } },
];

/** One line per failing node: rule, impact, what is wrong, where. */
function describe(violations) {
  return violations
    .flatMap((v) =>
      v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary}`),
    )
    .join('\n');
}

for (const mode of MODES) {
  test.describe(mode.name, () => {
    test.use({ appConfig: mode.config });
    for (const { name, path, heading: title, signedIn } of PAGES) {
      test(`the ${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
        if (signedIn) await page.addInitScript(() => localStorage.setItem('youxin.token', 'demo-13800000000'));
        await gotoApp(page, path);
        await expect(heading(page)).toHaveText(title);
        // Wait for every skeleton to be replaced by content.
        await expect(page.getByRole('status').filter({ hasText: '正在加载…' })).toHaveCount(0);
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(violations.length, describe(violations)).toBe(0);
      });
    }
  });
}

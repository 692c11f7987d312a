// Automated accessibility checks (axe-core, WCAG 2.0 A/AA and 2.1 AA) of the
// main page types, in demo mode (the http project skips this file).
import AxeBuilder from '@axe-core/playwright';
import { demoItems, expect, gotoApp, heading, test } from './fixtures.mjs';

const service = demoItems('services')[0];
const reward = demoItems('rewards')[0];

const PAGES = [
  { name: 'home', path: '/', heading: '酉新送暖 · 阳光同行' },
  { name: 'service list', path: '/services', heading: '服务清单' },
  { name: 'service page', path: `/services/${service.id}`, heading: service.title },
  { name: 'campaign list', path: '/campaigns', heading: '文明实践活动' },
  { name: 'reward page', path: `/rewards/${reward.id}`, heading: reward.title },
  { name: 'report form', path: '/report', heading: '随手拍' },
  { name: '404 page', path: '/no/such/page', heading: '没有找到这个页面' },
];

/** One line per failing node: rule, impact, what is wrong, where. */
function describe(violations) {
  return violations
    .flatMap((v) =>
      v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary}`),
    )
    .join('\n');
}

for (const { name, path, heading: title } of PAGES) {
  test(`the ${name} has no WCAG 2.1 AA violations`, async ({ page }) => {
    await gotoApp(page, path);
    await expect(heading(page)).toHaveText(title);
    // Wait for every skeleton to be replaced by content.
    await expect(page.getByRole('status').filter({ hasText: '正在加载…' })).toHaveCount(0);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(violations.length, describe(violations)).toBe(0);
  });
}

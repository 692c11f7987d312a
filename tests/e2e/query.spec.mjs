// What a worker types in a search box is what the box shows, the address
// holds and a reload brings back: no double decoding (a typed %20 stays %20).
import { test, expect, gotoApp, reloadApp, searchBox } from './fixtures.mjs';

for (const typed of ['%20', '100%', 'a+b', '%E9%A9%BF', '热水&充电']) {
  test(`searching for ${typed} keeps exactly that, after a reload too`, async ({ page }) => {
    await gotoApp(page, '/services');
    await searchBox(page).fill(typed);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(typed);
    await expect(searchBox(page)).toHaveValue(typed);

    await reloadApp(page);
    await expect(searchBox(page)).toHaveValue(typed);
    expect(new URL(page.url()).searchParams.get('q')).toBe(typed);
  });
}

// The station finder: a search and filters kept in the address, open now at a
// fixed China time, nearest first when location is allowed, and a clear word
// when it is not.
import { test, expect, gotoApp, reloadApp, demoItems, cards, main } from './fixtures.mjs';

const stations = demoItems('stations');
const night = stations.filter((s) => s.night);
const filterButton = (page, name) => page.getByRole('button', { name, exact: true });
const countLine = (page) => main(page).getByText(/^(共|找到) \d+ 个驿站/);
const searchBox = (page) => page.getByRole('searchbox', { name: '搜索驿站' });
const found = (count) => `找到 ${count} 个驿站（共 ${stations.length} 个）`;
/** The stations a typed word finds by their own words (facility names aside). */
const byWord = (word) => stations.filter((s) => [s.name, s.town, s.address, s.host ?? ''].some((f) => f.includes(word)));

/** Haversine metres, to pick the most isolated station for the location test. */
function metres(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

test('the night filter shows the 星空补给站 and is kept in the address', async ({ page }) => {
  await gotoApp(page, '/stations');
  await expect(countLine(page)).toHaveText(`共 ${stations.length} 个驿站`);
  await filterButton(page, '星空补给站').click();
  await expect(filterButton(page, '星空补给站')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/night=1/);
  await expect(countLine(page)).toHaveText(`找到 ${night.length} 个驿站（共 ${stations.length} 个）`);
  for (const station of night) await expect(main(page).getByText(station.name, { exact: true })).toBeVisible();
  await page.reload();
  await expect(cards(page)).toHaveCount(night.length);
});

test('a facility filter keeps only the stations that have it', async ({ page }) => {
  const withMicrowave = stations.filter((s) => s.facilities.includes('microwave'));
  await gotoApp(page, '/stations');
  await filterButton(page, '微波炉').click();
  await expect(page).toHaveURL(/facility=microwave/);
  await expect(cards(page)).toHaveCount(withMicrowave.length);
  await filterButton(page, '微波炉').click();
  await expect(cards(page)).toHaveCount(stations.length);
});

test('typing a town finds its stations, with the chips too, and both are kept in the address', async ({ page }) => {
  // The town with most stations, some of them night stations but not all.
  const town = [...new Set(stations.map((s) => s.town))]
    .map((name) => ({ name, matches: byWord(name) }))
    .filter(({ matches }) => matches.some((s) => s.night) && matches.some((s) => !s.night) && matches.length < stations.length)
    .sort((a, b) => b.matches.length - a.matches.length)[0];
  await gotoApp(page, '/stations');
  await expect(countLine(page)).toHaveText(`共 ${stations.length} 个驿站`);

  await searchBox(page).fill(town.name);
  await expect(countLine(page)).toHaveText(found(town.matches.length));
  await expect(cards(page)).toHaveCount(town.matches.length);
  await filterButton(page, '星空补给站').click();
  const nightInTown = town.matches.filter((s) => s.night);
  await expect(countLine(page)).toHaveText(found(nightInTown.length));
  for (const station of nightInTown) await expect(main(page).getByText(station.name, { exact: true })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(town.name);
  expect(new URL(page.url()).searchParams.get('night')).toBe('1');

  await reloadApp(page);
  await expect(searchBox(page)).toHaveValue(town.name);
  await expect(countLine(page)).toHaveText(found(nightInTown.length));
});

test('typing a facility finds the stations that have it', async ({ page }) => {
  const withMicrowave = stations.filter((s) => s.facilities.includes('microwave') || byWord('微波炉').includes(s));
  expect(withMicrowave.length).toBeLessThan(stations.length);
  await gotoApp(page, '/stations');
  await searchBox(page).fill('微波炉');
  await expect(countLine(page)).toHaveText(found(withMicrowave.length));
  await expect(cards(page)).toHaveCount(withMicrowave.length);
});

test('a search with no station says so, and 查看全部驿站 brings every station back', async ({ page }) => {
  await gotoApp(page, '/stations');
  await searchBox(page).fill('无此驿站zzqx');
  await expect(main(page).getByText('没有符合条件的驿站')).toBeVisible();
  await expect(cards(page)).toHaveCount(0);
  await main(page).getByRole('link', { name: '查看全部驿站' }).click();
  await expect(searchBox(page)).toHaveValue('');
  await expect(cards(page)).toHaveCount(stations.length);
  expect(new URL(page.url()).search).toBe('');
});

for (const timezoneId of ['Asia/Shanghai', 'America/New_York']) {
  test.describe(`on a phone set to ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('at 23:00 China time, "open now" keeps the night stations and drops a day station', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-30T23:00:00+08:00'));
      const dayStation = stations.find((s) => !s.night && !s.hours.always_open && s.hours.spans.every((sp) => sp.closes <= '22:00' && sp.opens < sp.closes));
      await gotoApp(page, '/stations?open=1');
      await expect(filterButton(page, '营业中')).toHaveAttribute('aria-pressed', 'true');
      for (const station of night) {
        await expect(cards(page).filter({ hasText: station.name })).toContainText('营业中 · 明天 06:00 关门');
      }
      await expect(main(page).getByText(dayStation.name, { exact: true })).toHaveCount(0);
    });
  });
}

test('with location allowed, the nearest station comes first with its distance', async ({ page, context }) => {
  const isolated = stations
    .map((s) => ({ s, gap: Math.min(...stations.filter((o) => o !== s).map((o) => metres(s.location, o.location))) }))
    .sort((a, b) => b.gap - a.gap)[0].s;
  await context.grantPermissions(['geolocation']);
  // The browser reports WGS-84; the app converts it to GCJ-02 (a few hundred metres away).
  await context.setGeolocation({ latitude: isolated.location.lat, longitude: isolated.location.lng });
  await gotoApp(page, '/stations');
  await page.getByRole('button', { name: '按距离排序（使用我的位置）' }).click();
  await expect(page.getByRole('button', { name: '重新定位' })).toBeVisible();
  const first = cards(page).first();
  await expect(first).toContainText(isolated.name);
  await expect(first).toContainText(/\d+ 米 · 步行 15 分钟内/);
});

test('with location refused, the list still works and says why distances are missing', async ({ page, context }) => {
  await context.clearPermissions();
  await gotoApp(page, '/stations');
  await page.getByRole('button', { name: '按距离排序（使用我的位置）' }).click();
  await expect(page.getByText('没有获得定位权限')).toBeVisible();
  await expect(cards(page)).toHaveCount(stations.length);
});

test('a station page says whether it is open and links a route in AMap', async ({ page }) => {
  const station = night[0];
  await page.clock.setFixedTime(new Date('2026-11-30T12:00:00+08:00'));
  await gotoApp(page, `/stations/${station.id}`);
  await expect(page.getByText('已休息 · 20:00 开门')).toBeVisible();
  const route = page.getByRole('link', { name: '用高德地图导航到这里' });
  await expect(route).toHaveAttribute('href', new RegExp(`^https://uri\\.amap\\.com/navigation\\?to=${station.location.lng.toFixed(6)},${station.location.lat.toFixed(6)},`));
});

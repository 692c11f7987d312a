// 随手拍 and 我的上报, in both modes: photos are shrunk before they leave the
// phone, the draft survives a reload, a report made offline arrives once, and
// a sign-in that lapses loses nothing.
import { test, expect, gotoApp, reloadApp, signIn, demoItems, main, mainNav } from './fixtures.mjs';

const MAX_PHOTO_BYTES = 400 * 1024;

/** Puts `count` camera-sized JPEGs into the photo picker, made by a canvas in the page; returns their sizes. */
async function pickPhotos(page, count, width = 4000, height = 3000) {
  return page.evaluate(
    async ({ count, width, height }) => {
      // Grain over a gradient: a photo's detail, which JPEG cannot squeeze away.
      const tile = new OffscreenCanvas(256, 256);
      const grain = tile.getContext('2d').createImageData(256, 256);
      for (let i = 0; i < grain.data.length; i += 4) {
        const v = 100 + Math.random() * 60;
        grain.data.set([v, v * 0.9, v * 0.8, 255], i);
      }
      tile.getContext('2d').putImageData(grain, 0, 0);
      const files = [];
      for (let n = 0; n < count; n++) {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d');
        context.fillStyle = context.createPattern(tile, 'repeat');
        context.fillRect(0, 0, width, height);
        context.globalCompositeOperation = 'multiply';
        const gradient = context.createLinearGradient(0, 0, width, height);
        gradient.addColorStop(0, '#f4d9a0');
        gradient.addColorStop(1, '#6fa0c8');
        context.fillStyle = gradient;
        context.fillRect(0, 0, width, height);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
        files.push(new File([blob], `camera-${n + 1}.jpg`, { type: 'image/jpeg' }));
      }
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      const input = document.querySelector('input[type=file]');
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return files.map((file) => file.size);
    },
    { count, width, height },
  );
}

const photos = (page) => page.locator('.photos > li');
const latest = (page) => page.locator('#report-latest');
const submitButton = (page) => page.getByRole('button', { name: '提交', exact: true });

async function signInTo(page, path) {
  await gotoApp(page, `/login?next=${encodeURIComponent(path)}`);
  await signIn(page);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

async function fillReport(page, text) {
  await page.getByRole('radio', { name: '道路隐患' }).check();
  await page.getByLabel('描述').fill(text);
  await page.getByLabel('地址或地点').fill('桃花源大道与民族路路口');
}

/** How many times `text` is listed on 我的上报 once it has loaded. */
async function timesListed(page, text) {
  await gotoApp(page, '/reports');
  await expect(main(page).locator('.report').first()).toBeVisible();
  return main(page).locator('.report').filter({ hasText: text }).count();
}

test('two camera photos are shrunk to at most 400 KB each and sent with the report', async ({ page, mode, mock, mockURL }) => {
  test.setTimeout(120_000);
  await signInTo(page, '/report');
  await fillReport(page, '路口井盖松动，电动车经过容易侧滑。');
  const picked = await pickPhotos(page, 2);
  for (const size of picked) expect(size, 'the test photo is camera-sized').toBeGreaterThan(1_500_000);

  await expect(photos(page)).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByRole('img', { name: '照片 2' })).toBeVisible();
  const shown = await page.locator('.photo-size').evaluateAll((spans) =>
    spans.map((s) => ({ bytes: Number(s.dataset.bytes), text: s.textContent })),
  );
  for (const { bytes, text } of shown) {
    expect(bytes).toBeLessThanOrEqual(MAX_PHOTO_BYTES);
    const [width, height] = text.split('，')[0].split('×').map(Number);
    expect(Math.max(width, height), text).toBeLessThanOrEqual(1600);
    expect(width / height, 'the shape is kept').toBeCloseTo(4 / 3, 1);
  }

  // A double tap sends one report.
  await submitButton(page).dblclick();
  await expect(latest(page)).toContainText('已提交', { timeout: 20_000 });
  await expect(page.locator('#report-problems')).toBeEmpty();

  if (mode === 'http') {
    const uploads = await (await fetch(`${mockURL}/__mock/uploads`)).json();
    expect(uploads).toHaveLength(2);
    for (const upload of uploads) {
      expect(upload.jpeg).toBe(true);
      expect(upload.bytes).toBeLessThanOrEqual(MAX_PHOTO_BYTES);
    }
    const posts = (await mock.requests()).filter((r) => r.method === 'POST' && !r.path.startsWith('/v1/auth/'));
    expect(posts.map((r) => r.path)).toEqual(['/v1/uploads', '/v1/uploads', '/v1/reports']);
  } else {
    const state = await page.evaluate(() => JSON.parse(localStorage.getItem('youxin.demo-state')));
    const sizes = Object.values(state.uploads);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_PHOTO_BYTES);
    expect(state.reports[0].photos).toEqual(Object.keys(state.uploads));
  }
  expect(await timesListed(page, '路口井盖松动，电动车经过容易侧滑。')).toBe(1);
});

test('the draft survives a reload, photo included, and 放弃草稿 clears it', async ({ page }) => {
  test.setTimeout(60_000);
  await gotoApp(page, '/report');
  await fillReport(page, '消防通道堆满了纸箱。');
  await page.getByRole('radio', { name: '消防隐患' }).check();
  await page.getByLabel('不公开我的姓名').check();
  await pickPhotos(page, 1, 1200, 900);
  await expect(photos(page)).toHaveCount(1);
  await expect(page.getByText('已写 10 字，还能写 490 字')).toBeVisible();

  await reloadApp(page);
  await expect(page.getByLabel('描述')).toHaveValue('消防通道堆满了纸箱。');
  await expect(page.getByRole('radio', { name: '消防隐患' })).toBeChecked();
  await expect(page.getByLabel('地址或地点')).toHaveValue('桃花源大道与民族路路口');
  await expect(page.getByLabel('不公开我的姓名')).toBeChecked();
  await expect(page.getByRole('img', { name: '照片 1' })).toBeVisible();

  await page.getByRole('button', { name: '放弃草稿' }).click();
  await page.getByRole('button', { name: '确定放弃' }).click();
  await expect(page.getByText('草稿已放弃。')).toBeVisible();
  await expect(page.getByLabel('描述')).toHaveValue('');
  await expect(photos(page)).toHaveCount(0);
  await reloadApp(page);
  await expect(page.getByLabel('描述')).toHaveValue('');
  await expect(page.getByRole('radio', { name: '消防隐患' })).not.toBeChecked();
  await expect(photos(page)).toHaveCount(0);
});

test('a draft that is not complete says what is missing and sends nothing', async ({ page }) => {
  await gotoApp(page, '/report');
  await page.getByLabel('描述').fill('坑');
  await submitButton(page).click();
  const problems = page.locator('#report-problems');
  await expect(problems).toContainText('请选择隐患类别。');
  await expect(problems).toContainText('至少 5 个字');
  await expect(problems).toContainText('请使用我的位置，或填写隐患所在的地址。');
  await expect(page).toHaveURL(/\/report$/);
});

test('a report made offline is delivered exactly once after the connection returns, across a reload', async ({
  page,
  context,
  mode,
  mock,
}) => {
  test.setTimeout(60_000);
  const text = '桥下积水很深，晚上看不清，电动车容易熄火。';
  await signInTo(page, '/report');
  await fillReport(page, text);
  await context.setOffline(true);
  await submitButton(page).click();
  await expect(latest(page)).toContainText('没有网络');
  await expect(page.getByLabel('描述'), 'the form is free for the next report').toHaveValue('');

  await context.setOffline(false);
  await reloadApp(page);
  await expect(latest(page)).toContainText('已提交', { timeout: 20_000 });
  expect(await timesListed(page, text)).toBe(1);
  if (mode === 'http') {
    const posts = (await mock.requests()).filter((r) => r.method === 'POST' && r.path === '/v1/reports');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(new Set(posts.map((r) => r.idempotency_key)).size, 'one key for every try').toBe(1);
  }
});

test('signed out, 提交 asks to sign in and comes back with the draft intact', async ({ page }) => {
  const text = '十字路口红绿灯坏了一整天。';
  await gotoApp(page, '/report');
  await fillReport(page, text);
  await submitButton(page).click();
  await expect(page).toHaveURL(/\/login\?next=%2Freport$/);
  await signIn(page);
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByLabel('描述')).toHaveValue(text);
  await expect(page.getByRole('radio', { name: '道路隐患' })).toBeChecked();
  await submitButton(page).click();
  await expect(latest(page)).toContainText('已提交', { timeout: 20_000 });
});

test('a report refused with 401 waits, and goes once the worker signs in again', async ({ page }) => {
  const text = '菜市场门口的电线垂到了头顶。';
  // A token the backend no longer accepts: the app only learns so from a 401.
  await page.addInitScript((token) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('youxin.token', token);
      sessionStorage.setItem('seeded', '1');
    }
  }, 'expired-token');
  await gotoApp(page, '/report');
  await fillReport(page, text);
  await submitButton(page).click();
  await expect(latest(page)).toContainText('登录已过期');
  await latest(page).getByRole('link', { name: '重新登录' }).click();
  await signIn(page);
  await expect(page).toHaveURL(/\/report$/);
  await expect(latest(page)).toContainText('已提交', { timeout: 20_000 });
  expect(await timesListed(page, text)).toBe(1);
});

test('我的上报 shows each report as it stands, with the reason for 未采纳', async ({ page }) => {
  await signInTo(page, '/reports');
  const reports = demoItems('reports');
  const accepted = reports.find((r) => r.status === 'accepted');
  const rejected = reports.find((r) => r.status === 'rejected');
  const card = (report) => main(page).locator('.report').filter({ hasText: report.text });
  await expect(card(accepted)).toContainText(`已采纳 +${accepted.points_awarded} 分`);
  await expect(card(rejected)).toContainText('未采纳');
  await expect(card(rejected)).toContainText(`原因：${rejected.review_note}`);
  await expect(card(reports.find((r) => r.status === 'pending'))).toContainText('已提交待审核');
});

test('使用我的位置 keeps the place and suggests the town of the nearest station', async ({ page, context }) => {
  // A station far from every other one: whatever the datum shift, it is the nearest.
  const stations = demoItems('stations').filter((s) => s.location && s.town);
  const apart = (s) =>
    Math.min(...stations.filter((o) => o !== s).map((o) => Math.hypot(o.location.lat - s.location.lat, o.location.lng - s.location.lng)));
  const isolated = stations.sort((a, b) => apart(b) - apart(a))[0];
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: isolated.location.lat, longitude: isolated.location.lng });
  await gotoApp(page, '/report');
  await page.getByRole('button', { name: '使用我的位置' }).click();
  await expect(page.getByText(`按最近的驿站推荐镇街：${isolated.town}`)).toBeVisible();
  await expect(page.getByLabel('所在镇街（可不填）')).toHaveValue(isolated.town);
  // The place is enough: no typed address is asked for.
  await page.getByRole('radio', { name: '其他' }).check();
  await page.getByLabel('描述').fill('这里有一处隐患。');
  await reloadApp(page);
  await expect(page.getByRole('button', { name: '清除位置' }), 'the position is part of the draft').toBeVisible();
});

test('a refused position is explained and a typed address still does', async ({ page, context }) => {
  await context.clearPermissions();
  await gotoApp(page, '/report');
  await page.getByRole('button', { name: '使用我的位置' }).click();
  await expect(page.getByText('没有获得定位权限。可以在浏览器或微信设置里允许定位，或直接填写地址。')).toBeVisible();
  await expect(page.getByRole('button', { name: '使用我的位置' })).toBeEnabled();
});

test('随手拍 is one tap from the home page, and 积分 leads to it and to 我的上报', async ({ page }) => {
  await gotoApp(page, '/');
  await main(page).getByRole('link', { name: /^随手拍/ }).click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(main(page).getByRole('heading', { level: 1, name: '随手拍' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: '积分' })).toHaveAttribute('aria-current', 'page');

  await gotoApp(page, '/points');
  await main(page).getByRole('link', { name: /^我的上报/ }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(main(page).getByRole('heading', { level: 1, name: '我的上报' })).toBeVisible();
});

// 朗读: service, course, story and honour pages read themselves aloud in
// Chinese with the browser's speech synthesis, and stop; without speech
// synthesis there is no button. The browser's voice is replaced by a recorder.
import { demoItems, expect, gotoApp, heading, main, test } from './fixtures.mjs';

/** Replaces speech synthesis with one that records what it is asked to say. */
async function recordSpeech(page) {
  await page.addInitScript(() => {
    window.__spoken = [];
    window.__cancelled = 0;
    class Utterance {
      constructor(text) { this.text = text; this.lang = ''; this.onend = null; }
    }
    window.SpeechSynthesisUtterance = Utterance;
    const synthesis = {
      current: null,
      getVoices: () => [{ lang: 'en-US', name: 'English' }, { lang: 'zh-CN', name: '普通话' }],
      speak(u) { this.current = u; window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name }); },
      cancel() { window.__cancelled += 1; const u = this.current; this.current = null; u?.onend?.(); },
      finish() { const u = this.current; this.current = null; u?.onend?.(); },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  });
}

const readButton = (page) => main(page).getByRole('button', { name: '朗读', exact: true });
const stopButton = (page) => main(page).getByRole('button', { name: '停止朗读' });

const PAGES = [
  ['service', `/services/${demoItems('services')[0].id}`, demoItems('services')[0].title],
  ['course', `/courses/${demoItems('courses')[0].id}`, demoItems('courses')[0].title],
  ['story', `/stories/${demoItems('stories')[0].id}`, demoItems('stories')[0].title],
  ['honouree', `/honours/${demoItems('honourees')[0].id}`, demoItems('honourees')[0].name],
];

for (const [name, path, title] of PAGES) {
  test(`a ${name} page is read aloud in Chinese, and stops`, async ({ page }) => {
    await recordSpeech(page);
    await gotoApp(page, path);
    await expect(heading(page)).toHaveText(title);
    await readButton(page).click();
    await expect(stopButton(page)).toHaveAttribute('aria-pressed', 'true');
    const [spoken] = await page.evaluate(() => window.__spoken);
    expect(spoken.text.startsWith(`${title}。`)).toBe(true);
    expect(spoken.lang).toBe('zh-CN');
    expect(spoken.voice).toBe('普通话');
    await stopButton(page).click();
    await expect(readButton(page)).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => window.__cancelled)).toBeGreaterThan(0);
  });
}

test('reading ends by itself, and leaving the page stops it', async ({ page }) => {
  await recordSpeech(page);
  const [, path, title] = PAGES[0];
  await gotoApp(page, path);
  await expect(heading(page)).toHaveText(title);
  await readButton(page).click();
  await page.evaluate(() => window.speechSynthesis.finish());
  await expect(readButton(page)).toBeVisible();
  await readButton(page).click();
  const cancelled = await page.evaluate(() => window.__cancelled);
  await page.getByRole('navigation', { name: '位置' }).getByRole('link').click();
  await expect(heading(page)).toHaveText('服务清单');
  expect(await page.evaluate(() => window.__cancelled)).toBeGreaterThan(cancelled);
});

test('without speech synthesis there is no 朗读', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
  });
  const [, path, title] = PAGES[0];
  await gotoApp(page, path);
  await expect(heading(page)).toHaveText(title);
  await expect(main(page).getByRole('button', { name: /朗读/ })).toHaveCount(0);
});

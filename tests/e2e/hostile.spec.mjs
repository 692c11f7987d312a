// A hostile backend, end to end: every case of hostile-cases.mjs is played
// against every page that loads data (page.route on the contract path in http
// mode, on the demo file that serves it in demo mode), and each time:
// - no panic, page error or dialog;
// - the page settles on its content, an error notice or (a signed-in call
//   refused) the sign-in link, under its h1 or an error notice: never blank;
// - no injected script runs (the window canary stays undefined), no element
//   carries an inline handler, no href/src in the DOM is javascript:, data: or vbscript:;
// - a failure worth retrying offers 重试, and 重试 with a good answer recovers;
//   a refusal offers none;
// - what the worker typed before the answer came stays in its box.
// The cases of one page run in one test; a failure names the page and the case.
import { CANARY, CASES, SLOW_CASES, TARGETS } from './hostile-cases.mjs';
import { alert, expect, forgetSavedAnswers, gotoApp, heading, main, retryButton, test } from './fixtures.mjs';

const PANIC = /panicked|RuntimeError: unreachable/;
const TOKENS = { demo: 'demo-13800000000', http: 'mock-token-13800000000' };
const TYPED = '驿站 %20';
const CORS = { 'Access-Control-Allow-Origin': '*' };
/** Time one case may take when it goes wrong; a passing case takes far less. */
const CASE_BUDGET_MS = 25_000;

const applies = (hostile, target) => hostile.applies?.(target) ?? true;
const expectationOf = (hostile, mode) => (typeof hostile.expect === 'string' ? hostile.expect : hostile.expect[mode]);

/** A target dealt its share apart (`apart: n`) gets every n-th case, and leaves the others' deal as it was. */
const DEALT = TARGETS.filter((t) => !t.apart);

/**
 * The cases played on a target in a mode: those marked everywhere, and a
 * share of the rest, each dealt to one of the targets it applies to (another
 * one in each mode). Content cases only in demo mode.
 */
function casesFor(target, mode, cases) {
  const turn = mode === 'demo' ? 0 : 1;
  return cases.filter((hostile, i) => {
    if (!applies(hostile, target) || (hostile.content && mode !== 'demo')) return false;
    if (hostile.everywhere) return true;
    if (target.apart) return (i + turn) % target.apart === 0;
    const targets = DEALT.filter((t) => applies(hostile, t));
    return targets[(i + turn) % targets.length] === target;
  });
}

test('the corpus has at least 60 bad answers, each played on some page', () => {
  const all = [...CASES, ...SLOW_CASES];
  expect(all.length).toBeGreaterThanOrEqual(60);
  expect(new Set(all.map((c) => c.name)).size, 'case names are unique').toBe(all.length);
  for (const mode of ['demo', 'http']) {
    const played = TARGETS.flatMap((t) => [...casesFor(t, mode, CASES), ...casesFor(t, mode, SLOW_CASES)]);
    console.log(`hostile corpus: ${all.length} bad answers; ${mode} mode plays ${played.length} (page, answer) pairs`);
    for (const target of TARGETS) {
      expect(casesFor(target, mode, CASES).length, `${mode}: ${target.name} gets cases`).toBeGreaterThan(0);
    }
  }
  const everPlayed = new Set(TARGETS.flatMap((t) => casesFor(t, 'demo', CASES).concat(casesFor(t, 'http', CASES))));
  expect(CASES.filter((c) => !everPlayed.has(c)).map((c) => c.name), 'every case is played').toEqual([]);
});

/** The body the backend sends for the case, as text. */
function bodyOf(answer, target, mode, request) {
  if (answer.body !== undefined) return answer.body;
  if (answer.endless) {
    // In http mode each page names a new next page; the demo backend ignores `next`.
    const n = Number(new URL(request.url()).searchParams.get('cursor')?.slice(1) ?? 0);
    const item = target.good[n % target.good.length];
    return JSON.stringify({ items: [{ ...item, id: `${item.id}-p${n}` }], next: `p${n + 1}` });
  }
  if (answer.item === undefined) return JSON.stringify(answer.json);
  if (target.kind === 'list') return JSON.stringify({ items: [answer.item, ...target.good.slice(1)], next: null });
  if (target.kind === 'item' && mode === 'demo') {
    // The demo backend finds the item in its list file.
    const file = target.fileItems.map((item) => (item.id === target.good.id ? answer.item : item));
    return JSON.stringify({ items: file, next: null });
  }
  return JSON.stringify(answer.item);
}

/** A route handler that gives the case's answer, once `gate` opens. */
function hostileHandler(answer, target, mode, gate, answered) {
  return async (route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') {
      return route.fulfill({
        status: 204,
        headers: { ...CORS, 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'GET, POST' },
      });
    }
    await gate;
    if (answer.hang) return; // never answered
    if (answer.abort) {
      await route.abort(answer.abort);
    } else {
      await route.fulfill({
        status: answer.status ?? 200,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          ...(answer.cors === false ? {} : CORS),
          ...answer.headers,
        },
        body: bodyOf(answer, target, mode, request),
      });
    }
    answered();
  };
}

/** What in the DOM would let a stranger's markup act: inline handlers and script-like URLs. */
function unsafeMarkup() {
  const found = [];
  const scriptLike = /^(javascript|data|vbscript):/i;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}>`);
      if (!['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'srcset', 'data'].includes(attr.name)) continue;
      let protocol = '';
      try {
        protocol = new URL(attr.value, document.baseURI).protocol;
      } catch {
        // An unparseable URL is not followed.
      }
      const squeezed = attr.value.replace(/[\s\u0000-\u001f]/g, '');
      if (scriptLike.test(protocol) || scriptLike.test(squeezed)) {
        found.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`);
      }
    }
  }
  return found;
}

/**
 * Taps every 重试 on the page, one at a time (in demo mode one bad file can
 * fail two calls of the same page).
 */
async function retryEach(page, label) {
  for (let left = await retryButton(page).count(); left > 0; left -= 1) {
    await retryButton(page).first().click();
    await expect(retryButton(page), `${label}: 重试 recovers`).toHaveCount(left - 1);
  }
}

/** Plays one case on one page; throws an error that names both if a promise is broken. */
async function play(page, { mode, mockURL }, target, hostile, problems) {
  const label = `[${mode}] ${target.name} ← ${hostile.name}`;
  const answer = hostile.answer(target);
  const expectation = expectationOf(hostile, mode);
  problems.length = 0;

  const mockOrigin = new URL(mockURL).origin;
  const matcher =
    mode === 'http'
      ? (url) => url.origin === mockOrigin && url.pathname === target.path
      : (url) => url.pathname === `/demo/${target.demo}.json`;
  let open;
  const gate = new Promise((resolve) => (open = resolve));
  let answered;
  const responded = new Promise((resolve) => (answered = resolve));
  const handler = hostileHandler(answer, target, mode, gate, answered);
  await page.route(matcher, handler);

  try {
    await gotoApp(page, target.url);
    const searchbox = target.search ? page.getByRole('searchbox', { name: target.search }) : null;
    // The worker types while the answer is still on its way.
    if (searchbox) await searchbox.fill(TYPED);
    open();
    if (!answer.hang) await responded;

    // Each personal page offers its own sign-in link: 登录查看我的积分, 登录查看兑换券…
    const signInLink = main(page).getByRole('link', { name: /^登录/ });
    const content = target.content ? main(page).locator(target.content) : null;
    const outcome = content ? content.or(alert(page)).or(signInLink) : null;
    if (expectation === 'retry') {
      await expect(alert(page).first(), `${label}: an error notice`).toBeVisible();
      await expect(retryButton(page).first(), `${label}: 重试 offered`).toBeVisible();
    } else if (expectation === 'notice') {
      await expect(alert(page).first(), `${label}: an error notice`).toBeVisible();
    } else if (expectation === 'refused') {
      await expect(alert(page).or(signInLink).first(), `${label}: an error notice`).toBeVisible();
      await expect(alert(page).getByRole('button', { name: '重试' }), `${label}: no 重试 for a refusal`).toHaveCount(0);
    } else if (outcome) {
      // Rendering 5,000 cards on a busy two-core machine takes a while: wait for it, not for a fast machine.
      await expect(outcome.first(), `${label}: content or an error notice`).toBeVisible({ timeout: 20_000 });
    }
    await expect(main(page).locator('.skeleton'), `${label}: still loading`).toHaveCount(0);
    await expect(heading(page).or(alert(page)).first(), `${label}: a heading or an error notice`).toBeVisible();
    if (searchbox) await expect(searchbox, `${label}: what was typed stays`).toHaveValue(TYPED);
    expect(await page.evaluate((name) => window[name], CANARY), `${label}: an injected script ran`).toBeUndefined();
    expect(await page.evaluate(unsafeMarkup), `${label}: unsafe markup in the DOM`).toEqual([]);
    expect(problems, `${label}: no panic, page error or dialog`).toEqual([]);

    if (expectation === 'retry') {
      await page.unroute(matcher, handler);
      await retryEach(page, label);
      await expect(alert(page), `${label}: 重试 recovers`).toHaveCount(0);
      await expect(heading(page), `${label}: 重试 recovers`).toHaveText(target.heading);
      if (content) await expect(content.first(), `${label}: 重试 shows the content`).toBeVisible();
      if (searchbox) await expect(searchbox, `${label}: what was typed stays after 重试`).toHaveValue(TYPED);
      expect(problems, `${label}: no panic, page error or dialog after 重试`).toEqual([]);
    }
  } finally {
    open();
    await page.unroute(matcher, handler);
  }
}

/** Runs cases on a target, collecting every broken promise before failing. */
async function playAll(page, options, target, cases) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (PANIC.test(message.text())) problems.push(`console: ${message.text().slice(0, 300)}`);
  });
  page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
  if (target.signedIn) {
    await page.addInitScript((token) => localStorage.setItem('youxin.token', token), TOKENS[options.mode]);
  }
  // Each case is the page's first read: no answer an earlier case left on the
  // phone stands in for a failed one (saved-answers.http.spec.mjs covers that).
  await page.addInitScript(forgetSavedAnswers);
  const failures = [];
  for (const hostile of cases) {
    await test.step(hostile.name, async () => {
      try {
        await play(page, options, target, hostile, problems);
      } catch (error) {
        failures.push(error.message.split('\n').slice(0, 3).join(' '));
      }
    });
  }
  expect(failures, `${failures.length} of ${cases.length} bad answers broke a promise`).toEqual([]);
}

// A trace's DOM snapshots of a page holding 5,000 cards took minutes per
// case on two cores (3 min for /vouchers, 5 s without), so these traces keep
// screenshots and each step's label, not the DOM.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false } });

test.describe('a hostile backend', () => {
  for (const target of TARGETS) {
    test(`${target.name} (${target.url})`, async ({ page, mode, mockURL }) => {
      const cases = casesFor(target, mode, CASES);
      test.setTimeout(cases.length * CASE_BUDGET_MS);
      await playAll(page, { mode, mockURL }, target, cases);
    });
  }
});

test.describe('a hostile backend that never answers', () => {
  test.use({ appConfig: { timeout_ms: 1500 } });
  for (const target of TARGETS) {
    test(`${target.name} (${target.url})`, async ({ page, mode, mockURL }) => {
      const cases = casesFor(target, mode, SLOW_CASES);
      test.setTimeout(cases.length * CASE_BUDGET_MS + 10_000);
      await playAll(page, { mode, mockURL }, target, cases);
    });
  }
});

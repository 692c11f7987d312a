// The start-up script of a release build (scripts/start-up.mjs): what a cold
// visit starts downloading before the app runs, for each address, mode and
// config, and what it leaves for the app to take.
// Run: node --test tests/contract/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addressOf, earlyAnswers, headingOf, readable, startUp } from '../../scripts/start-up.mjs';

const reads = JSON.parse(readFileSync(new URL('../../src/first_reads.json', import.meta.url), 'utf8'));
const TABLES = {
  pages: { services: ['split_services.wasm', 'chunk_1.wasm'], 'services/:id': ['split_service.wasm'] },
  reads,
  demoCode: ['split_demo_backend.wasm', 'chunk_9.wasm'],
  sections: { services: '服务清单', stations: '酉新驿站' },
};
const ORIGIN = 'https://app.example.cn';
const MODULE = `${ORIGIN}/app-0123/youxin.js`;
const BACKEND = 'https://api.example.cn/youxin';

/**
 * Runs the script at `path` with config.json answering `config` (a value to
 * serve as JSON, or a Response), and records what it asks for and draws.
 * `beforePaint` runs when the page's first paint would: what the app does
 * before it. `answer(url, early)` is the Response to any other request.
 */
async function visit(path, config, { base = '/', signedIn = false, beforePaint = () => {}, answer = () => new Response('{}') } = {}) {
  const url = new URL(path, ORIGIN);
  const fetched = [];
  const preloaded = [];
  const drawn = [];
  const early = earlyAnswers();
  const env = {
    baseURI: new URL(base, ORIGIN).href,
    location: { pathname: url.pathname, search: url.search, hash: url.hash },
    moduleURL: MODULE,
    signedIn,
    preload: (href) => preloaded.push(href),
    fetch: (to, init) => {
      fetched.push({ url: to, init });
      if (to.endsWith('/config.json')) {
        return Promise.resolve(config instanceof Response ? config : new Response(JSON.stringify(config)));
      }
      return Promise.resolve(answer(to, early));
    },
    afterFirstPaint: async () => beforePaint({ early, urls: fetched.map((f) => f.url), preloaded: [...preloaded] }),
    early,
    draw: (heading) => drawn.push(heading),
  };
  await startUp(TABLES, env);
  return { fetched, urls: fetched.map((f) => f.url), preloaded, early, drawn };
}

const demo = { api_base: null, demo_base: 'demo' };
const backend = { api_base: BACKEND };

test('a cold link in http mode asks for config.json, then the site and the page’s first data at the backend', async () => {
  const { fetched, urls, preloaded } = await visit('/services', backend);
  assert.deepEqual(preloaded, [`${ORIGIN}/app-0123/split_services.wasm`, `${ORIGIN}/app-0123/chunk_1.wasm`]);
  assert.deepEqual(urls, [`${ORIGIN}/config.json`, `${BACKEND}/v1/site`, `${BACKEND}/v1/services`]);
  // As the app asks: config.json past any cache, the backend for JSON.
  assert.equal(fetched[0].init.cache, 'no-cache');
  assert.equal(fetched[1].init.headers.Accept, 'application/json');
});

test('a detail page’s id is asked for as the app encodes it', async () => {
  const { urls } = await visit('/services/svc%2001', backend);
  assert.equal(urls.at(-1), `${BACKEND}/v1/services/svc%2001`);
});

test('every answer waits for the app under its URL, taken once, cancelled with the app’s request', async () => {
  const { fetched, urls, early } = await visit('/points', backend);
  assert.deepEqual(urls.slice(2), [`${BACKEND}/v1/points/rules`, `${BACKEND}/v1/rewards`]);
  const leaving = new AbortController();
  for (const { url, init } of fetched) {
    assert.ok((await early.take(url, leaving.signal)) instanceof Response, url);
    assert.equal(early.take(url, leaving.signal), undefined, `${url} is taken once`);
    assert.equal(init.signal.aborted, false);
  }
  leaving.abort();
  assert.ok(fetched.every(({ init }) => init.signal.aborted), 'the app’s cancel reaches every fetch');
  assert.equal(early.take(`${BACKEND}/v1/never-asked`), undefined);
});

test('a request cancelled before it takes its answer cancels the fetch at once', async () => {
  const { fetched, early } = await visit('/services', backend);
  const services = fetched.find(({ url }) => url.endsWith('/v1/services'));
  early.take(services.url, AbortSignal.abort());
  assert.equal(services.init.signal.aborted, true);
});

test('the app can still read the config the script read', async () => {
  const { early } = await visit('/', demo);
  const response = await early.take(`${ORIGIN}/config.json`);
  assert.deepEqual(JSON.parse(await response.text()), demo);
});

test('the data waits for the page’s first paint; config.json and the page’s code do not', async () => {
  let atPaint;
  await visit('/services', backend, { beforePaint: (seen) => (atPaint = seen) });
  assert.deepEqual(atPaint.urls, [`${ORIGIN}/config.json`]);
  assert.equal(atPaint.preloaded.length, 2);
});

test('what the app asked for before the first paint is not asked again', async () => {
  const appFirst = ({ early }) => early.take(`${BACKEND}/v1/site`);
  const { urls } = await visit('/services', backend, { beforePaint: appFirst });
  assert.deepEqual(urls, [`${ORIGIN}/config.json`, `${BACKEND}/v1/services`]);

  // An app already running fetches the demo backend's code itself.
  const running = ({ early }) => early.take(`${ORIGIN}/config.json`);
  const demoVisit = await visit('/points', demo, { beforePaint: running });
  assert.deepEqual(demoVisit.preloaded, []);
  assert.equal(demoVisit.urls.length, 4, 'the data’s files are fetched all the same');

  // Once the start-up code is done, the app's requests are not remembered: it may ask again later.
  const later = await visit('/', backend);
  later.early.take(`${BACKEND}/v1/site`);
  assert.equal(later.early.asked(`${BACKEND}/v1/site`), false);
});

test('on the demo data, the data’s files and the demo backend’s code are fetched', async () => {
  const { urls, preloaded } = await visit('/stories', demo);
  assert.deepEqual(urls, [`${ORIGIN}/config.json`, `${ORIGIN}/demo/site.json`, `${ORIGIN}/demo/stories.json`]);
  assert.deepEqual(preloaded, [`${ORIGIN}/app-0123/split_demo_backend.wasm`, `${ORIGIN}/app-0123/chunk_9.wasm`]);
});

test('on the demo data, a page not drawn from data leaves the demo backend’s code to the app', async () => {
  for (const path of ['/', '/more', '/courses?kind=online']) {
    const { urls, preloaded } = await visit(path, demo);
    assert.deepEqual(preloaded, [], path);
    assert.deepEqual(urls, [`${ORIGIN}/config.json`, `${ORIGIN}/demo/site.json`], path);
  }
});

test('on the demo data, a page whose files are answered as they are fetches them without the backend’s code', async () => {
  const pages = [
    ['/services', ['services']],
    ['/stations', ['stations']],
    ['/courses', ['courses']],
    ['/points', ['points-rules', 'rewards']],
  ];
  for (const [path, files] of pages) {
    const { urls, preloaded } = await visit(path, demo);
    assert.deepEqual(
      preloaded.filter((href) => TABLES.demoCode.some((file) => href.endsWith(`/${file}`))),
      [],
      path,
    );
    const data = files.map((file) => `${ORIGIN}/demo/${file}.json`);
    assert.deepEqual(urls, [`${ORIGIN}/config.json`, `${ORIGIN}/demo/site.json`, ...data], path);
  }
});

test('the demo data is read from where config.json says', async () => {
  const { urls } = await visit('/stations/stn-01', { api_base: null, demo_base: 'https://cdn.example.cn/data/' });
  assert.deepEqual(urls.slice(1), ['https://cdn.example.cn/data/site.json', 'https://cdn.example.cn/data/stations.json']);
});

test('home and pages without reads of their own ask only for the site', async () => {
  for (const path of ['/', '/more', '/honours', '/no-such-page', '/services/a/b']) {
    const { urls } = await visit(path, backend);
    assert.deepEqual(urls, [`${ORIGIN}/config.json`, `${BACKEND}/v1/site`], path);
  }
});

test('a filtered list is left to the page', async () => {
  const { urls } = await visit('/courses?kind=online', backend);
  assert.deepEqual(urls, [`${ORIGIN}/config.json`, `${BACKEND}/v1/site`]);
});

test('a signed-in worker’s reads are left to the app, which sends them with the token', async () => {
  assert.deepEqual((await visit('/services', backend, { signedIn: true })).urls, [`${ORIGIN}/config.json`]);
  // Coming back from WeChat's sign-in with the token in the address.
  assert.deepEqual((await visit('/services#token=abc', backend)).urls, [`${ORIGIN}/config.json`]);
  // The demo data's files carry no token: they are fetched as before.
  assert.equal((await visit('/services', demo, { signedIn: true })).urls.length, 3);
});

test('under a sub-path, everything is asked for under it, and a relative api_base from it', async () => {
  const { urls, preloaded } = await visit('/youxin/services', { api_base: 'api/' }, { base: '/youxin/' });
  assert.deepEqual(urls, [
    `${ORIGIN}/youxin/config.json`,
    `${ORIGIN}/youxin/api/v1/site`,
    `${ORIGIN}/youxin/api/v1/services`,
  ]);
  assert.equal(preloaded.length, 2);
  const outside = await visit('/services', demo, { base: '/youxin/' });
  assert.deepEqual(outside.preloaded, [], 'an address outside the base names no page');
  assert.deepEqual(outside.urls, [`${ORIGIN}/youxin/config.json`, `${ORIGIN}/youxin/demo/site.json`]);
});

test('a config the app will refuse starts nothing more, and throws nothing', async () => {
  const refused = [
    new Response('{"api_base": null', { status: 200 }),
    new Response(JSON.stringify(demo), { status: 404 }),
    {},
    { api_base: '' },
    { api_base: '   ' },
    { api_base: 42 },
    [1, 2],
    'demo',
    { api_base: null, timeout_ms: '15000' },
    { api_base: null, timeout_ms: -1 },
    { api_base: null, timeout_ms: 1.5 },
    { api_base: null, kiosk: 'yes' },
    { api_base: null, demo_base: null },
    { api_base: BACKEND, wechat_login_url: 7 },
  ];
  for (const config of refused) {
    const { urls, preloaded } = await visit('/services', config);
    assert.deepEqual(urls, [`${ORIGIN}/config.json`], JSON.stringify(config));
    assert.equal(preloaded.length, 2, 'only the page’s code');
  }
});

const demoFile = (name) => readFileSync(new URL(`../../public/demo/${name}.json`, import.meta.url), 'utf8');
const json = (value) => new Response(JSON.stringify(value));
const SERVICE = { id: 'svc 01', title: '驿站免费热水充电', summary: '全县驿站都能接热水、充电。', category: '暖心驿站' };

test('a detail page’s heading is drawn from its item’s answer, with the way back to its section', async () => {
  const itemURL = `${BACKEND}/v1/services/svc%2001`;
  const { drawn, early } = await visit('/services/svc%2001', backend, {
    answer: (url) => (url === itemURL ? json(SERVICE) : json({})),
  });
  assert.deepEqual(drawn, [{
    title: SERVICE.title,
    lead: SERVICE.summary,
    kicker: SERVICE.category,
    back: { href: `${ORIGIN}/services`, label: '服务清单' },
  }]);
  // The app still reads the whole answer itself.
  assert.deepEqual(await (await early.take(itemURL)).json(), SERVICE);
});

test('on the demo data, the heading is the item’s in the section’s file', async () => {
  const stations = JSON.parse(demoFile('stations')).items;
  const station = stations.at(-1);
  const { drawn } = await visit(`/youxin/stations/${encodeURIComponent(station.id)}`, demo, {
    base: '/youxin/',
    answer: (url) => new Response(url.endsWith('/stations.json') ? demoFile('stations') : '{}'),
  });
  assert.deepEqual(drawn, [{
    title: station.name,
    lead: station.address,
    kicker: station.town,
    back: { href: `${ORIGIN}/youxin/stations`, label: '酉新驿站' },
  }]);
});

test('a story’s first picture, near its top, is fetched with its heading', async () => {
  const story = { id: 'sty-01', title: '那壶姜汤', summary: '超市角落的补给站。', tag: '新经济组织' };
  const paragraph = { type: 'paragraph', text: '晚上十点。' };
  const picture = (src) => ({ type: 'image', src, alt: '示意图' });
  const visitStory = async (body) => {
    const { drawn, preloaded } = await visit('/stories/sty-01', backend, { answer: () => json({ ...story, body }) });
    assert.equal(drawn[0]?.title, story.title);
    assert.equal(drawn[0].picture, undefined, 'the picture is not drawn ahead, only fetched');
    return preloaded.filter((href) => !href.endsWith('.wasm'));
  };
  assert.deepEqual(await visitStory([paragraph, picture(' /media/tea.jpg ')]), [`${ORIGIN}/media/tea.jpg`]);
  assert.deepEqual(await visitStory([picture('https://cdn.example.cn/tea.jpg')]), ['https://cdn.example.cn/tea.jpg']);
  // Further down the story, or an address the page would not show: nothing is fetched.
  assert.deepEqual(await visitStory([paragraph, paragraph, paragraph, picture('/media/tea.jpg')]), []);
  for (const src of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '//evil.example/x.png', '/a\tb.png', '/a\\b.png', 7]) {
    assert.deepEqual(await visitStory([picture(src)]), [], String(src));
  }
  assert.deepEqual(await visitStory('not blocks'), []);
});

test('the heading is read from a copy, whenever the app reads the answer itself', async () => {
  const itemURL = `${BACKEND}/v1/services/svc%2001`;
  let appRead;
  // The app takes the answer and reads it as soon as it is there.
  const takenAtOnce = (url, early) => {
    queueMicrotask(() => (appRead = early.take(url).then((answer) => answer.json())));
    return json(SERVICE);
  };
  const { drawn } = await visit('/services/svc%2001', backend, {
    answer: (url, early) => (url === itemURL ? takenAtOnce(url, early) : json({})),
  });
  assert.deepEqual(await appRead, SERVICE);
  assert.equal(drawn[0]?.title, SERVICE.title);
  // Nothing is drawn for an answer the app asked for before the start-up code did
  // (here, while the start-up code asked for the site).
  const appFirst = (url, early) => {
    if (url.endsWith('/v1/site')) early.take(itemURL);
    return json(SERVICE);
  };
  const late = await visit('/services/svc%2001', backend, { answer: appFirst });
  assert.deepEqual(late.drawn, []);
});

test('on a detail page, the item is asked for before the page’s code, which follows it at once', async () => {
  let atPaint;
  const { urls, preloaded, drawn } = await visit('/services/svc-01', demo, {
    beforePaint: (seen) => (atPaint = seen),
    answer: (url) => (url.endsWith('/services.json') ? json({ items: [{ ...SERVICE, id: 'svc-01' }] }) : json({})),
  });
  assert.deepEqual(urls.slice(1), [`${ORIGIN}/demo/site.json`, `${ORIGIN}/demo/services.json`]);
  // The item does not wait for the first paint: it is what that paint lacks.
  assert.equal(atPaint, undefined);
  assert.equal(drawn[0]?.title, SERVICE.title);
  assert.deepEqual(preloaded, [
    `${ORIGIN}/app-0123/split_service.wasm`,
    `${ORIGIN}/app-0123/split_demo_backend.wasm`,
    `${ORIGIN}/app-0123/chunk_9.wasm`,
  ]);
  // A config the app refuses asks for nothing: the page's code is fetched all the same.
  assert.deepEqual((await visit('/services/svc-01', { api_base: 42 })).preloaded, [`${ORIGIN}/app-0123/split_service.wasm`]);
  // An app already running has fetched the page's code itself: it is not fetched twice.
  const running = (url, early) => {
    early.take(`${ORIGIN}/config.json`);
    return json({});
  };
  assert.deepEqual((await visit('/services/svc-01', demo, { answer: running })).preloaded, []);
});

test('nothing is drawn from an answer that is not the contract’s item, and nothing throws', async () => {
  const answers = [
    new Response(JSON.stringify(SERVICE), { status: 404 }),
    new Response('{"title": "驿站"'),
    new Response('<html>'),
    json(null),
    json([SERVICE]),
    json({ ...SERVICE, title: 7 }),
    json({ ...SERVICE, title: '   ' }),
    json({ ...SERVICE, summary: undefined }),
    json({ ...SERVICE, summary: { text: '热水' } }),
  ];
  for (const item of answers) {
    const { drawn } = await visit('/services/svc-01', backend, { answer: (url) => (url.endsWith('svc-01') ? item : json({})) });
    assert.deepEqual(drawn, [], await item.clone().text().catch(() => 'a used body'));
  }
  // A kicker that is not text is left out; the heading is drawn without it.
  const { drawn } = await visit('/services/svc-01', backend, { answer: () => json({ ...SERVICE, category: ['暖心'] }) });
  assert.equal(drawn[0].kicker, undefined);
  assert.equal(drawn[0].title, SERVICE.title);
  // On the demo data: an id the file does not list, a file of no list, an id that is not one.
  for (const [path, file] of [['/services/no-such', demoFile('services')], ['/services/svc-01', '{"items": 3}'], ['/services/%E0', demoFile('services')]]) {
    const visited = await visit(path, demo, { answer: () => new Response(file) });
    assert.deepEqual(visited.drawn, [], path);
  }
});

test('a signed-in worker’s detail page and a list draw nothing ahead of the app', async () => {
  assert.deepEqual((await visit('/services/svc-01', backend, { signedIn: true, answer: () => json(SERVICE) })).drawn, []);
  assert.deepEqual((await visit('/services', backend, { answer: () => json(SERVICE) })).drawn, []);
  assert.deepEqual((await visit('/services/svc-01?from=share', backend, { answer: () => json(SERVICE) })).drawn, []);
});

test('every item of the demo data has the heading its detail page draws', async () => {
  for (const [address, read] of Object.entries(reads).filter(([, read]) => read.words)) {
    const file = demoFile(read.demo[0]);
    for (const { id } of JSON.parse(file).items) {
      const heading = await headingOf(new Response(file), read.words, id);
      assert.ok(heading?.title && heading.lead, `${address} ${id}`);
      if (read.words.kicker) assert.ok(heading.kicker, `${address} ${id} has its kicker`);
    }
  }
});

test('an address is named as the app’s routes name it', () => {
  assert.deepEqual(addressOf('/', '/'), { address: '', id: undefined });
  assert.deepEqual(addressOf('/services', '/'), { address: 'services', id: undefined });
  assert.deepEqual(addressOf('/services/', '/'), { address: 'services', id: undefined });
  assert.deepEqual(addressOf('/services/svc-01', '/'), { address: 'services/:id', id: 'svc-01' });
  assert.deepEqual(addressOf('/youxin/', '/youxin/'), { address: '', id: undefined });
  assert.deepEqual(addressOf('/youxin/courses/c-1', '/youxin/'), { address: 'courses/:id', id: 'c-1' });
  assert.equal(addressOf('/services/a/b', '/').address, undefined);
  assert.equal(addressOf('/elsewhere/services', '/youxin/').address, undefined);
  assert.equal(addressOf('/youxinabc', '/youxin/').address, undefined);
});

test('a config is read as the app reads it: known fields typed, others ignored', () => {
  assert.equal(readable({ api_base: null }), true);
  assert.equal(readable({ api_base: BACKEND, timeout_ms: 5000, large_text: true, wechat_login_url: null }), true);
  assert.equal(readable({ api_base: null, a_later_setting: 'anything' }), true);
  assert.equal(readable({ api_base: null, kiosk_idle_seconds: 2 ** 32 }), false);
  // A whole number written with a point is one too, to both (src/config.rs `count`).
  assert.equal(readable(JSON.parse('{"api_base": null, "timeout_ms": 20000.0}')), true);
  assert.equal(readable(null), false);
});

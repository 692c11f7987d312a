// The hostile-backend corpus: answers a broken or malicious backend may give,
// as a table. hostile.spec.mjs plays every case against every page target it
// applies to and checks the same promises each time (see there).
//
// A case is { name, expect, applies?(target), answer(target) }:
// - applies says which targets the case is for (all when absent);
// - answer returns what the backend sends for the target's contract path:
//     { status?, headers?, json }       a JSON body (any value, even a bare string)
//     { status?, headers?, body }       raw text (cut-off JSON, HTML, nothing)
//     { item }                          the target's good item (or object) edited;
//                                       a list target gets it as its first item
//     { abort: 'connectionrefused' }    no answer at all
//     { hang: true }                    an answer that never comes
// - everywhere: played on every target it applies to; the other cases are
//   dealt out over their targets (see hostile.spec.mjs), to keep the run short;
// - content: about what is inside well-formed JSON, which both transports
//   decode alike; played in demo mode only;
// - expect says what the worker must then see:
//     'retry'   an error notice with 重试, and 重试 with a good answer recovers
//     'notice'  an error notice
//     'refused' an error notice without 重试 (or, for a signed-in call, the sign-in link)
//     'shown'   the page's content or an error notice, whichever the app chooses
//   It may differ by mode: { demo, http }. The demo transport reads whole files
//   and answers the contract itself, so a bad shape there may become an empty
//   list or a 404 rather than a decoding error.
import { demoFile, demoItems } from './fixtures.mjs';

/** Set by any injected script that manages to run; must stay undefined. */
export const CANARY = '__pwned';

const SCRIPT_PAYLOADS = [
  `<img src=x onerror="window.${CANARY}='img'">`,
  `<script>window.${CANARY}='script'</script>`,
  `"><svg onload="window.${CANARY}='svg'"></svg>`,
  `<iframe src="javascript:parent.${CANARY}='iframe'"></iframe>`,
  `{{7*7}}\${7*7}<a href="javascript:window.${CANARY}='a'">点我</a>`,
];
export const MARKUP = SCRIPT_PAYLOADS.join(' ');

const BAD_URLS = [
  `javascript:window.${CANARY}='href'`,
  ` JaVaScRiPt:window.${CANARY}='href'`,
  `java\tscript:window.${CANARY}='tab'`,
  `data:text/html,<script>window.${CANARY}='data'</script>`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.${CANARY}='svg'"/>`,
  'vbscript:msgbox(1)',
  '//evil.example/x.png',
];

const MALFORMED_DATES = [
  '2026-10-01T08:00:00北京',
  '2026-10-01T08:00:00 +8时',
  '２０２６-１０-０１T08:00:00+08:00',
  '2026-13-45T99:99:99+08:00',
  '2026-10-01',
  '',
  'T',
  '9999999999-01-01T00:00:00+08:00',
  '2026-10-01T08:00:00+99:99',
  '😀😀😀😀-😀😀-😀😀T😀😀:😀😀:😀😀+08:00',
];

// Keys whose values are dates, links or image sources somewhere in the contract.
const DATE_KEYS = new Set(['published_at', 'starts_at', 'ends_at', 'enrol_deadline', 'at', 'created_at']);
// Keys whose values are enumerations: markup there only makes an item unknown.
const KEEP_KEYS = new Set(['id', 'type']);

// ---------------------------------------------------------------------------
// The pages that load data, each with the contract path whose answer is bad.

const first = (name) => demoItems(name)[0];
const offline = demoItems('courses').find((c) => c.kind === 'offline' && c.starts_at && c.enrol_deadline);

/**
 * name; url opened; path of the contract call made hostile; kind (list, item
 * or object); demo, the file that serves it in demo mode (fileItems, its items,
 * for an item); good, the good answer (items for a list); heading after
 * recovery; content, a selector that shows the data arrived; search, the label
 * of a box the worker types into first; signedIn, whether a worker is signed in.
 */
export const TARGETS = [
  {
    name: 'home',
    url: '/',
    path: '/v1/site',
    kind: 'object',
    demo: 'site',
    good: demoFile('site'),
    heading: '酉新送暖 · 阳光同行',
    content: '.notices, .hotline, .notice-demo',
  },
  {
    name: 'services',
    url: '/services',
    path: '/v1/services',
    kind: 'list',
    demo: 'services',
    good: demoItems('services'),
    heading: '服务清单',
    content: '.result-count',
    search: '搜索服务',
  },
  {
    name: 'service',
    url: `/services/${first('services').id}`,
    path: `/v1/services/${first('services').id}`,
    kind: 'item',
    demo: 'services',
    fileItems: demoItems('services'),
    good: first('services'),
    heading: first('services').title,
    content: 'article h1',
  },
  {
    name: 'courses',
    url: '/courses',
    path: '/v1/courses',
    kind: 'list',
    demo: 'courses',
    good: demoItems('courses'),
    heading: '酉新学堂',
    content: '.result-count, .notice-empty',
    search: '搜索课程',
  },
  {
    name: 'course',
    url: `/courses/${offline.id}`,
    path: `/v1/courses/${offline.id}`,
    kind: 'item',
    demo: 'courses',
    fileItems: demoItems('courses'),
    good: offline,
    heading: offline.title,
    content: 'article h1',
  },
  {
    name: 'stories',
    url: '/stories',
    path: '/v1/stories',
    kind: 'list',
    demo: 'stories',
    good: demoItems('stories'),
    heading: '酉新向党',
    content: '.cards > li, .notice-empty',
  },
  {
    name: 'story',
    url: `/stories/${first('stories').id}`,
    path: `/v1/stories/${first('stories').id}`,
    kind: 'item',
    demo: 'stories',
    fileItems: demoItems('stories'),
    good: first('stories'),
    heading: first('stories').title,
    content: 'article h1',
  },
  {
    name: 'stations',
    url: '/stations',
    path: '/v1/stations',
    kind: 'list',
    demo: 'stations',
    good: demoItems('stations'),
    heading: '酉新驿站',
    content: '.result-count',
  },
  {
    name: 'station',
    url: `/stations/${first('stations').id}`,
    path: `/v1/stations/${first('stations').id}`,
    kind: 'item',
    demo: 'stations',
    fileItems: demoItems('stations'),
    good: first('stations'),
    heading: first('stations').name,
    content: 'article h1',
  },
  {
    name: 'points: balance',
    url: '/points',
    path: '/v1/me',
    kind: 'object',
    demo: 'me',
    good: demoFile('me'),
    heading: '积分',
    content: '.balance',
    signedIn: true,
  },
  {
    name: 'points: ledger',
    url: '/points',
    path: '/v1/points/ledger',
    kind: 'list',
    demo: 'ledger',
    good: demoItems('ledger'),
    heading: '积分',
    content: '.ledger, .my-points .notice-empty',
    signedIn: true,
  },
  {
    name: 'campaigns',
    url: '/campaigns',
    path: '/v1/campaigns',
    kind: 'list',
    demo: 'campaigns',
    good: demoItems('campaigns'),
    heading: '文明实践活动',
    content: '.cards > li, .notice-empty',
  },
  {
    name: 'campaign',
    url: `/campaigns/${first('campaigns').id}`,
    path: `/v1/campaigns/${first('campaigns').id}`,
    kind: 'item',
    demo: 'campaigns',
    fileItems: demoItems('campaigns'),
    good: first('campaigns'),
    heading: first('campaigns').title,
    content: 'article h1',
  },
  {
    name: 'rewards',
    url: '/rewards',
    path: '/v1/rewards',
    kind: 'list',
    demo: 'rewards',
    good: demoItems('rewards'),
    heading: '积分兑换',
    content: '.cards > li, .notice-empty',
  },
  {
    name: 'reward',
    url: `/rewards/${first('rewards').id}`,
    path: `/v1/rewards/${first('rewards').id}`,
    kind: 'item',
    demo: 'rewards',
    fileItems: demoItems('rewards'),
    good: first('rewards'),
    heading: first('rewards').title,
    content: 'article h1',
  },
  {
    name: 'vouchers',
    url: '/vouchers',
    path: '/v1/redemptions',
    kind: 'list',
    demo: 'redemptions',
    good: demoItems('redemptions'),
    heading: '我的兑换券',
    content: '.cards > li, .notice-empty',
    signedIn: true,
  },
  {
    name: 'voucher',
    url: `/vouchers/${first('redemptions').id}`,
    path: `/v1/redemptions/${first('redemptions').id}`,
    kind: 'item',
    demo: 'redemptions',
    fileItems: demoItems('redemptions'),
    good: first('redemptions'),
    heading: first('redemptions').reward_title,
    content: 'article h1',
    signedIn: true,
  },
  {
    name: 'my reports',
    url: '/reports',
    path: '/v1/reports',
    kind: 'list',
    demo: 'reports',
    good: demoItems('reports'),
    heading: '我的上报',
    content: '.report, .notice-empty',
    signedIn: true,
    // Added later than the others: its share is dealt apart, so theirs stay as they were.
    apart: 6,
  },
  // The pages of 礼遇尊崇 and 活动, each dealt every tenth case.
  ...[
    ['honour roll', '/honours', 'honourees', '荣誉榜', '.result-count'],
    ['knights', '/knights', 'knights', '先锋骑士团', '.cards > li, .notice-empty'],
    ['topics', '/voice', 'topics', '社区议事', '.cards > li, .notice-empty'],
    ['activities', '/activities', 'activities', '活动', '.cards > li, .notice-empty'],
  ].map(([name, url, file, heading, content]) => ({
    name,
    url,
    path: `/v1/${file}`,
    kind: 'list',
    demo: file,
    good: demoItems(file),
    heading,
    content,
    apart: 10,
  })),
  ...[
    ['honouree', '/honours', 'honourees', 'name'],
    ['topic', '/voice', 'topics', 'title'],
    ['activity', '/activities', 'activities', 'title'],
  ].map(([name, section, file, title]) => ({
    name,
    url: `${section}/${first(file).id}`,
    path: `/v1/${file}/${first(file).id}`,
    kind: 'item',
    demo: file,
    fileItems: demoItems(file),
    good: first(file),
    heading: first(file)[title],
    content: 'article h1',
    apart: 10,
  })),
];

// ---------------------------------------------------------------------------
// Helpers that edit good data.

const clone = (value) => structuredClone(value);

/** Replaces every string under `value` by edit(key, string), keeping ids and enum tags. */
function mapStrings(value, edit, key = '') {
  if (typeof value === 'string') return KEEP_KEYS.has(key) ? value : edit(key, value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, edit, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, edit, k)]));
  }
  return value;
}

/** A value of another JSON type than `value`. */
function wrongType(value) {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return '十二';
  if (typeof value === 'boolean') return '是';
  if (Array.isArray(value)) return { 0: 'x' };
  if (value && typeof value === 'object') return ['x'];
  return { unexpected: true };
}

/** Every field, at every depth, of another type (ids too). */
function everyFieldWrong(value) {
  if (Array.isArray(value)) return value.map(everyFieldWrong);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrongType(v)]));
  }
  return wrongType(value);
}

/** Nested fields of another type, the item's id kept so it is still found. */
function nestedFieldsWrong(item) {
  return Object.fromEntries(
    Object.entries(item).map(([k, v]) => [
      k,
      k === 'id' ? v : v && typeof v === 'object' && !Array.isArray(v) ? everyFieldWrong(v) : v,
    ]),
  );
}

/** Puts a link or image source into every field that is one, adding those the item lacks. */
function withLinks(target, item, url) {
  const edited = clone(item);
  const image = { src: url, alt: MARKUP, width: 64, height: 64 };
  switch (target.demo) {
    case 'services':
      edited.access = { ...edited.access, url, phone: url };
      break;
    case 'courses':
      Object.assign(edited, { cover: image, media_url: url, kind: 'online' });
      break;
    case 'stories':
      edited.cover = image;
      if (Array.isArray(edited.body)) edited.body.unshift({ type: 'image', ...image, caption: MARKUP });
      break;
    case 'site':
      Object.assign(edited, { hotline: url, url, logo: image });
      break;
    default:
      Object.assign(edited, { url, image, phone: url });
  }
  return edited;
}

const lists = (target) => target.kind === 'list';
const stations = (target) => target.demo === 'stations';

/** The good answer as an item to edit: a list target's first item, else the object itself. */
const goodItem = (target) => (target.kind === 'list' ? target.good[0] : target.good);

/** A list target answered with the items made by `items()`. */
const listOf = (target, items) => ({ json: { items: items(), next: null } });

/** The whole good answer as the contract sends it. */
const goodBody = (target) => (target.kind === 'list' ? { items: target.good, next: null } : target.good);

// ---------------------------------------------------------------------------
// The corpus.

const contractError = (status, code) => ({ error: { code, message: `后端说：${status} ${code}` } });
const STATUSES = [
  [400, 'bad_request', 'refused'],
  [401, 'unauthorized', 'refused'],
  [403, 'forbidden', 'refused'],
  [404, 'not_found', 'refused'],
  [409, 'conflict', 'refused'],
  [422, 'unprocessable', 'refused'],
  [429, 'rate_limited', 'retry'],
  [500, 'internal', 'retry'],
  [502, 'bad_gateway', 'retry'],
  [503, 'unavailable', 'retry'],
  [504, 'gateway_timeout', 'retry'],
];
const retryAfter = (status) => (status === 429 ? { 'Retry-After': '30' } : {});

/** A body whose top level is not what the target expects: a decoding error in http mode. */
const badShape = { http: 'retry', demo: 'shown' };
/** A list of which no item can be read. */
const unreadable = { http: 'retry', demo: 'notice' };

const WIRE_CASES = [
  { name: 'empty body', expect: 'retry', answer: () => ({ body: '' }) },
  { name: 'whitespace body', expect: 'retry', answer: () => ({ body: ' \n\t ' }) },
  { name: 'JSON cut off after a few bytes', expect: 'retry', answer: () => ({ body: '{"items": [{"id": "x", "tit' }) },
  {
    name: 'JSON cut off in the middle',
    expect: 'retry',
    answer: (t) => {
      const text = JSON.stringify(goodBody(t));
      return { body: text.slice(0, Math.floor(text.length / 2)) };
    },
  },
  {
    // Decoding a response as UTF-8 drops the mark, so this one is readable.
    name: 'a byte-order mark before good JSON',
    expect: 'shown',
    answer: (t) => ({ body: `\uFEFF${JSON.stringify(goodBody(t))}` }),
  },
  { name: 'two JSON documents in a row', expect: 'retry', answer: (t) => ({ body: `${JSON.stringify(goodBody(t))}{}` }) },
  { name: 'bytes that are not UTF-8 JSON', expect: 'retry', answer: () => ({ body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3]) }) },
  {
    name: 'an HTML page with status 200',
    expect: 'retry',
    answer: () => ({
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html><body><h1>Welcome to nginx!</h1><script>window.${CANARY}='html'</script></body></html>`,
    }),
  },
  {
    name: 'a captive-portal HTML page labelled as JSON',
    expect: 'retry',
    answer: () => ({ body: `<html><meta http-equiv="refresh" content="0;url=javascript:window.${CANARY}=1">登录 WiFi</html>` }),
  },
  { name: 'connection refused', expect: 'retry', answer: () => ({ abort: 'connectionrefused' }) },
  { name: 'connection reset', expect: 'retry', answer: () => ({ abort: 'connectionreset' }) },
  { name: 'status 204 with no body', expect: { http: 'retry', demo: 'refused' }, answer: () => ({ status: 204, body: '' }) },
  { name: 'status 200 with an error body', expect: badShape, answer: () => ({ json: contractError(200, 'odd') }) },

  // Every error status, with the contract's body and without one.
  ...STATUSES.flatMap(([status, code, expect]) => [
    {
      name: `status ${status} with a contract body`,
      expect,
      everywhere: status === 500,
      answer: () => ({ status, headers: retryAfter(status), json: contractError(status, code) }),
    },
    {
      name: `status ${status} with an HTML body`,
      expect,
      answer: () => ({
        status,
        headers: { 'Content-Type': 'text/html', ...retryAfter(status) },
        body: `<html><body><h1>${status}</h1><img src=x onerror="window.${CANARY}='${status}'"></body></html>`,
      }),
    },
  ]),
  {
    name: 'status 503 whose message is markup and a megabyte long',
    expect: 'retry',
    answer: () => ({
      status: 503,
      json: { error: { code: 'x'.repeat(10_000), message: `${MARKUP}${'长'.repeat(1 << 20)}` } },
    }),
  },
  {
    name: 'status 500 whose error has the wrong types',
    expect: 'retry',
    answer: () => ({ status: 500, json: { error: { code: 500, message: ['坏'] } } }),
  },

  // Wrong top-level types.
  { name: 'null', expect: badShape, answer: () => ({ json: null }) },
  { name: 'true', expect: badShape, answer: () => ({ json: true }) },
  { name: 'a number', expect: badShape, answer: () => ({ json: 42 }) },
  { name: 'a string', expect: badShape, answer: () => ({ json: '服务' }) },
  { name: 'an empty object', expect: badShape, applies: lists, answer: (t) => ({ json: {} }) },
  { name: 'an array for an object', expect: badShape, applies: (t) => t.kind !== 'list', answer: (t) => ({ json: [t.good] }) },
  {
    name: '`items` that is an object',
    expect: badShape,
    applies: lists, answer: (t) => ({ json: { items: { 0: t.good[0] }, next: null } }),
  },
  {
    name: '`items` that is a string',
    expect: badShape,
    applies: lists, answer: (t) => ({ json: { items: 'x', next: null } }),
  },
  // Nothing readable is a broken answer, not an empty list. The demo backend
  // keeps a file it has read for the visit, so there 重试 cannot change it.
  { name: 'a list of scalars', expect: unreadable, applies: lists, answer: (t) => listOf(t, () => [1, 'a', null, true, 2.5, []]) },
  { name: 'a list of empty objects', expect: unreadable, applies: lists, answer: (t) => listOf(t, () => [{}, {}, {}]) },
  { name: 'an empty list', expect: 'shown', applies: lists, answer: (t) => listOf(t, () => []) },
  {
    name: 'a bare array of good items',
    expect: 'shown',
    applies: lists, answer: (t) => ({ json: t.good }),
  },

];

/** Cases about what is inside good-looking JSON: decoded alike in both modes. */
const CONTENT_CASES = [
  // Wrong types in the fields.
  {
    name: 'wrong types in every field (one field per item)',
    expect: 'shown',
    applies: lists,
    answer: (t) => {
      const keys = [...new Set(t.good.flatMap(Object.keys))];
      const items = keys.map((key, i) => {
        const item = clone(t.good[i % t.good.length]);
        item[key] = wrongType(item[key]);
        return item;
      });
      return { json: { items: [...items, ...t.good.slice(0, 2)], next: null } };
    },
  },
  { name: 'wrong types in every field at once', expect: 'shown', answer: (t) => ({ item: everyFieldWrong(goodItem(t)) }) },
  { name: 'wrong types in every nested field', expect: 'shown', answer: (t) => ({ item: nestedFieldsWrong(goodItem(t)) }) },
  {
    name: 'numbers out of range',
    expect: 'shown',
    answer: (t) => ({
      item: Object.fromEntries(
        Object.entries(goodItem(t)).map(([k, v]) => [k, typeof v === 'number' ? (k === 'points_balance' ? 1e300 : -1) : v]),
      ),
    }),
  },
  {
    name: 'every field null',
    expect: 'shown',
    answer: (t) => ({ item: Object.fromEntries(Object.keys(goodItem(t)).map((k) => [k, k === 'id' ? goodItem(t).id : null])) }),
  },
  {
    name: 'unknown enum values and block types',
    expect: 'shown',
    answer: (t) => ({
      item: {
        ...goodItem(t),
        kind: 'vr_course',
        status: 'teleported',
        body: [{ type: 'video', src: BAD_URLS[0] }, { type: 'paragraph' }, { text: '无类型' }, 'x'],
      },
    }),
  },
];

const SIZE_CASES = [
  {
    name: 'a list of 5,000 items',
    expect: 'shown',
    applies: lists,
    answer: (t) =>
      listOf(t, () =>
        Array.from({ length: 5000 }, (_, i) => ({ ...t.good[i % t.good.length], id: `${t.good[i % t.good.length].id}-${i}` })),
      ),
  },
  {
    name: 'a 12 MB body',
    expect: 'retry',
    answer: (t) => ({
      item: { ...goodItem(t), padding: 'x'.repeat(12 << 20) },
    }),
  },
  {
    name: '50,000-deep nesting',
    expect: 'retry',
    answer: () => ({ body: `${'['.repeat(50_000)}${']'.repeat(50_000)}` }),
  },
  {
    name: '50,000-deep nesting inside a field',
    expect: 'retry',
    answer: (t) => {
      const text = JSON.stringify({ ...goodItem(t), extra: 0 });
      const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
      const item = text.replace('"extra":0', `"extra":${deep}`);
      return { body: t.kind === 'list' ? `{"items":[${item}],"next":null}` : item };
    },
  },
];

const TEXT_CASES = [
  {
    name: 'the same id on every item',
    expect: 'shown',
    applies: lists,
    answer: (t) => listOf(t, () => [...t.good, ...t.good].map((item) => ({ ...item, id: 'same' }))),
  },
  {
    name: 'a megabyte in every text field',
    expect: 'shown',
    answer: (t) => ({ item: mapStrings(goodItem(t), (key, s) => (DATE_KEYS.has(key) ? s : s + '长'.repeat(1 << 20))) }),
  },

  // Markup and unsafe links.
  {
    name: 'markup in every text field',
    expect: 'shown',
    everywhere: true,
    answer: (t) => ({ item: mapStrings(goodItem(t), (key, s) => (DATE_KEYS.has(key) ? s : `${MARKUP}${s}`)) }),
  },
  {
    name: 'markup as every text field',
    expect: 'shown',
    answer: (t) => ({ item: mapStrings(goodItem(t), () => MARKUP) }),
  },
  ...BAD_URLS.map((url, i) => ({
    name: `link and image fields set to ${JSON.stringify(url.slice(0, 24))}`,
    expect: 'shown',
    everywhere: i === 0,
    answer: (t) => ({ item: withLinks(t, goodItem(t), url) }),
  })),
  {
    name: 'an id that is a script URL',
    expect: 'shown',
    applies: lists, answer: (t) => listOf(t, () => [{ ...t.good[0], id: `javascript:window.${CANARY}='id'` }, ...t.good.slice(1)]),
  },

  // Impossible places and times.
  ...[
    ['coordinates far outside the earth', { lat: 999, lng: -999 }],
    ['coordinates of the wrong type', { lat: '28.8', lng: null }],
    ['coordinates at the limits of a number', { lat: 1.7976931348623157e308, lng: -1.7976931348623157e308 }],
  ].map(([name, location]) => ({
    name,
    expect: 'shown',
    applies: stations, answer: (t) => ({ item: { ...goodItem(t), location } }),
  })),
  ...[
    ['opening hours on impossible days', { always_open: false, spans: [{ days: [0, 8, 99, 255], opens: '08:00', closes: '20:00' }] }],
    [
      'opening hours at impossible times',
      {
        always_open: false,
        spans: [
          { days: [1, 2, 3, 4, 5, 6, 7], opens: '25:61', closes: '-1:00' },
          { days: [1], opens: '08', closes: '' },
          { days: [2], opens: '八点', closes: '24:01' },
          { days: [3], opens: '99999999999999999999:00', closes: '12:00' },
        ],
      },
    ],
    ['opening hours of the wrong shape', { always_open: 'yes', spans: 'daily', note: 42 }],
  ].map(([name, hours]) => ({
    name,
    expect: 'shown',
    applies: stations, answer: (t) => ({ item: { ...goodItem(t), hours } }),
  })),
  ...MALFORMED_DATES.map((date) => ({
    name: `dates of the shape ${JSON.stringify(date)}`,
    expect: 'shown',
    answer: (t) => {
      const dated = (item) => mapStrings(item, (key, s) => (DATE_KEYS.has(key) ? date : s));
      if (t.kind === 'list') return listOf(t, () => t.good.map(dated));
      return { item: dated(t.good) };
    },
  })),

];

const PAGING_CASES = [
  {
    name: 'a cursor that never ends',
    expect: 'shown',
    applies: lists, answer: (t) => ({ endless: true }),
  },
  {
    name: 'a cursor of the wrong type',
    expect: 'shown',
    applies: lists, answer: (t) => ({ json: { items: t.good, next: { cursor: 1 } } }),
  },
];

const content = (cases) => cases.map((c) => ({ ...c, content: true }));

/** Every case but those that wait for the app's timeout. */
export const CASES = [
  ...WIRE_CASES,
  ...content(CONTENT_CASES),
  ...SIZE_CASES,
  ...content(TEXT_CASES),
  ...PAGING_CASES,
];

/** Cases that wait for the app's own timeout: run with a short one. */
export const SLOW_CASES = [
  { name: 'an answer that never comes', expect: 'retry', everywhere: true, answer: () => ({ hang: true }) },
];

// What the main module of a release build runs before the app: it starts the
// downloads a cold visit waits for beside the WebAssembly's, not after the app
// has started and routed. On weak 4G that is a round trip or two less.
//
// - The code of the page at the address (src/page_chunks.json), as preloads
//   that the page's own loader then takes.
// - config.json; once it is read and the page's first paint (its heading,
//   from the HTML) is done, the data every page and this page ask for first
//   (src/first_reads.json): the backend's answers, or on the demo data the
//   data's files, and for a page whose reads need it the demo backend's code.
//
// - On a detail page, the item's answer before the page's code, and once it
//   is in, the item's heading (`drawItem`): the words the worker came for,
//   painted while the app's code is still on its way.
//
// Each answer waits under the URL the app will ask, with the means to cancel
// it (`earlyAnswers`). The app takes it from there once
// (src/platform/early.rs), as if it had sent the request itself. What the app
// does not take (a worker signed in, an address the app reads differently)
// costs only its download; what the app asked for before the start-up code
// did is not asked again.
//
// `startUp` runs in the page (scripts/split-wasm.mjs bundles it into the main
// module), and in node for its tests (tests/contract/start-up.test.mjs): all
// it touches comes in `env`.

/**
 * @param {{
 *   pages: Record<string, string[]>,
 *   reads: Record<string, {api: string[], demo: string[], demo_backend?: boolean, words?: Words}>,
 *   demoCode: string[],
 *   sections: Record<string, string>,
 * }} tables the files of each address's page; the reads of every page
 *   (`*`) and of each address, the first of a detail page's being its item
 *   (`words`: which of its fields head the page); the files of the demo
 *   backend's code; each section's name, by its path
 * @param {{
 *   baseURI: string,
 *   location: {pathname: string, search: string, hash: string},
 *   moduleURL: string,
 *   signedIn: boolean,
 *   preload: (href: string, as?: 'fetch' | 'image') => void,
 *   fetch: (url: string, init: object) => Promise<Response>,
 *   afterFirstPaint: () => Promise<void>,
 *   early: ReturnType<typeof earlyAnswers>,
 *   draw: (heading: Heading) => void,
 * }} env
 * @returns a promise settled once the reads are asked for and, on a detail
 *   page, its heading drawn or not
 */
export function startUp(tables, env) {
  /** Fetches `url` as the app would, and leaves the answer for the app to take; unless the app has asked already. */
  const ask = (url, init) => {
    if (env.early.asked(url)) return undefined;
    const controller = new AbortController();
    const response = env.fetch(url, { ...init, signal: controller.signal });
    // A failure is the app's to read, if it takes the answer; nobody else's.
    response.catch(() => {});
    env.early.put(url, { response, controller });
    return response;
  };
  const at = (path, base) => new URL(path, base).href;

  const { search, hash } = env.location;
  const { address, id } = addressOf(env.location.pathname, new URL(env.baseURI).pathname);

  // A detail page's item comes first: its words can be drawn before the
  // page's code has run, if the code does not share the line with it.
  const words = search ? undefined : tables.reads[address]?.words;
  const itemFirst = words !== undefined && id !== undefined;
  const code = [];
  const preload = (files) => code.push(...files.map((file) => at(file, env.moduleURL)));
  const preloadCode = () => code.splice(0).forEach((href) => env.preload(href));
  preload(tables.pages[address] ?? []);
  if (!itemFirst) preloadCode();

  const configURL = at('config.json', env.baseURI);
  // On a detail page, a copy of each answer asked for here, by URL, made
  // before the app can read the answer: the item's words are read from it.
  const copies = new Map();
  const askFor = (url, init) => {
    const response = ask(url, init);
    if (itemFirst) copies.set(url, response?.then((answer) => answer.clone(), () => null));
    return url;
  };
  // Settles once the data is asked for, or nothing is, with where the page's
  // item is if it has one: on the demo data, in the section's file, which lists it.
  const asking = ask(configURL, { cache: 'no-cache' })
    // A copy is read here; the app reads the answer itself.
    .then((response) => (response.ok ? response.clone().json() : null))
    .then(async (config) => {
      if (!readable(config)) return undefined;
      // The page's first paint (its heading, from the HTML) needs none of it:
      // it goes first. A detail page's item is what that paint would lack: it
      // is asked at once, before an app that starts quickly asks for it itself
      // and leaves the shell with nothing to draw until the page's code is in.
      if (!itemFirst) await env.afterFirstPaint();
      // A filtered list asks for other data than the address alone tells.
      const pageReads = search ? undefined : tables.reads[address];
      const reads = [tables.reads['*'], pageReads].filter(Boolean);
      const apiBase = config.api_base;
      if (apiBase === null) {
        const demoBase = (typeof config.demo_base === 'string' ? config.demo_base : 'demo').replace(/\/+$/, '');
        // A page whose reads need the demo backend (not only files answered
        // as they are) waits for its code; on any other, it would only slow
        // the app's own code down. Once the app runs, it fetches that code itself.
        if (pageReads?.demo_backend && !env.early.taken(configURL)) {
          preload(tables.demoCode);
        }
        const files = [...new Set(reads.flatMap((read) => read.demo))];
        const urls = files.map((name) => askFor(at(`${demoBase}/${name}.json`, env.baseURI), {}));
        return { url: urls[files.indexOf(pageReads?.demo[0])], listed: true };
      }
      // A signed-in worker's reads carry a token: the app asks for those itself.
      if (env.signedIn || /token=/.test(hash)) return undefined;
      const itemId = id === undefined ? '' : encodeURIComponent(decodeURIComponent(id));
      const root = apiBase.trim().replace(/\/+$/, '');
      const asJSON = { headers: { Accept: 'application/json' } };
      const urls = reads.flatMap((read) => read.api).map((read) => askFor(at(root + read.replace(':id', itemId), env.baseURI), asJSON));
      return { url: urls[tables.reads['*'].api.length], listed: false };
    })
    // An unreadable config is the app's to report; nothing is read ahead.
    .catch(() => undefined)
    .finally(() => {
      // An app already running fetches the code itself: a preload now would download it twice.
      if (!env.early.taken(configURL)) preloadCode();
      env.early.done();
    });

  if (!itemFirst) return asking;
  const section = address.split('/')[0];
  return asking.then(async (item) => {
    // What the app asked for before the start-up code did, it draws itself.
    const copy = await copies.get(item?.url);
    if (!copy) return;
    const read = async () => headingOf(copy, words, item.listed ? decodeURIComponent(id) : undefined);
    const heading = await read().catch(() => null);
    if (!heading) return;
    const { picture, ...drawn } = heading;
    // Fetched now, the picture is there when the page draws it.
    if (picture !== undefined) env.preload(at(picture, env.baseURI), 'image');
    env.draw({ ...drawn, back: { href: at(section, env.baseURI), label: tables.sections[section] } });
  });
}

/**
 * Which fields of a detail page's item head the page: the page's own words
 * for them (src/pages/service.rs and its like draw the same); and, for a
 * story, the field of blocks whose first picture is on its first screen.
 * @typedef {{title: string, lead: string, kicker?: string, picture?: string}} Words
 * @typedef {{title: string, lead: string, kicker?: string, back: {href: string, label: string}}} Heading
 */

/**
 * The heading of the item in `response` (the backend's answer for the item,
 * or, with `listedId`, the demo data's file of the section, which lists it);
 * `null` where it is not the contract's item. The texts are only ever drawn
 * as text.
 * @param {Response} response
 * @param {Words} words
 * @param {string} [listedId]
 */
export async function headingOf(response, words, listedId) {
  if (!response.ok) return null;
  const body = await response.json();
  const item = listedId === undefined ? body : listed(body).find((entry) => entry?.id === listedId);
  const text = (field) => {
    const value = field === undefined ? undefined : item?.[field];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const [title, lead, kicker] = [text(words.title), text(words.lead), text(words.kicker)];
  if (typeof item !== 'object' || item === null || title === undefined || lead === undefined) return null;
  const picture = words.picture === undefined ? undefined : firstPicture(item[words.picture]);
  return Object.fromEntries(Object.entries({ title, lead, kicker, picture }).filter(([, value]) => value !== undefined));
}

/** How many blocks of a story come before its first picture, at most, for the picture to be on the first screen. */
const FIRST_SCREEN_BLOCKS = 3;

/** The address of the first picture among a story's first `blocks`, if it is one the page would show. */
function firstPicture(blocks) {
  if (!Array.isArray(blocks)) return undefined;
  const src = blocks.slice(0, FIRST_SCREEN_BLOCKS).find((block) => block?.type === 'image')?.src;
  return typeof src === 'string' && showable(src.trim()) ? src.trim() : undefined;
}

/** As src/domain/url.rs's `safe_link`: an http(s) address or a path on this site, with no character a browser drops. */
const showable = (src) =>
  (/^https?:\/\//i.test(src) || (src.startsWith('/') && !src.startsWith('//'))) && !/[\s\\\p{Cc}]/u.test(src);

const listed = (body) => (Array.isArray(body?.items) ? body.items : []);

/**
 * Draws `heading` in the static shell of index.html, in the place and shape
 * the detail page gives it (src/components/detail_page.rs), above the
 * shell's skeleton; and marks the shell as holding it, so that the app keeps
 * it until the item itself is drawn (src/platform/shell.rs). Not once the
 * app has begun to take the shell down: it might not be asked again.
 * @param {Document} document
 * @param {Heading} heading
 */
export function drawItem(document, { title, lead, kicker, back }) {
  const shell = document.getElementById('static-shell');
  const main = shell?.querySelector('.site-main');
  const skeleton = main?.querySelector('.skeleton');
  if (!main || !skeleton || shell.hasAttribute('data-leaving')) return;
  const element = (tag, className, ...children) => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    made.append(...children);
    return made;
  };
  const nav = element('nav', 'breadcrumb', Object.assign(element('a', '', `‹ ${back.label}`), { href: back.href }));
  nav.setAttribute('aria-label', '位置');
  // The kicker's line is kept even while its words are not known: the heading does not move when they come.
  const header = element(
    'header',
    'page-header',
    element('p', 'kicker', kicker ?? '\u00a0'),
    element('h1', '', title),
    element('p', 'lead', lead),
  );
  // The page's skeleton is one card; new elements, not the shell's own moved down.
  const waiting = skeleton.cloneNode(true);
  for (const card of [...waiting.querySelectorAll('.skeleton-card')].slice(1)) card.remove();
  main.replaceChildren(nav, element('article', 'detail', header), waiting);
  shell.setAttribute('data-item', '');
}

/**
 * The answers the start-up code asked for, as the app takes them
 * (`youxinEarly(url, signal)` is `take`, src/platform/early.rs): each once,
 * and cancelled from then on with the app's own request. While the start-up
 * code is still asking, what the app asked for itself is remembered, so
 * that it is not asked twice.
 */
export function earlyAnswers() {
  const answers = new Map();
  let asking = true;
  return {
    asked: (url) => answers.has(url),
    /** Whether the app has asked for `url`, while the start-up code is asking. */
    taken: (url) => answers.get(url) === null,
    put: (url, answer) => answers.set(url, answer),
    done: () => {
      asking = false;
      for (const [url, answer] of answers) if (answer === null) answers.delete(url);
    },
    /** The answer's promise, or `undefined` if there is none to take. */
    take: (url, signal) => {
      const answer = answers.get(url);
      if (asking) answers.set(url, null);
      else answers.delete(url);
      if (!answer) return undefined;
      if (signal?.aborted) answer.controller.abort();
      signal?.addEventListener('abort', () => answer.controller.abort(), { once: true });
      return answer.response;
    },
  };
}

/** The type of each field of config.json the app reads (src/config.rs); others it ignores. */
const CONFIG_FIELDS = {
  api_base: 'text or null',
  demo_base: 'text',
  timeout_ms: 'count',
  large_text: 'yes or no',
  kiosk: 'yes or no',
  kiosk_idle_seconds: 'count',
  wechat_login_url: 'text or null',
};

const IS = {
  text: (value) => typeof value === 'string',
  'text or null': (value) => value === null || typeof value === 'string',
  count: (value) => Number.isInteger(value) && value >= 0 && value <= 0xffffffff,
  'yes or no': (value) => typeof value === 'boolean',
};

/**
 * Whether the app will start from this config.json: an object whose fields
 * have their types, that names `api_base`, `null` or not blank. A config the
 * app refuses loads nothing, not even the demo data.
 */
export function readable(config) {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return false;
  if (!('api_base' in config) || (typeof config.api_base === 'string' && config.api_base.trim() === '')) return false;
  return Object.entries(CONFIG_FIELDS).every(([name, type]) => !(name in config) || IS[type](config[name]));
}

/**
 * The address as the app's routes name it: `section` or `section/:id`, ''
 * for home, undefined for a path of no page; and the id in it.
 */
export function addressOf(pathname, basePath) {
  const base = basePath.replace(/\/$/, '');
  if (!pathname.startsWith(`${base}/`)) return { address: undefined };
  const [section, id, more] = pathname.slice(base.length).split('/').filter(Boolean);
  if (more !== undefined) return { address: undefined };
  return { address: section === undefined ? '' : id === undefined ? section : `${section}/:id`, id };
}

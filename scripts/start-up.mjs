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
 *   reads: Record<string, {api: string[], demo: string[], demo_backend?: boolean}>,
 *   demoCode: string[],
 * }} tables the files of each address's page; the reads of every page
 *   (`*`) and of each address; the files of the demo backend's code
 * @param {{
 *   baseURI: string,
 *   location: {pathname: string, search: string, hash: string},
 *   moduleURL: string,
 *   signedIn: boolean,
 *   preload: (href: string) => void,
 *   fetch: (url: string, init: object) => Promise<Response>,
 *   afterFirstPaint: () => Promise<void>,
 *   early: ReturnType<typeof earlyAnswers>,
 * }} env
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

  for (const file of tables.pages[address] ?? []) env.preload(at(file, env.moduleURL));

  const configURL = at('config.json', env.baseURI);
  // Settles once the data is asked for, or nothing is (for the tests: the page waits for nothing).
  return ask(configURL, { cache: 'no-cache' })
    // A copy is read here; the app reads the answer itself.
    .then((response) => (response.ok ? response.clone().json() : null))
    .then(async (config) => {
      if (!readable(config)) return;
      // The page's first paint (its heading, from the HTML) needs none of it: it goes first.
      await env.afterFirstPaint();
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
          for (const file of tables.demoCode) env.preload(at(file, env.moduleURL));
        }
        const files = new Set(reads.flatMap((read) => read.demo));
        for (const name of files) ask(at(`${demoBase}/${name}.json`, env.baseURI), {});
      } else if (!env.signedIn && !/token=/.test(hash)) {
        // A signed-in worker's reads carry a token: the app asks for those itself.
        const itemId = id === undefined ? '' : encodeURIComponent(decodeURIComponent(id));
        const root = apiBase.trim().replace(/\/+$/, '');
        for (const read of reads.flatMap((read) => read.api)) {
          ask(at(root + read.replace(':id', itemId), env.baseURI), { headers: { Accept: 'application/json' } });
        }
      }
    })
    // An unreadable config is the app's to report; nothing is read ahead.
    .catch(() => {})
    .finally(() => env.early.done());
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

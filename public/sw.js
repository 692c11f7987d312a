// The app's service worker: the app opens without a network, and shows the
// last answers it got while the network is gone.
//
// - The app shell (index.html, the main JS and wasm, styles, icons) is cached
//   when the worker installs: the release build writes its files into SHELL
//   and names the build in BUILD (scripts/split-wasm.mjs).
// - A build's files never change meaning (they live in app-<hash>/ or carry a
//   hash): they are answered from any cache first, and cached as they are
//   first used. The page hands over those it loaded before this worker took
//   control ({ keep: [urls] }).
// - Pages (navigations) and data (JSON reads without a token) go to the
//   network first. A good answer is kept; when the network fails, the kept
//   one is answered with the time it was saved in `X-Youxin-Saved-At`, which
//   the app shows as 离线中. Answers for a signed-in worker are never kept.
// - A new deploy: the next start fetches the new index.html, which names only
//   its own build's folder, so old and new files never meet. The new worker
//   takes over at once and drops the caches of builds before the last two.
const BUILD = 'dev';
const SHELL = [];

const PREFIX = 'youxin-';
const SHELL_CACHE = `${PREFIX}shell-${BUILD}`;
const DATA_CACHE = `${PREFIX}data`;
const SAVED_AT = 'X-Youxin-Saved-At';
/** When the network is slower than this and a saved answer exists, the saved one is shown. */
const DATA_TIMEOUT_MS = 8000;
/** A marker kept in each build's cache: when it was installed, to find the previous build. */
const INSTALLED = '__installed__';
/** Build files are only ever taken from these folders or hashed names. */
const IMMUTABLE = /\/app-[0-9a-f]{16}\/|-[0-9a-f]{16}\.css$/;

const scope = () => self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(SHELL.map((path) => new URL(path, scope()).href));
      await cache.put(INSTALLED, new Response(String(Date.now())));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await dropOldBuilds();
      await self.clients.claim();
    })(),
  );
});

/** Keeps this build's cache and the one installed just before it (a page still open may need its chunks). */
async function dropOldBuilds() {
  const names = (await caches.keys()).filter((name) => name.startsWith(`${PREFIX}shell-`) && name !== SHELL_CACHE);
  const installed = await Promise.all(
    names.map(async (name) => {
      const marker = await (await caches.open(name)).match(INSTALLED);
      return { name, at: marker ? Number(await marker.text()) : 0 };
    }),
  );
  installed.sort((a, b) => b.at - a.at);
  await Promise.all(installed.slice(1).map(({ name }) => caches.delete(name)));
}

self.addEventListener('message', (event) => {
  const urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  event.waitUntil(keep(urls.filter((url) => typeof url === 'string')));
});

/** Caches files the page loaded before this worker controlled it, from the browser's HTTP cache where it can. */
async function keep(urls) {
  const cache = await caches.open(SHELL_CACHE);
  const data = await caches.open(DATA_CACHE);
  await Promise.all(
    urls.map(async (url) => {
      const request = new Request(url);
      if (!sameOrigin(request) || (await caches.match(request))) return;
      try {
        const response = await fetch(request, { cache: 'force-cache' });
        if (!response.ok) return;
        if (IMMUTABLE.test(new URL(url).pathname)) await cache.put(request, response);
        else if (isData(request) && (await isJson(response.clone()))) await data.put(request, stamped(response, Date.now()));
      } catch {
        // Offline again: it is fetched the next time it is used.
      }
    }),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('Authorization')) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (sameOrigin(request) && IMMUTABLE.test(new URL(request.url).pathname)) {
    event.respondWith(buildFile(request));
  } else if (isData(request)) {
    event.respondWith(dataRead(request));
  } else if (sameOrigin(request)) {
    event.respondWith(otherFile(request));
  }
});

const sameOrigin = (request) => new URL(request.url).origin === self.location.origin;

/** JSON the app reads: its config, the demo data, and the backend's answers. */
const isData = (request) =>
  new URL(request.url).pathname.endsWith('.json') || (request.headers.get('Accept') || '').includes('application/json');

/** A page: the network's index.html, else the cached one (every route is the same app). */
async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match(new URL('index.html', scope()).href);
    if (shell) return shell;
    throw error;
  }
}

/** A build's file: the same bytes forever, so any cache's copy will do. */
async function buildFile(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) keepCopy(SHELL_CACHE, request, response.clone());
  return response;
}

/** Caches a copy, if the cache will take it (it refuses a `Vary: *` answer, for one). */
function keepCopy(name, request, response) {
  return caches
    .open(name)
    .then((cache) => cache.put(request, response))
    .catch(() => {});
}

/** Anything else of the app's own (icons, demo images): the network, else a cached copy. */
async function otherFile(request) {
  try {
    const response = await fetch(request);
    if (response.ok) keepCopy(SHELL_CACHE, request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

/** Whether a body is JSON at all: a garbled answer must never become the one shown offline. */
async function isJson(response) {
  try {
    await response.json();
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer with the moment it was saved, for the cache. A backend on another
 * origin gets a CORS-filtered answer to the page: the header must be exposed.
 */
function stamped(response, at) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, String(at));
  headers.set('Access-Control-Expose-Headers', SAVED_AT);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Data: the network first, keeping each good answer; the saved answer when the
 * network fails, answers 502–504, or is slower than DATA_TIMEOUT_MS.
 */
async function dataRead(request) {
  const saved = await caches.open(DATA_CACHE).then((cache) => cache.match(request));
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && (await isJson(response.clone()))) {
      await keepCopy(DATA_CACHE, request, stamped(response.clone(), Date.now()));
    }
    return response;
  });
  if (!saved) return fromNetwork;
  // A fresh answer never carries the saved-at header: the app tells the two apart by it.
  const fresh = fromNetwork.then((response) => (response.status >= 502 && response.status <= 504 ? saved : response));
  const late = new Promise((resolve) => setTimeout(() => resolve(saved), DATA_TIMEOUT_MS));
  return Promise.race([fresh.catch(() => saved), late]);
}

// Serves the built app (dist/) the way a production host should:
// SPA fallback (an extension-less path gets its own page if the build wrote
// one, home.html for / and services/index.html for /services, else
// index.html), .wasm as
// application/wasm, precompressed .br or .gz files as the browser accepts them,
// hashed assets cached for a year and index.html / config.json never cached.
// A missing file with an extension (.wasm, .js, .css…) is a 404, never
// index.html; a malformed address is a 400, never a crash. Pages carry the
// app's Content Security Policy (scripts/csp.mjs), allowing the backend at
// --api-origin (repeat it for more than one).
//
//   node scripts/serve-dist.mjs [--port 8080] [--dir dist] [--api-origin https://api.example.cn]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './csp.mjs';
import { HOME_PAGE } from './section-pages.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const root = resolve(option('dir', 'dist'));
const port = Number(option('port', process.env.PORT || 8080));
const host = option('host', '127.0.0.1');
const apiOrigins = args.flatMap((arg, at) => (args[at - 1] === '--api-origin' ? [arg] : []));
const POLICY = contentSecurityPolicy(apiOrigins);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
// Trunk's hashed names (a 64-bit hash in hex, written without leading zeros),
// and the per-build folder of the app's JS and wasm (scripts/split-wasm.mjs),
// whose chunk names are not hashed but never reused.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|css|wasm)$|[/\\]app-[0-9a-f]{16}[/\\]/;

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

/** The percent-decoded path, or null when it is not valid percent-encoded UTF-8. */
function decodePath(urlPath) {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null;
  }
}

async function resolvePath(decodedPath) {
  const clean = normalize(decodedPath).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, clean);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  const found = await fileAt(candidate);
  if (found) return found;
  // The app's routes: a section's own index.html (/services), else the app's
  // (deep links such as /services/svc-01).
  if (!extname(clean)) return (await fileAt(join(candidate, 'index.html'))) ?? join(root, 'index.html');
  return null;
}

/** The build's compressed copy of `path` that the browser accepts: brotli, else gzip. */
async function precompressed(path, accepted) {
  if (/\bbr\b/.test(accepted) && (await fileAt(`${path}.br`))) return { file: `${path}.br`, encoding: 'br' };
  if (/\bgzip\b/.test(accepted) && (await fileAt(`${path}.gz`))) return { file: `${path}.gz`, encoding: 'gzip' };
  return null;
}

function answer(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** What / gets: home's own page if the build wrote one (scripts/section-pages.mjs), else index.html. */
async function homePage() {
  return (await fileAt(join(root, HOME_PAGE))) ? `/${HOME_PAGE}` : '/index.html';
}

async function serve(req, res) {
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
  } catch {
    return answer(res, 400, 'bad request');
  }
  const decoded = decodePath(url.pathname === '/' ? await homePage() : url.pathname);
  if (decoded === null || decoded.includes('\0')) return answer(res, 400, 'bad request');
  const path = await resolvePath(decoded);
  if (!path) return answer(res, 404, 'not found');
  const headers = {
    'Content-Type': TYPES[extname(path)] || 'application/octet-stream',
    'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Vary': 'Accept-Encoding',
  };
  if (extname(path) === '.html') headers['Content-Security-Policy'] = POLICY;
  const encoded = await precompressed(path, req.headers['accept-encoding'] || '');
  if (encoded) headers['Content-Encoding'] = encoded.encoding;
  const body = await readFile(encoded ? encoded.file : path);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer((req, res) => {
  serve(req, res).catch((error) => {
    console.error(`serve-dist: ${req.url}: ${error.message}`);
    if (res.headersSent) res.destroy();
    else answer(res, 500, 'server error');
  });
});

// The port actually bound, so `--port 0` (any free port) can be found by whoever started it.
server.listen(port, host, () => console.log(`serving ${root} on http://${host}:${server.address().port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));

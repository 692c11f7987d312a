// Serves the built app (dist/) the way a production host should:
// SPA fallback (an extension-less unknown path gets index.html), .wasm as
// application/wasm, precompressed .br files when the browser accepts brotli,
// hashed assets cached for a year and index.html / config.json never cached.
// A missing file with an extension (.wasm, .js, .css…) is a 404, never
// index.html; a malformed address is a 400, never a crash.
//
//   node scripts/serve-dist.mjs [--port 8080] [--dir dist]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const root = resolve(option('dir', 'dist'));
const port = Number(option('port', process.env.PORT || 8080));
const host = option('host', '127.0.0.1');

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
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/;

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
  // Deep links such as /services/svc-01 are the app's routes: hand them index.html.
  if (!extname(clean)) return join(root, 'index.html');
  return null;
}

function answer(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function serve(req, res) {
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
  } catch {
    return answer(res, 400, 'bad request');
  }
  const decoded = decodePath(url.pathname === '/' ? '/index.html' : url.pathname);
  if (decoded === null || decoded.includes('\0')) return answer(res, 400, 'bad request');
  const path = await resolvePath(decoded);
  if (!path) return answer(res, 404, 'not found');
  const headers = {
    'Content-Type': TYPES[extname(path)] || 'application/octet-stream',
    'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Vary': 'Accept-Encoding',
  };
  let body;
  const brotli = /\bbr\b/.test(req.headers['accept-encoding'] || '') && (await fileAt(`${path}.br`));
  if (brotli) {
    body = await readFile(brotli);
    headers['Content-Encoding'] = 'br';
  } else {
    body = await readFile(path);
  }
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

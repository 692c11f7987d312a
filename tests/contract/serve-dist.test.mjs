// The app's static server (scripts/serve-dist.mjs) over a temporary folder:
// routes get index.html (a section its own), missing assets are 404, malformed addresses are 400
// and never bring the server down.
// Run: node --test tests/contract/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { brotli } from '../../scripts/precompress.mjs';

const serverPath = fileURLToPath(new URL('../../scripts/serve-dist.mjs', import.meta.url));
const INDEX = '<!doctype html><title>app</title>';
const SECTION = '<!doctype html><title>服务清单</title>';
const HOME = '<!doctype html><title>酉新送暖</title>';
const WASM = 'youxin-0123456789abcdef_bg.wasm';

let dir;
let child;
let port;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-dist-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, WASM), Buffer.from([0, 97, 115, 109]));
  // Trunk writes its hash without leading zeros: 15 digits here.
  writeFileSync(join(dir, 'main-123456789abcdef.css'), 'body {}');
  writeFileSync(join(dir, 'config.json'), '{"api_base": null}');
  writeFileSync(join(dir, 'config.json.br'), brotli(Buffer.from('{"api_base": null}')));
  writeFileSync(join(dir, 'config.json.gz'), gzipSync(Buffer.from('{"api_base": null}')));
  mkdirSync(join(dir, 'demo'));
  writeFileSync(join(dir, 'demo', '驿站 列表.json'), '[]');
  mkdirSync(join(dir, 'services'));
  writeFileSync(join(dir, 'services', 'index.html'), SECTION);
  writeFileSync(join(dir, 'home.html'), HOME);
  const args = ['--port', '0', '--dir', dir, '--api-origin', 'https://api.example.cn/youxin'];
  child = spawn(process.execPath, [serverPath, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const found = /:(\d+)\/$/m.exec(String(chunk).trim());
      if (found) resolve(Number(found[1]));
    });
  });
});

after(() => {
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** GET a raw path (sent exactly as written), resolving to {status, headers, body}. */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a route of the app gets index.html, uncached, under the policy that allows the backend', async () => {
  for (const path of ['/services/svc-01', '/login?next=/points', '/index.html']) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(String(res.body), INDEX, path);
    assert.equal(res.headers['cache-control'], 'no-cache');
    const policy = res.headers['content-security-policy'];
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/, path);
    assert.match(policy, /connect-src 'self' https:\/\/api\.example\.cn;/, path);
    assert.doesNotMatch(policy, /script-src[^;]*unsafe-inline/, path);
  }
});

test("home and a section get their own page; other routes and folders without one get index.html", async () => {
  for (const [path, page] of [
    ['/', HOME],
    ['/?from=wechat', HOME],
    ['/services', SECTION],
    ['/services/', SECTION],
    ['/services?q=体检', SECTION],
    ['/services/svc-01', INDEX],
    ['/demo', INDEX],
    ['/nowhere', INDEX],
  ]) {
    const res = await get(encodeURI(path));
    assert.equal(res.status, 200, path);
    assert.equal(String(res.body), page, path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
    assert.match(res.headers['content-security-policy'], /script-src 'self'/, path);
  }
});

test('a malformed percent-encoded path is a 400, and the server keeps serving', async () => {
  for (const path of ['/%E0%A4%A', '/%', '/services/%ZZ', '/%C0%AF', '/a%00b']) {
    assert.equal((await get(path)).status, 400, path);
  }
  assert.equal((await get('/')).status, 200);
});

test('a missing file with an extension is a 404, never index.html', async () => {
  for (const path of ['/missing.wasm', '/youxin-ffffffffffffffff.js', '/style-0000000000000000.css', '/demo/none.json', '/a.wasm/']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.notEqual(String(res.body), INDEX, path);
  }
});

test('assets keep their type, hashed ones are cached, brotli or gzip is sent when accepted', async () => {
  const wasm = await get(`/${WASM}`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.match(wasm.headers['cache-control'], /immutable/);
  const style = await get('/main-123456789abcdef.css');
  assert.equal(style.headers['content-type'].split(';')[0], 'text/css');
  assert.match(style.headers['cache-control'], /immutable/);
  const config = await get('/config.json', { 'Accept-Encoding': 'gzip, br' });
  assert.equal(config.headers['content-encoding'], 'br');
  assert.equal(String(brotliDecompressSync(config.body)), '{"api_base": null}');
  const older = await get('/config.json', { 'Accept-Encoding': 'gzip' });
  assert.equal(older.headers['content-encoding'], 'gzip');
  assert.equal(String(gunzipSync(older.body)), '{"api_base": null}');
  assert.equal((await get('/config.json')).headers['content-encoding'], undefined);
  const named = await get(`/demo/${encodeURIComponent('驿站 列表.json')}`);
  assert.equal(named.status, 200);
});

test('nothing outside the folder is reachable', async () => {
  for (const path of ['/../../../etc/passwd', '/..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/hostname']) {
    const res = await get(path);
    assert.ok(res.status === 404 || String(res.body) === INDEX, `${path}: ${res.status}`);
  }
});

// What deploy/nginx.conf sends (the `nginx` project only): routes get
// index.html fresh and under the policy, the build's files go precompressed with
// their types and the right cache lifetime, and a missing file is a real 404.
import { test, expect } from './fixtures.mjs';

/** The build's folder and main module, as index.html names them. */
async function buildFiles(request) {
  const html = await (await request.get('/')).text();
  const main = /<script type="module" src="\.((\/app-[0-9a-f]{16})\/youxin-[0-9a-f]+\.js)">/.exec(html);
  expect(main, 'index.html loads the main module from app-<hash>/').not.toBeNull();
  const wasm = new RegExp(`${main[2]}/youxin-[0-9a-f]+_bg\\.wasm`).exec(html);
  expect(wasm, 'index.html preloads the main wasm').not.toBeNull();
  return { folder: main[2], script: main[1], wasm: wasm[0] };
}

test('every route gets index.html, never cached, under the security policy', async ({ request }) => {
  for (const path of ['/', '/services/svc-01', '/stations?town=桃花源街道', '/report']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
    expect(response.headers()['content-security-policy'], path).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(await response.text(), path).toContain('id="static-shell"');
  }
  const config = await request.get('/config.json');
  expect(config.headers()['cache-control']).toBe('no-cache');
  expect(await config.json()).toHaveProperty('api_base');
});

test("home and a section get their own page, with its heading, under the same headers", async ({ request }) => {
  for (const path of ['/', '/?from=menu', '/services', '/services/', '/courses?kind=online']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
    expect(response.headers()['content-security-policy'], path).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    const html = await response.text();
    expect(html, path).toContain('id="static-shell"');
    expect(html, path).toMatch(/<h1>(酉新送暖 · 阳光同行|服务清单|酉新学堂)<\/h1>/);
  }
  for (const path of ['/services/svc-01', '/demo', '/nowhere', '/home', '/index.html']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-security-policy'], path).toMatch(/script-src 'self'/);
    expect(await response.text(), path).not.toContain('<h1>');
  }
});

test('the build goes precompressed, typed, and cached for a year only where its name is its content', async ({ request }) => {
  const { script, wasm } = await buildFiles(request);
  for (const [encoding, expected] of [['br', 'br'], ['gzip', 'gzip']]) {
    const response = await request.get(wasm, { headers: { 'Accept-Encoding': encoding } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/wasm');
    expect(response.headers()['content-encoding']).toBe(expected);
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  }
  const module = await request.get(script);
  expect(module.headers()['content-type']).toMatch(/javascript/);
  expect(module.headers()['cache-control']).toMatch(/immutable/);
  const data = await request.get('/demo/services.json', { headers: { 'Accept-Encoding': 'br' } });
  expect(data.headers()['content-encoding']).toBe('br');
  expect(data.headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/manifest.webmanifest')).headers()['content-type']).toBe('application/manifest+json');
});

test('a missing script, wasm or data file is a 404, never index.html', async ({ request }) => {
  const { folder } = await buildFiles(request);
  for (const path of [`${folder}/chunk_99999.wasm`, '/app-0000000000000000/youxin.js', '/missing.js', '/demo/none.json']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain('static-shell');
    expect(response.headers()['cache-control'] ?? '', path).not.toMatch(/immutable/);
  }
});

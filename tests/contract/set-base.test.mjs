// Moving a build under a sub-path (scripts/set-base.mjs): only the pages'
// <base href> changes (index.html and each section's own), their compressed
// copies follow, and a base that is not a plain path of the host is refused.
// Run: node --test tests/contract/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { normalizeBase, withBase } from '../../scripts/set-base.mjs';

const script = fileURLToPath(new URL('../../scripts/set-base.mjs', import.meta.url));
const shipped = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');

test('the shipped index.html serves at the root and names its files relative to the base', () => {
  assert.match(shipped, /<base href="\/" \/>/);
  const rest = shipped.replace('<base href="/" />', '');
  assert.doesNotMatch(rest, /(href|src)="\/(?!\/)/, 'no root-absolute address besides the base');
});

test('the base is rewritten and nothing else', () => {
  const moved = withBase(shipped, '/youxin');
  assert.match(moved, /<base href="\/youxin\/" \/>/);
  assert.equal(moved.replace('<base href="/youxin/" />', '<base href="/" />'), shipped);
  assert.equal(withBase(moved, '/'), shipped);
});

test('a base that is not a plain path of this host is refused', () => {
  for (const bad of ['youxin/', '//evil.example/', 'https://host/youxin/', '/you xin/', '/a"><script>/', '/a?b/', '']) {
    assert.throws(() => normalizeBase(bad), /must be a path on this host/, JSON.stringify(bad));
  }
  assert.throws(() => withBase('<html></html>', '/youxin/'), /no <base href>/);
});

test('the command rewrites every page and its .br and .gz in a build folder', () => {
  const dist = mkdtempSync(join(tmpdir(), 'set-base-'));
  try {
    writeFileSync(join(dist, 'index.html'), shipped);
    mkdirSync(join(dist, 'services'));
    writeFileSync(join(dist, 'services', 'index.html'), shipped.replace('<main', '<h1>服务清单</h1><main'));
    mkdirSync(join(dist, 'demo'));
    writeFileSync(join(dist, 'demo', 'services.json'), '[]');
    const run = spawnSync(process.execPath, [script, dist, '/youxin/'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const page of ['index.html', 'services/index.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      assert.match(html, /<base href="\/youxin\/" \/>/, page);
      assert.equal(String(brotliDecompressSync(readFileSync(join(dist, `${page}.br`)))), html, page);
      assert.equal(String(gunzipSync(readFileSync(join(dist, `${page}.gz`)))), html, page);
    }
    assert.match(readFileSync(join(dist, 'services', 'index.html'), 'utf8'), /服务清单/);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const refused = spawnSync(process.execPath, [script, dist, 'https://evil.example/'], { encoding: 'utf8' });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /must be a path on this host/);
    assert.equal(readFileSync(join(dist, 'index.html'), 'utf8'), html, 'a refused base changes nothing');
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

// scripts/precompress.mjs runs from a checkout whose folder name has spaces and
// Chinese characters (its own URL is then percent-encoded) and writes .br and .gz files.
// Run: node --test tests/contract/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const script = fileURLToPath(new URL('../../scripts/precompress.mjs', import.meta.url));

test('precompress writes .br and .gz files from a folder named with spaces and Chinese', () => {
  const root = mkdtempSync(join(tmpdir(), 'precompress-'));
  try {
    const checkout = join(root, '酉新 送暖 checkout', 'scripts');
    const dist = join(root, '酉新 送暖 checkout', 'dist 目录');
    mkdirSync(checkout, { recursive: true });
    mkdirSync(join(dist, 'demo'), { recursive: true });
    copyFileSync(script, join(checkout, 'precompress.mjs'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html>'.repeat(50));
    writeFileSync(join(dist, 'demo', '服务.json'), '{"items": []}');
    writeFileSync(join(dist, 'icon.png'), 'not compressed');

    execFileSync(process.execPath, [join(checkout, 'precompress.mjs'), dist]);

    assert.equal(String(brotliDecompressSync(readFileSync(join(dist, 'index.html.br')))), '<!doctype html>'.repeat(50));
    assert.equal(String(gunzipSync(readFileSync(join(dist, 'index.html.gz')))), '<!doctype html>'.repeat(50));
    assert.ok(existsSync(join(dist, 'demo', '服务.json.br')));
    assert.ok(existsSync(join(dist, 'demo', '服务.json.gz')));
    assert.ok(!existsSync(join(dist, 'icon.png.br')));
    assert.ok(!existsSync(join(dist, 'icon.png.gz')));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// The web app manifest: what a phone needs to put the app on its home screen —
// a name, a start inside the app, the theme colour, and icons that exist at
// the sizes they claim (PNG 192 and 512, and a maskable one).
// Run: node --test tests/contract/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './schema.mjs';

const publicDir = path.join(repoRoot, 'public');
const manifest = JSON.parse(readFileSync(path.join(publicDir, 'manifest.webmanifest'), 'utf8'));
const indexHtml = readFileSync(path.join(repoRoot, 'index.html'), 'utf8');

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
function pngSize(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the manifest names the app, starts inside it and sets its colours', () => {
  assert.equal(manifest.name, '酉新送暖');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.match(indexHtml, new RegExp(`name="theme-color" content="${manifest.theme_color}"`));
});

test('every PNG icon exists at the size it claims, and is copied into the build', () => {
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  for (const icon of pngs) {
    const file = path.join(publicDir, icon.src);
    assert.ok(existsSync(file), `${icon.src} is missing`);
    const [width, height] = pngSize(file);
    assert.equal(`${width}x${height}`, icon.sizes, icon.src);
    assert.match(indexHtml, new RegExp(`rel="copy-file" href="public/${icon.src}"`), `${icon.src} is not copied by Trunk`);
  }
  const sizes = (purpose) => pngs.filter((i) => (i.purpose ?? 'any') === purpose).map((i) => i.sizes);
  assert.ok(sizes('any').includes('192x192') && sizes('any').includes('512x512'), 'PNG 192 and 512');
  assert.ok(sizes('maskable').includes('512x512'), 'a maskable 512');
});

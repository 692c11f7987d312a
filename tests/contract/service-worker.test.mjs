// The service worker the release build writes (dist/sw.js, from public/sw.js):
// it names the build index.html loads, and caches on install exactly the files
// the first paint needs, each of them in the build. Run after scripts/build.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const dist = new URL('../../dist/', import.meta.url);
const worker = readFileSync(new URL('sw.js', dist), 'utf8');
const index = readFileSync(new URL('index.html', dist), 'utf8');
const build = /<script type="module" src="\.\/(app-[0-9a-f]{16})\//.exec(index)?.[1];
const shell = JSON.parse(/(\[\s*"index\.html"[^\]]*\])/.exec(worker)?.[1] ?? '[]');

test('the worker is for the build index.html loads', () => {
  assert.ok(build, 'index.html loads its module from an app-<hash>/ folder');
  assert.ok(worker.includes(`"${build}"`), `sw.js names ${build}`);
  assert.deepEqual([...new Set(worker.match(/app-[0-9a-f]{16}/g))], [build], 'and no other build');
});

test('the shell it caches on install is the first paint, every file of it in the build', () => {
  assert.ok(shell.includes('index.html'));
  const main = /src="\.\/(app-[0-9a-f]{16}\/youxin-[0-9a-f]+\.js)"/.exec(index)[1];
  assert.ok(shell.includes(main), 'the main module');
  assert.ok(shell.includes(main.replace(/\.js$/, '_bg.wasm')), 'its wasm');
  // The styles are inside index.html: a stylesheet of their own would be one more file.
  assert.deepEqual(shell.filter((path) => /\.css$/.test(path)), []);
  assert.match(index, /<style>[^<]*\.site-header[^<]*<\/style>/, 'index.html carries the styles');
  for (const path of shell) assert.ok(existsSync(new URL(path, dist)), `${path} is in dist/`);
  // Pages' chunks are cached as they are used: a phone downloads only what it opens.
  assert.deepEqual(shell.filter((path) => /chunk_|split_/.test(path)), []);
});

test('the template is filled in, not shipped as it is', () => {
  const template = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');
  assert.match(template, /const BUILD = 'dev';/);
  assert.match(template, /const SHELL = \[\];/);
  assert.doesNotMatch(worker, /"dev"|SHELL = \[\]/);
});

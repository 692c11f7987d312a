// The built pages' wasm (dist/app-*/): after wasm-split and the merge of its
// shared chunks (scripts/merge-chunks.mjs), every piece is valid, imports only
// what the main module lends it, and is loaded by __wasm_split.js; nothing is
// left over. Run after scripts/build.sh; the loader is minified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const dist = new URL('../../dist/', import.meta.url);
const folder = readdirSync(dist).find((name) => /^app-[0-9a-f]{16}$/.test(name));
const app = new URL(`${folder}/`, dist);
const files = readdirSync(app);
const loader = readFileSync(new URL('__wasm_split.js', app), 'utf8');
const pieces = files.filter((name) => /^(chunk|split)_\w+\.wasm$/.test(name));

test('every page piece is loaded by __wasm_split.js, and every file it loads is there', () => {
  assert.ok(pieces.length > 0, `${folder} has page pieces`);
  const loaded = [...loader.matchAll(/"\.\/((?:chunk|split)_\w+\.wasm)"/g)].map((match) => match[1]);
  assert.deepEqual([...new Set(loaded)].sort(), [...pieces].sort());
});

test('every piece is valid wasm that imports only the main module’s memory, table and stack pointer', () => {
  // `const{memory:p,…}=initSync(…)`: what the main module lends the pieces.
  const lent = [.../const\{([\w:,]+)\}=/.exec(loader)?.[1].matchAll(/(\w+):\w+/g) ?? []].map((match) => match[1]);
  assert.ok(lent?.includes('memory'), 'the loader lends the memory');
  for (const name of pieces) {
    const bytes = readFileSync(new URL(name, app));
    assert.ok(WebAssembly.validate(bytes), `${name} is valid`);
    for (const entry of WebAssembly.Module.imports(new WebAssembly.Module(bytes))) {
      assert.equal(entry.module, '__wasm_split', `${name} imports ${entry.module}.${entry.name}`);
      assert.ok(lent.includes(entry.name), `${name} imports ${entry.name}, which the main module lends`);
    }
  }
});

test('a page loads a handful of files, not one per shared chunk', () => {
  // Each page's loader fetches split_<page>.wasm and waits for the shared files listed after it.
  // The splitter alone makes up to 203; merged, the most is 13 (荣誉榜). The files a
  // cold deep link fetches in all are held to their budget by scripts/size-report.mjs.
  const needs = [...loader.matchAll(/"\.\/split_(\w+)\.wasm"[^\]]*?\},\[([^\]]*)\]\)/g)];
  assert.ok(needs.length > 10, 'the loader has a loader per page');
  for (const [, page, deps] of needs) {
    const count = deps.split(',').filter((dep) => dep.trim()).length;
    assert.ok(count <= 16, `${page} needs ${count} shared files`);
  }
});

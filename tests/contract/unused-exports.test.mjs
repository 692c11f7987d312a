// Taking server_fn's unused stream adapters out of the main module
// (scripts/unused-exports.mjs): the wasm loses those exports and nothing else,
// and the glue stops exporting their classes.
// Run: node --test tests/contract/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropExports, isUnused, UNUSED_CLASSES, unexportClasses } from '../../scripts/unused-exports.mjs';

const name = (text) => [text.length, ...Buffer.from(text)];
const exportOf = (text) => [...name(text), 0x00, 0x00]; // a function, index 0
const section = (id, body) => [id, body.length, ...body];

/** A module with one empty function, exported under each of `names`, and a custom section after. */
function moduleExporting(names) {
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x00, 0x00]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [names.length, ...names.flatMap(exportOf)]),
    ...section(10, [0x01, 0x02, 0x00, 0x0b]),
    ...section(0, [...name('note'), 0x2a]),
  ]);
}

test('the adapters’ exports go, and every other export stays', () => {
  const names = ['start', 'intounderlyingsink_write', '__wbg_intounderlyingsource_free', 'memory_user'];
  const out = dropExports(moduleExporting(names), isUnused);
  const module = new WebAssembly.Module(out);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name), ['start', 'memory_user']);
  assert.deepEqual(WebAssembly.Module.customSections(module, 'note').map((s) => [...new Uint8Array(s)]), [[0x2a]]);
});

test('a module without the adapters comes out the same', () => {
  const input = moduleExporting(['start', 'main']);
  assert.deepEqual([...dropExports(input, isUnused)], [...input]);
});

test('only the adapters’ own names count as theirs', () => {
  assert.equal(isUnused('intounderlyingbytesource_pull'), true);
  assert.equal(isUnused('__wbg_intounderlyingsink_free'), true);
  assert.equal(isUnused('__wbg_get_imports'), false);
  assert.equal(isUnused('intounderlying'), false);
  assert.equal(isUnused('youxin_start'), false);
});

test('the glue keeps the classes but no longer exports them', () => {
  const glue = UNUSED_CLASSES.map(
    (cls) => `export class ${cls} {\n  free() {}\n}\nif (Symbol.dispose) ${cls}.prototype[Symbol.dispose] = ${cls}.prototype.free;\n`,
  ).join('');
  const out = unexportClasses(`${glue}export class Other {}\n`);
  assert.doesNotMatch(out, /export class IntoUnderlying/);
  assert.doesNotMatch(out, /Symbol\.dispose/);
  assert.match(out, /export class Other/);
  assert.throws(() => unexportClasses('export class Other {}'), /wasm-bindgen's output/);
});

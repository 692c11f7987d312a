// Merges wasm-split's shared chunks into fewer files (scripts/chunk-groups.mjs
// decides which), and rewrites __wasm_split.js to load the merged files.
//
// A shared chunk has no exports and imports only the main module's memory,
// table and stack pointer: it just fills its slots of the table and its bytes
// of memory. So a merged file is the chunks' code side by side, importing the
// same three once. wasm-merge would import them once per chunk (needing
// multi-memory), so each merge also takes a stand-in module that imports the
// three under a name of the same length and exports them: the chunks' imports
// link to its exports, and the name is set back in the bytes afterwards.
// binaryen's tools come from node_modules/.bin, on PATH (scripts/env.sh).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupChunks, visits } from './chunk-groups.mjs';

/** The chunks' loader, which wasm-split writes and the main JS imports. */
export const LOADER = '__wasm_split.js';
const HOST = '__wasm_split';
const STAND_IN = '__wasm_splix';
/** The split point loaded before every page in demo mode. */
const DEMO_BACKEND = 'demo_backend';
/**
 * What one more file costs, in bytes of unoptimised wasm (a tenth or so of
 * them once optimised and compressed): a round trip and a compile on a phone.
 */
const PER_FILE = 56_000;

/**
 * The features of the Rust toolchain's wasm. A merged chunk no longer says
 * which it uses (the stand-in declares none), so binaryen is told.
 */
export const FEATURES = [
  'bulk-memory', 'bulk-memory-opt', 'call-indirect-overlong', 'multivalue', 'mutable-globals',
  'nontrapping-float-to-int', 'reference-types', 'sign-ext',
].map((feature) => `--enable-${feature}`);

/** A chunk's loader in __wasm_split.js: its comment, then `const __chunk_N = makeLoad(…, []);`. */
const CHUNK_LOADER = /(?:\/\*[^*]*\*\/\n)?const (__chunk_\d+) = makeLoad\(\(\) => \{\n[^\n]*"\.\/(chunk_\d+\.wasm)"[\s\S]*?\n\}\n, \[\]\);\n/g;
/** A split point's loader, ending with the chunks it needs. */
const SPLIT_LOADER = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{[\s\S]*?\n\}\n, \[([^\]]*)\]\)\);/g;

/**
 * Merges the shared chunks in `dir` (wasm-split-cli's output, before
 * optimisation). Returns how many chunk files there were and are, and the
 * files each split point loads (`needs`: split name to file names).
 */
export function mergeChunks(dir) {
  const loaderPath = join(dir, LOADER);
  let loader = readFileSync(loaderPath, 'utf8');

  const users = new Map();
  const splits = [];
  for (const [, split, deps] of loader.matchAll(SPLIT_LOADER)) {
    splits.push(split);
    for (const dep of names(deps)) users.set(dep, [...(users.get(dep) ?? []), split]);
  }
  const files = new Map([...loader.matchAll(CHUNK_LOADER)].map(([, constant, file]) => [constant, file]));
  if (files.size === 0) return { before: 0, after: 0, needs: new Map() };
  for (const constant of users.keys()) {
    if (!files.has(constant)) throw new Error(`${LOADER}: ${constant} is needed but has no loader`);
  }

  const chunks = [...files].map(([constant, file]) => ({
    name: constant,
    size: statSync(join(dir, file)).size,
    users: users.get(constant) ?? [],
  }));
  const groups = groupChunks(chunks, visits(splits, DEMO_BACKEND), PER_FILE);

  // What the main module lends every chunk, as __wasm_split.js hands it over.
  const lent = /const \{ ([\w\s,]+) \} = initSync\(/.exec(loader);
  if (!lent) throw new Error(`${LOADER}: no list of what the chunks import`);
  const standIn = join(dir, 'stand-in.wasm');
  const smallestFirst = [...chunks].sort((a, b) => a.size - b.size).map((chunk) => files.get(chunk.name));
  writeStandIn(dir, smallestFirst, names(lent[1]), standIn);
  const groupOf = new Map();
  try {
    for (const group of groups) {
      for (const constant of group) groupOf.set(constant, group[0]);
      if (group.length > 1) merge(dir, standIn, group.map((constant) => files.get(constant)));
    }
  } finally {
    rmSync(standIn, { force: true });
  }

  // One loader per group, named after its first chunk; each split point
  // loads every group it needs once.
  loader = loader.replace(CHUNK_LOADER, (block, constant) => (groupOf.get(constant) === constant ? block : ''));
  const needs = new Map();
  loader = loader.replace(SPLIT_LOADER, (block, split, deps) => {
    const needed = [...new Set(names(deps).map((constant) => groupOf.get(constant)))];
    needs.set(split, [`split_${split}.wasm`, ...needed.map((constant) => files.get(constant))]);
    return block.slice(0, block.lastIndexOf('[')) + `[${needed.join(', ')}]));`;
  });
  writeFileSync(loaderPath, loader);
  return { before: files.size, after: groups.length, needs };
}

function names(list) {
  return list.split(',').map((name) => name.trim()).filter(Boolean);
}

/** Merges `members` (file names in `dir`) into the first of them, removing the others. */
function merge(dir, standIn, members) {
  const target = join(dir, members[0]);
  const inputs = members.flatMap((file, index) => [join(dir, file), `chunk${index}`]);
  try {
    execFileSync('wasm-merge', [...FEATURES, standIn, HOST, ...inputs, '--output', target], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    throw new Error(`wasm-merge of ${members.join(', ')} failed:\n${error.stderr}`);
  }
  const bytes = readFileSync(target);
  const from = Buffer.from(STAND_IN);
  let count = 0;
  for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + from.length)) {
    bytes.write(HOST, at);
    count += 1;
  }
  if (count === 0) throw new Error(`${members[0]}: the merged chunk imports nothing from ${HOST}`);
  writeFileSync(target, bytes);
  for (const file of members.slice(1)) rmSync(join(dir, file));
}

/**
 * The stand-in: imports what the chunks import from the main module, with the
 * same limits, and exports it under the same names. The smallest chunk that
 * imports all of it gives the lines.
 */
function writeStandIn(dir, smallestFirst, fields, path) {
  const importsAll = (file) => {
    const bytes = readFileSync(join(dir, file));
    return fields.every((field) => bytes.includes(field));
  };
  const model = smallestFirst.find(importsAll);
  if (!model) throw new Error(`no chunk imports all of ${fields.join(', ')}`);
  const text = execFileSync('wasm-dis', [join(dir, model)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 28,
  });
  const lines = fields.map((field) => {
    const line = new RegExp(`^ \\(import "${HOST}" "${field}" \\((memory|table|global) (\\$\\S+) .*\\)\\)$`, 'm').exec(text);
    if (!line) throw new Error(`${model} does not import ${field} as expected`);
    return { line: line[0].trim(), field, kind: line[1], id: line[2] };
  });
  const wat = [
    '(module',
    ...lines.map(({ line }) => line.replace(`"${HOST}"`, `"${STAND_IN}"`)),
    ...lines.map(({ field, kind, id }) => `(export "${field}" (${kind} ${id}))`),
    ')',
  ].join('\n');
  const watPath = `${path}.wat`;
  writeFileSync(watPath, wat);
  try {
    execFileSync('wasm-as', [...FEATURES, watPath, '--output', path]);
  } finally {
    rmSync(watPath, { force: true });
  }
}

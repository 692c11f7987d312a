// Which shared wasm chunks the build merges (scripts/chunk-groups.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupChunks, visits } from '../../scripts/chunk-groups.mjs';

const chunk = (name, size, ...users) => ({ name, size, users });
/** How many files and bytes each visit fetches under `groups`. */
function costs(chunks, groups, visitList) {
  const byName = new Map(chunks.map((c) => [c.name, c]));
  return visitList.map((visit) => {
    const fetched = groups.filter((group) => group.some((name) => byName.get(name).users.some((u) => visit.includes(u))));
    const bytes = fetched.flat().reduce((sum, name) => sum + byName.get(name).size, 0);
    return { files: fetched.length, bytes };
  });
}

test('a visit is each page alone, and each page after the demo backend', () => {
  assert.deepEqual(visits(['services', 'demo', 'courses'], 'demo'), [
    ['services'],
    ['courses'],
    ['demo', 'services'],
    ['demo', 'courses'],
    ['demo'],
  ]);
  assert.deepEqual(visits(['services', 'courses'], 'demo'), [['services'], ['courses']]);
});

test('small chunks that the same pages fetch become one file', () => {
  const chunks = [chunk('a', 100, 'p', 'q'), chunk('b', 200, 'p', 'q'), chunk('c', 300, 'p', 'q')];
  assert.deepEqual(groupChunks(chunks, visits(['p', 'q']), 1000), [['a', 'b', 'c']]);
});

test('a large chunk is not pushed onto a page that does not use it', () => {
  const chunks = [chunk('big', 500_000, 'p', 'q'), chunk('small', 100, 'q', 'r')];
  assert.deepEqual(groupChunks(chunks, visits(['p', 'q', 'r']), 1000), [['big'], ['small']]);
});

test('a merge that saves the light pages a file is not made at the heaviest page\'s expense', () => {
  // Merged, x and y save a, b and c a file each (3,000) and cost h x's 2,000
  // bytes: less in sum, but h is the visit everyone waits longest for.
  const chunks = [chunk('big', 100_000, 'h'), chunk('x', 2_000, 'a', 'b', 'c'), chunk('y', 100, 'a', 'b', 'c', 'h')];
  assert.deepEqual(groupChunks(chunks, visits(['a', 'b', 'c', 'h']), 1000), [['big'], ['x'], ['y']]);
});

test('small chunks of different pages merge when a file costs more than the bytes', () => {
  const chunks = [chunk('a', 50, 'p', 'q'), chunk('b', 60, 'q', 'r'), chunk('c', 70, 'p', 'r')];
  assert.deepEqual(groupChunks(chunks, visits(['p', 'q', 'r']), 1000), [['a', 'b', 'c']]);
});

test('every chunk lands in exactly one group, the summed cost falls, and no visit fetches more files', () => {
  const pages = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'demo'];
  // A fixed, irregular set: sizes from 40 bytes to 40 KB, two to five users each.
  const chunks = Array.from({ length: 60 }, (_, i) => {
    const users = pages.filter((_, j) => (i * 7 + j * 3) % 5 < 2 || j === i % pages.length);
    return chunk(`c${i}`, 40 + ((i * 7919) % 40_000), ...users);
  });
  const visitList = visits(pages, 'demo');
  const perFile = 5_000;
  const groups = groupChunks(chunks, visitList, perFile);

  assert.deepEqual(groups.flat().sort(), chunks.map((c) => c.name).sort());
  assert.ok(groups.length < chunks.length, `${groups.length} groups of ${chunks.length} chunks`);
  const total = (list) => list.reduce((sum, cost) => sum + cost.bytes + perFile * cost.files, 0);
  const separate = costs(chunks, chunks.map((c) => [c.name]), visitList);
  const merged = costs(chunks, groups, visitList);
  assert.ok(total(merged) < total(separate), 'the merge lowers the summed cost');
  merged.forEach((cost, index) => assert.ok(cost.files <= separate[index].files, `visit ${visitList[index]} fetches no more files`));
});

test('with no cost per file nothing is merged', () => {
  const chunks = [chunk('a', 10, 'p', 'q'), chunk('b', 10, 'p', 'q')];
  assert.deepEqual(groupChunks(chunks, visits(['p', 'q']), 0), [['a'], ['b']]);
});

// Decides which of wasm-split's shared chunks to merge into one file.
//
// wasm-split cuts one shared chunk for every distinct set of pages that use a
// piece of code, so a page can need a hundred or more files, most under 1 KB.
// On weak 4G every file costs a round trip and every module its own compile,
// which is slower than a few extra kilobytes. Merging trades the two: a group
// of chunks is one file, fetched by every page that needs any of its chunks.
//
// Pure: tested in tests/contract/chunk-groups.test.mjs.

/**
 * The ways a visit loads split points: each split point on its own (a page
 * opened with a backend), and each with `alongside` (the same page in demo
 * mode, where the demo backend comes first), and `alongside` alone.
 *
 * @param {string[]} splits the split points
 * @param {string | undefined} alongside a split point loaded with every page
 * @returns {string[][]}
 */
export function visits(splits, alongside) {
  const result = splits.filter((name) => name !== alongside).map((name) => [name]);
  if (alongside && splits.includes(alongside)) {
    result.push(...result.map((visit) => [alongside, ...visit]), [alongside]);
  }
  return result;
}

/**
 * Groups chunks so that the visits' cost falls: for each visit, the bytes of
 * every group it fetches plus `perFile` bytes for each file. Merges greedily
 * the pair of groups that lowers the sum of the costs' squares the most,
 * while a merge lowers it at all. Squared, a merge that saves a little on
 * many visits by burdening one already heavy visit does not pay: the worst
 * cold link, not only the average, is what a worker on weak 4G waits for.
 *
 * @param {{name: string, size: number, users: string[]}[]} chunks
 * @param {string[][]} visitList each visit's split points
 * @param {number} perFile what one more file costs, in bytes
 * @returns {string[][]} the chunk names of each group, in the order given
 */
export function groupChunks(chunks, visitList, perFile) {
  const words = Math.ceil(visitList.length / 32);
  // A group is the bit set of the visits that fetch it.
  const fetchedBy = (users) => {
    const bits = new Uint32Array(words);
    visitList.forEach((visit, index) => {
      if (visit.some((split) => users.includes(split))) bits[index >> 5] |= 1 << (index & 31);
    });
    return bits;
  };
  let groups = chunks.map((chunk, order) => ({
    names: [chunk.name],
    order,
    size: chunk.size,
    bits: fetchedBy(chunk.users),
  }));

  const fetches = (group, visit) => (group.bits[visit >> 5] >>> (visit & 31)) & 1;
  const cost = visitList.map((_, visit) =>
    groups.reduce((sum, group) => sum + (fetches(group, visit) ? group.size + perFile : 0), 0),
  );
  // What merging a and b changes a visit's cost by: one file less if it
  // fetches both, the other's bytes more if it fetches one.
  const change = (a, b, visit) => {
    const [inA, inB] = [fetches(a, visit), fetches(b, visit)];
    if (inA && inB) return -perFile;
    return inA ? b.size : inB ? a.size : 0;
  };
  // How much the sum of the squares falls: now² − (now + delta)² a visit.
  const saving = (a, b) =>
    cost.reduce((sum, now, visit) => {
      const delta = change(a, b, visit);
      return sum - delta * (2 * now + delta);
    }, 0);

  for (;;) {
    let best = null;
    for (let i = 0; i < groups.length; i += 1) {
      for (let j = i + 1; j < groups.length; j += 1) {
        const saved = saving(groups[i], groups[j]);
        if (saved > 0 && (best === null || saved > best.saved)) best = { i, j, saved };
      }
    }
    if (best === null) break;
    const [a, b] = [groups[best.i], groups[best.j]];
    cost.forEach((now, visit) => {
      cost[visit] = now + change(a, b, visit);
    });
    const merged = {
      names: [...a.names, ...b.names],
      order: Math.min(a.order, b.order),
      size: a.size + b.size,
      bits: a.bits.map((word, index) => word | b.bits[index]),
    };
    groups = groups.filter((group) => group !== a && group !== b);
    groups.push(merged);
  }
  const position = new Map(chunks.map((chunk, index) => [chunk.name, index]));
  return groups
    .sort((a, b) => a.order - b.order)
    .map((group) => group.names.sort((x, y) => position.get(x) - position.get(y)));
}


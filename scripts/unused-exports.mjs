// Takes out of the main module what leptos's dependencies export and the app
// never uses: server_fn's stream adapters (wasm-streams' IntoUnderlyingSink,
// IntoUnderlyingSource, IntoUnderlyingByteSource), which only a server
// function's streaming body would call. Bound by wasm-bindgen, they are
// exports of the wasm and classes of its JS; without them, wasm-opt drops
// their code and esbuild their classes: about 2 KB brotli off every first visit.
//
// Pure: tested in tests/contract/unused-exports.test.mjs.

/** The exports' JS classes, as wasm-bindgen names them. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** Whether a wasm export belongs to one of the classes (its methods, its `free`). */
export function isUnused(name) {
  return UNUSED_CLASSES.some((cls) => {
    const lower = cls.toLowerCase();
    return name.startsWith(`${lower}_`) || name === `__wbg_${lower}_free`;
  });
}

/** `js` with the classes no longer exported, so that a minifier may drop them. */
export function unexportClasses(js) {
  let result = js;
  for (const cls of UNUSED_CLASSES) {
    const declared = `export class ${cls} {`;
    if (!result.includes(declared)) throw new Error(`the glue declares no ${cls}: has wasm-bindgen's output changed?`);
    result = result.replace(declared, `class ${cls} {`);
    // The one statement that would keep the class alive.
    result = result.replace(`if (Symbol.dispose) ${cls}.prototype[Symbol.dispose] = ${cls}.prototype.free;`, '');
  }
  return result;
}

/** A wasm binary without the exports `drop` names; everything else byte for byte. */
export function dropExports(wasm, drop) {
  const bytes = Uint8Array.from(wasm);
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const encode = (value) => {
    const out = [];
    do {
      let byte = value & 0x7f;
      value = Math.floor(value / 128);
      if (value > 0) byte |= 0x80;
      out.push(byte);
    } while (value > 0);
    return out;
  };
  const text = new TextDecoder();
  const parts = [bytes.subarray(0, 8)];
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id !== 7) {
      parts.push(bytes.subarray(start, end));
      at = end;
      continue;
    }
    const count = leb();
    const kept = [];
    for (let i = 0; i < count; i += 1) {
      const entryStart = at;
      const length = leb();
      const name = text.decode(bytes.subarray(at, at + length));
      at += length + 1; // the name, then the export's kind
      leb(); // its index
      if (!drop(name)) kept.push(bytes.subarray(entryStart, at));
    }
    const body = [...encode(kept.length), ...kept.flatMap((entry) => [...entry])];
    parts.push(Uint8Array.from([7, ...encode(body.length), ...body]));
    at = end;
  }
  return Buffer.concat(parts);
}

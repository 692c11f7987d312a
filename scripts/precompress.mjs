// Writes FILE.br and FILE.gz beside every text or wasm file in a folder, at
// their best quality, so the server sends fewer bytes without compressing per
// request: brotli where the browser takes it, gzip for older WebViews.
//   node scripts/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.yaml', '.webmanifest']);

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}

/** Writes `path`.br and `path`.gz from the file as it is now. */
export function precompress(path) {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.br`, brotli(bytes));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.has(extname(name))) precompress(path);
  }
}

// Run as a script (not imported): compare paths, not URLs, which percent-encode
// spaces and Chinese characters in the folder's name.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) walk(process.argv[2] || 'dist');

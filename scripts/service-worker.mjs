// Writes a build's service worker: public/sw.js with the build's name and the
// files of its app shell filled in, minified. Called by scripts/split-wasm.mjs
// at the end of a release build; run on a built folder, it writes the worker
// again from the current public/sw.js (and its .br and .gz copies):
//   node scripts/service-worker.mjs dist
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const TEMPLATE = new URL('../public/sw.js', import.meta.url);

/**
 * Writes `dir`/sw.js for the build in `dir`/`folder`: its shell is
 * index.html (with the styles inside), the main JS and wasm and the split
 * loader, the manifest and icons. Pages' chunks are cached as they are used.
 * Returns the shell.
 */
export async function writeServiceWorker(dir, folder) {
  const modules = readdirSync(join(dir, folder)).filter((name) => /^(youxin-[0-9a-f]+(_bg\.wasm|\.js)|__wasm_split\.js)$/.test(name));
  const shell = ['index.html', ...modules.map((name) => `${folder}/${name}`), 'manifest.webmanifest', 'favicon.svg', 'icon-192.png'];
  for (const path of shell) readFileSync(join(dir, path)); // each must exist
  const source = readFileSync(TEMPLATE, 'utf8');
  const filled = source
    .replace("const BUILD = 'dev';", `const BUILD = ${JSON.stringify(folder)};`)
    .replace('const SHELL = [];', `const SHELL = ${JSON.stringify(shell)};`);
  if (!filled.includes(`"${folder}"`) || !filled.includes('"index.html"')) {
    throw new Error('public/sw.js has no BUILD and SHELL to fill in');
  }
  const { code } = await transform(filled, { minify: true, format: 'esm', legalComments: 'none' });
  writeFileSync(join(dir, 'sw.js'), code);
  return shell;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const folder = readdirSync(dir).find((name) => /^app-[0-9a-f]{16}$/.test(name));
  if (!folder) throw new Error(`no app-<hash> folder in ${dir}: build first (scripts/build.sh)`);
  const shell = await writeServiceWorker(dir, folder);
  const { precompress } = await import('./precompress.mjs');
  precompress(join(dir, 'sw.js'));
  console.log(`service-worker: ${dir}/sw.js for ${folder}, ${shell.length} shell files`);
}

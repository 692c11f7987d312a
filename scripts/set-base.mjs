// Moves a build to a sub-path of its host (https://example.cn/youxin/) or back
// to the root, without rebuilding: every address in the app is relative to
// index.html's <base href>, and this rewrites that one tag in index.html and
// in each section's own (services/index.html, …), with their precompressed
// copies.
//
//   node scripts/set-base.mjs <dist> </youxin/>      serve under /youxin/
//   node scripts/set-base.mjs <dist> /               serve at the root again
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.mjs';
import { pagesOf } from './section-pages.mjs';

const BASE_TAG = /<base href="[^"]*"\s*\/?>/;

/** `base` as index.html needs it: a path of this host, starting and ending with `/`. */
export function normalizeBase(base) {
  if (typeof base !== 'string' || !base.startsWith('/') || base.startsWith('//') || /[\s"'<>\\?#]/.test(base)) {
    throw new Error(`the base must be a path on this host such as /youxin/, not ${JSON.stringify(base)}`);
  }
  return base.endsWith('/') ? base : `${base}/`;
}

/** index.html's text with its <base href> set to `base`. */
export function withBase(html, base) {
  if (!BASE_TAG.test(html)) throw new Error('index.html has no <base href> tag to rewrite');
  return html.replace(BASE_TAG, `<base href="${normalizeBase(base)}" />`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [dir, base] = process.argv.slice(2);
  if (!dir || !base) {
    console.error('usage: node scripts/set-base.mjs <dist> </sub/path/>');
    process.exit(2);
  }
  try {
    // Every page is checked before any is written: a refused base changes nothing.
    const pages = pagesOf(dir).map((path) => [path, withBase(readFileSync(path, 'utf8'), base)]);
    for (const [path, html] of pages) {
      writeFileSync(path, html);
      precompress(path);
    }
    console.log(`${pages.length} pages of ${dir}: served under ${normalizeBase(base)}`);
  } catch (error) {
    console.error(`set-base: ${error.message}`);
    process.exit(1);
  }
}

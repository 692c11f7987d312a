// Each section's own index.html (dist/services/index.html, …): the app's
// index.html with the page's title, description, heading and lead written in
// (src/page_texts.json, the table the pages themselves draw from via build.rs).
// A cold link to a section paints where the worker is with the HTML, before
// the WebAssembly has arrived; the app takes over the same words when it runs.
// Servers hand /services its folder's index.html (scripts/serve-dist.mjs,
// deploy/nginx.conf); every other route still gets the root's index.html.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SITE_NAME = '酉新送暖';
const TEXTS = new URL('../src/page_texts.json', import.meta.url);

const escapeHtml = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** `html` with `pattern` replaced, which must be there: index.html and this script must agree. */
function replaceIn(html, pattern, replacement) {
  if (!pattern.test(html)) throw new Error(`index.html has no ${pattern}`);
  return html.replace(pattern, replacement);
}

/** The app's `index.html` made the page of a section, with its `page` texts. */
export function sectionPage(html, page) {
  const title = escapeHtml(`${page.title} · ${SITE_NAME}`);
  const description = escapeHtml(page.description);
  html = replaceIn(html, /<title>[^<]*<\/title>/, `<title>${title}</title>`);
  html = replaceIn(html, /(<meta name="description" content=")[^"]*(")/, `$1${description}$2`);
  html = replaceIn(html, /(<meta property="og:title" content=")[^"]*(")/, `$1${title}$2`);
  html = replaceIn(html, /(<meta property="og:description" content=")[^"]*(")/, `$1${description}$2`);
  const header =
    `<header class="page-header"><h1>${escapeHtml(page.title)}</h1>` +
    `<p class="lead">${escapeHtml(page.lead)}</p></header>`;
  return replaceIn(html, /(<div id="static-shell"[\s\S]*?<main class="site-main">)/, `$1\n        ${header}`);
}

/** Writes `dir/<section>/index.html` for every address of src/page_texts.json; returns their paths. */
export function writeSectionPages(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const texts = JSON.parse(readFileSync(TEXTS, 'utf8'));
  return Object.entries(texts).map(([address, page]) => {
    const folder = join(dir, address);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'index.html');
    writeFileSync(path, sectionPage(html, page));
    return path;
  });
}

/**
 * A build's pages: its index.html and each section's own, one folder down.
 * They name the build's folder, so they change together (set-base, a deploy).
 */
export function pagesOf(dir) {
  const sections = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name, 'index.html'))
    .filter((path) => existsSync(path));
  return [join(dir, 'index.html'), ...sections];
}

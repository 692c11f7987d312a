// The home page's and each section's own HTML (dist/home.html,
// dist/services/index.html, …): the app's index.html with the page's title,
// description, heading and lead written in (src/page_texts.json, the table
// the pages themselves draw from via build.rs). A cold link paints where the
// worker is with the HTML, before the WebAssembly has arrived; the app takes
// over the same words when it runs. Servers hand / home.html and /services its
// folder's index.html (scripts/serve-dist.mjs, deploy/nginx.conf); every other
// route still gets index.html, which names no page.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TEXTS = new URL('../src/page_texts.json', import.meta.url);
/** The home page's file, beside index.html: `/` is the folder index.html must stay the fallback of. */
export const HOME_PAGE = 'home.html';

const escapeHtml = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** `html` with `pattern` replaced, which must be there: index.html and this script must agree. */
function replaceIn(html, pattern, replacement) {
  if (!pattern.test(html)) throw new Error(`index.html has no ${pattern}`);
  return html.replace(pattern, replacement);
}

/** The file of the page at `address`, relative to the build's folder. */
export const pageFile = (address) => (address === '/' ? HOME_PAGE : join(address.slice(1), 'index.html'));

/** The app's `index.html` made the page at `address`, with its `page` texts. */
export function pageOf(html, address, page) {
  const home = address === '/';
  // index.html's own title is the site's name; home is named by it alone, as the app names it.
  const siteName = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  if (siteName === undefined) throw new Error('index.html has no <title>');
  const title = home ? siteName : `${escapeHtml(page.title)} · ${siteName}`;
  const description = escapeHtml(page.description);
  html = replaceIn(html, /<title>[^<]*<\/title>/, `<title>${title}</title>`);
  html = replaceIn(html, /(<meta name="description" content=")[^"]*(")/, `$1${description}$2`);
  html = replaceIn(html, /(<meta property="og:title" content=")[^"]*(")/, `$1${title}$2`);
  html = replaceIn(html, /(<meta property="og:description" content=")[^"]*(")/, `$1${description}$2`);
  const words = `<h1>${escapeHtml(page.title)}</h1><p class="lead">${escapeHtml(page.lead)}</p>`;
  const header = home ? `<section class="hero">${words}</section>` : `<header class="page-header">${words}</header>`;
  return replaceIn(html, /(<div id="static-shell"[\s\S]*?<main class="site-main">)/, `$1\n        ${header}`);
}

/** Writes the page of every address of src/page_texts.json into `dir`; returns their paths. */
export function writeSectionPages(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const texts = JSON.parse(readFileSync(TEXTS, 'utf8'));
  return Object.entries(texts).map(([address, page]) => {
    const path = join(dir, pageFile(address));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, pageOf(html, address, page));
    return path;
  });
}

/**
 * A build's pages: its index.html, home.html and each section's own, one
 * folder down. They name the build's folder, so they change together
 * (set-base, a deploy).
 */
export function pagesOf(dir) {
  const sections = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name, 'index.html'));
  const own = [join(dir, HOME_PAGE), ...sections].filter((path) => existsSync(path));
  return [join(dir, 'index.html'), ...own];
}

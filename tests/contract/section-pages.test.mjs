// The home page's and each section's own HTML (scripts/section-pages.mjs):
// the shipped index.html with the page's title, description, heading and lead
// written in, as text, and nothing else changed.
// Run: node --test tests/contract/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOME_PAGE, pageFile, pageOf, pagesOf, writeSectionPages } from '../../scripts/section-pages.mjs';

const shipped = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const texts = JSON.parse(readFileSync(new URL('../../src/page_texts.json', import.meta.url), 'utf8'));
const chunks = JSON.parse(readFileSync(new URL('../../src/page_chunks.json', import.meta.url), 'utf8'));
const services = texts['/services'];

test('a section page names itself and paints its heading and lead inside the static shell', () => {
  const html = pageOf(shipped, '/services', services);
  assert.match(html, /<title>服务清单 · 酉新送暖<\/title>/);
  assert.ok(html.includes(`<meta name="description" content="${services.description}" />`));
  assert.ok(html.includes(`<meta property="og:title" content="服务清单 · 酉新送暖" />`));
  assert.ok(html.includes(`<meta property="og:description" content="${services.description}" />`));
  const shell = html.slice(html.indexOf('<div id="static-shell"'));
  const header = `<header class="page-header"><h1>服务清单</h1><p class="lead">${services.lead}</p></header>`;
  assert.ok(shell.indexOf(header) > shell.indexOf('<main class="site-main">'), 'the header opens the main content');
  assert.ok(shell.indexOf(header) < shell.indexOf('<div class="skeleton"'), 'above the skeleton');
});

test("the home page's hero is painted, under the site's own name and description", () => {
  const home = texts['/'];
  const html = pageOf(shipped, '/', home);
  assert.match(html, /<title>酉新送暖<\/title>/);
  assert.ok(html.includes(`<meta property="og:title" content="酉新送暖" />`));
  assert.ok(html.includes(`<section class="hero"><h1>${home.title}</h1><p class="lead">${home.lead}</p></section>`));
  assert.equal(html.replace(/<section class="hero">.*?<\/section>\s*/, ''), shipped, "index.html's own description is home's");
});

test('nothing but the title, the descriptions and the header changes', () => {
  const strip = (html) =>
    html
      .replace(/<title>[^<]*<\/title>/, '')
      .replaceAll(/content="[^"]*"/g, '')
      .replace(/<header class="page-header">.*?<\/header>\s*/, '');
  assert.equal(strip(pageOf(shipped, '/services', services)), strip(shipped));
});

test('the words are written as text', () => {
  const html = pageOf(shipped, '/x', { title: '<b>"x"</b>', description: '"><script>', lead: 'a & b' });
  assert.ok(html.includes('<h1>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</h1>'));
  assert.ok(html.includes('content="&quot;&gt;&lt;script&gt;"'));
  assert.ok(html.includes('<p class="lead">a &amp; b</p>'));
  assert.ok(!html.includes('<script>'));
});

test('an index.html without the parts to fill is refused, not half written', () => {
  assert.throws(() => pageOf('<html><title>x</title></html>', '/services', services), /index.html has no/);
  assert.throws(() => pageOf(shipped.replace('id="static-shell"', 'id="shell"'), '/services', services), /index.html has no/);
});

test('every section of the table is a page of the app, and each gets its file', () => {
  for (const address of Object.keys(texts).filter((address) => address !== '/')) {
    assert.ok(Object.hasOwn(chunks, address.slice(1)), `${address} is not a route of src/page_chunks.json`);
  }
  const dist = mkdtempSync(join(tmpdir(), 'section-pages-'));
  try {
    writeFileSync(join(dist, 'index.html'), shipped);
    const written = writeSectionPages(dist);
    assert.equal(written.length, Object.keys(texts).length);
    for (const [address, page] of Object.entries(texts)) {
      assert.ok(readFileSync(join(dist, pageFile(address)), 'utf8').includes(`<h1>${page.title}</h1>`), address);
    }
    const pages = pagesOf(dist).map((path) => path.slice(dist.length));
    assert.deepEqual(pages.slice(0, 2), ['/index.html', `/${HOME_PAGE}`]);
    assert.equal(pages.length, 1 + written.length);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

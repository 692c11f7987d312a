// The page runs under a strict Content Security Policy (scripts/csp.mjs): the
// server sends it, the browser enforces it, and the app needs nothing it forbids.
// Every other spec fails on a violation (fixtures.mjs); this one proves that the
// policy is there to be violated.
import { createHash } from 'node:crypto';
import { test, expect, gotoApp, main, demoItems } from './fixtures.mjs';

const directives = (header) =>
  Object.fromEntries(
    header.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );

test('pages are served with a policy that allows no inline code and only the app and its backend', async ({ page, mockURL }) => {
  for (const path of ['/', `/services/${demoItems('services')[0].id}`, '/report']) {
    const response = await page.goto(path);
    const policy = directives(response.headers()['content-security-policy'] ?? '');
    expect(policy['script-src'], path).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    // Inline styles, narrowed by the page's own policy to those it ships (below).
    expect(policy['style-src'], path).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['default-src'], path).toEqual(["'self'"]);
    expect(policy['object-src'], path).toEqual(["'none'"]);
    expect(policy['frame-ancestors'], path).toEqual(["'self'"]);
    expect(policy['connect-src'], path).toEqual(["'self'", new URL(mockURL).origin]);
    const markup = await response.text();
    expect(markup, `${path}: no inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(markup, `${path}: no style attribute`).not.toMatch(/\sstyle=/);
    // The page's own policy names each of its styles by its hash, and allows no other inline style.
    const own = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(markup)?.[1] ?? '';
    const styles = [...markup.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css);
    expect(styles.length, `${path}: its styles are inside it`).toBeGreaterThan(0);
    const hashes = styles.map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(directives(own)['style-src'], path).toEqual(["'self'", "'unsafe-inline'", ...hashes]);
  }
  // The app runs under it (the fixture fails the test on any violation).
  await gotoApp(page, '/points');
  await expect(main(page).getByRole('heading', { level: 1, name: '积分' })).toBeVisible();
});

test('the browser enforces the policy: an injected inline script or style and a foreign request are refused', async ({
  browser,
  baseURL,
}) => {
  // A page of its own: the shared fixture would count these violations as failures.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await page.locator('#static-shell').waitFor({ state: 'detached' });
  const outcome = await page.evaluate(async () => {
    window.refused = [];
    document.addEventListener('securitypolicyviolation', (event) => window.refused.push(event.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    const style = document.createElement('style');
    style.textContent = 'body { outline: 7px solid red; }';
    document.head.append(style);
    const foreign = await fetch('https://example.com/steal').then(
      () => 'sent',
      () => 'refused',
    );
    const styled = getComputedStyle(document.body).outlineWidth === '7px';
    // The page's own styles do apply.
    const own = getComputedStyle(document.querySelector('.site-header')).position;
    return { ran: window.injected === true, styled, own, foreign };
  });
  expect(outcome).toEqual({ ran: false, styled: false, own: 'sticky', foreign: 'refused' });
  await expect
    .poll(() => page.evaluate(() => window.refused))
    .toEqual(expect.arrayContaining(['script-src-elem', 'style-src-elem', 'connect-src']));
  await context.close();
});

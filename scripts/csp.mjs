// The Content Security Policy the app runs under: only its own scripts (none
// inline) and styles, WebAssembly compiled by the browser, data and images
// from the app's origin and its backend, and `blob:` images for the photos a
// worker has just picked. scripts/serve-dist.mjs sends it; deploy/nginx.conf
// writes it out for one backend and a test holds the two equal.
//
// The styles come inside the page (index.html), so that nothing waits for a
// stylesheet before the first paint. Their hashes change with every edit, so
// the server's policy, which a deployer writes once, does not name them: it
// allows inline styles, and each page's own policy (a <meta> the build writes,
// `withStylePolicy`) narrows that to the styles it ships. A browser enforces
// both: only those styles apply.
import { createHash } from 'node:crypto';

/** The policy for a backend at `apiOrigins` (none: demo data only). */
export function contentSecurityPolicy(apiOrigins = []) {
  const api = apiOrigins.map((address) => new URL(address).origin);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...api].join(' '),
    ["connect-src 'self'", ...api].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The `<style>` elements' contents of `html`, in order. */
export const inlineStyles = (html) => [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css);

/** A source naming `css` by its hash, as a policy names an inline style. */
const styleSource = (css) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

/**
 * `html` with its own policy for styles, first in its <head>: its inline
 * styles by their hashes. ('unsafe-inline' is for browsers that know no
 * hashes; any that does ignores it beside a hash.)
 */
export function withStylePolicy(html) {
  const styles = inlineStyles(html);
  if (styles.length === 0) throw new Error('the page has no inline styles to name');
  const policy = ["style-src 'self' 'unsafe-inline'", ...styles.map(styleSource)].join(' ');
  const charset = /<meta charset="utf-8" ?\/?>/;
  if (!charset.test(html)) throw new Error('the page has no <meta charset="utf-8"> to put its policy after');
  return html.replace(charset, (meta) => `${meta}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}

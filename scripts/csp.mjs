// The Content Security Policy the app runs under: only its own scripts and
// styles (nothing inline), WebAssembly compiled by the browser, data and
// images from the app's origin and its backend, and `blob:` images for the
// photos a worker has just picked. scripts/serve-dist.mjs sends it;
// deploy/nginx.conf writes it out for one backend and a test holds the two equal.

/** The policy for a backend at `apiOrigins` (none: demo data only). */
export function contentSecurityPolicy(apiOrigins = []) {
  const api = apiOrigins.map((address) => new URL(address).origin);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    ["img-src 'self' data: blob:", ...api].join(' '),
    ["connect-src 'self'", ...api].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

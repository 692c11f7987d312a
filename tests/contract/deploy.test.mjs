// deploy/nginx.conf and the app's own server agree on the Content Security
// Policy, the file names the values scripts/nginx.mjs replaces, and its
// sub-path server makes the same page as scripts/set-base.mjs.
// Run: node --test tests/contract/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { contentSecurityPolicy, withStylePolicy } from '../../scripts/csp.mjs';
import { withBase } from '../../scripts/set-base.mjs';

const block = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');

test('nginx sends the policy of scripts/csp.mjs, for the example backend', () => {
  const sent = /add_header Content-Security-Policy "([^"]+)"/.exec(block);
  assert.ok(sent, 'deploy/nginx.conf sets Content-Security-Policy');
  assert.equal(sent[1], contentSecurityPolicy(['https://api.example.cn']));
  // No inline script, ever; inline styles only as each page's own policy names them (below).
  assert.doesNotMatch(sent[1], /script-src[^;]*'unsafe-inline'|'unsafe-eval'/);
});

test('a page’s own policy names each of its inline styles by its hash, and comes before them', () => {
  const page = '<head><meta charset="utf-8" /><style>a{color:red}</style><style>b{}</style></head>';
  const named = withStylePolicy(page);
  const own = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(named)?.[1];
  const hash = (css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  assert.equal(own, `style-src 'self' 'unsafe-inline' ${hash('a{color:red}')} ${hash('b{}')}`);
  assert.ok(named.indexOf('http-equiv') < named.indexOf('<style>'));
  assert.throws(() => withStylePolicy('<head><meta charset="utf-8" /></head>'), /no inline styles/);
  assert.throws(() => withStylePolicy('<head><style>a{}</style></head>'), /charset/);
});

test('the policy allows the backend to be reached and shown, and nothing else outside', () => {
  const policy = contentSecurityPolicy(['https://api.example.cn/youxin/']);
  assert.match(policy, /connect-src 'self' https:\/\/api\.example\.cn;/);
  assert.match(policy, /img-src 'self' data: blob: https:\/\/api\.example\.cn;/);
  assert.equal(contentSecurityPolicy().includes('https:'), false);
});

test('the block has the site values the nginx test replaces', () => {
  for (const value of ['listen 8080;', 'listen 8081;', 'proxy_pass http://127.0.0.1:8080/;', 'root /srv/youxin/dist;', 'https://api.example.cn']) {
    assert.ok(block.includes(value), value);
  }
});

test("the sub-path server rewrites exactly the base tag index.html ships with", () => {
  const index = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
  const [, from, to] = /sub_filter '([^']*)' '([^']*)';/.exec(block);
  assert.ok(index.includes(from), `index.html has ${from}`);
  assert.equal(withBase(index, '/youxin/'), index.replace(from, to), 'nginx and scripts/set-base.mjs make the same page');
});

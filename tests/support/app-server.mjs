// A server of its own for a test that changes what is served: it can go away
// (the phone loses the network) and come back on the same port, and its
// folder can be redeployed (a new build). scripts/serve-dist.mjs, as the
// shared server runs it.
import { spawn } from 'node:child_process';
import { createMockServer } from '../mock/backend.mjs';
import { pagesOf } from '../../scripts/section-pages.mjs';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVE = new URL('../../scripts/serve-dist.mjs', import.meta.url).pathname;
const DIST = new URL('../../dist/', import.meta.url).pathname;

/** A copy of dist/ in a temporary folder, to serve and redeploy; `remove()` deletes it. */
export function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), 'youxin-dist-'));
  cpSync(DIST, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Serves `dir` on `port` (0: any free one) until `stop()`, its security policy
 * allowing a backend at `apiOrigin` if one is named.
 */
export async function startAppServer(dir, { port = 0, apiOrigin = null } = {}) {
  const args = [SERVE, '--dir', dir, '--port', String(port), ...(apiOrigin ? ['--api-origin', apiOrigin] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const bound = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/on http:\/\/[^:]+:(\d+)\//);
      if (found) resolve(Number(found[1]));
    });
    child.on('exit', (code) => reject(new Error(`serve-dist exited with ${code}: ${output}`)));
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    /** Stops the server (again: nothing more) and waits until its port is free. */
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Deploys "the next build" in `dir`: the same files under another app-<hash>
 * folder, the old folder gone, its pages and sw.js naming the new one (as a
 * real release build differs from the last). Returns both folder names.
 */
export function deployNextBuild(dir) {
  const previous = readdirSync(dir).find((name) => /^app-[0-9a-f]{16}$/.test(name));
  if (!previous) throw new Error(`no app-<hash> folder in ${dir}`);
  const next = `app-${createHash('sha256').update(previous).digest('hex').slice(0, 16)}`;
  renameSync(join(dir, previous), join(dir, next));
  for (const path of [...pagesOf(dir), join(dir, 'sw.js')]) {
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll(previous, next));
    // The server prefers compressed copies: drop the stale ones.
    for (const suffix of ['.br', '.gz']) rmSync(`${path}${suffix}`, { force: true });
  }
  return { previous, next };
}

/** The mock backend on a port of its own, until `stop()`: a backend that can go away. */
export async function startBackend() {
  const mock = createMockServer();
  await new Promise((listening) => mock.http.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${mock.http.address().port}`, stop: () => mock.close() };
}

/** Points the app in `dir` at the backend at `apiBase` (its config.json, uncompressed). */
export function useBackend(dir, apiBase) {
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), api_base: apiBase }));
  for (const suffix of ['.br', '.gz']) rmSync(`${path}${suffix}`, { force: true });
}

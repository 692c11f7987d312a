#!/usr/bin/env node
// The demo data (public/demo/*.json) served as a static-file host would: the
// public reads only, GET only, with CORS headers and nothing else. Tests of
// the checker use it to show that plain files are a valid backend.
//
//   node tests/conformance/static-server.mjs [--port 8789] [--bare] [--demo public/demo]
//
// Paths map to files as the demo transport maps them (src/api/demo/router.rs):
// /v1/services -> services.json, /v1/points/rules -> points-rules.json, …
// A detail (/v1/services/svc-01) is the item of that id from the list file.
// A static host has no such file unless someone splits the list into one
// file per item; serving the item is what that host would serve, without
// keeping 150 copies of the data in the repository.
//
// --bare serves lists as bare JSON arrays (no {items, next}), the other shape
// the app accepts. Personal reads (/v1/me, …) answer 404: a static host cannot
// tell a worker's token; check such a backend with --public-only.

import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const DEFAULT_DEMO_DIR = fileURLToPath(new URL('../../public/demo/', import.meta.url));

// Public reads only, as in the contract (operations with `security: []` or an optional token).
const FILES = {
  site: 'site.json',
  services: 'services.json',
  courses: 'courses.json',
  stories: 'stories.json',
  stations: 'stations.json',
  'points/rules': 'points-rules.json',
  campaigns: 'campaigns.json',
  rewards: 'rewards.json',
  honours: 'honours.json',
  honourees: 'honourees.json',
  knights: 'knights.json',
  topics: 'topics.json',
  activities: 'activities.json',
};
const WITH_DETAILS = new Set([
  'services',
  'courses',
  'stories',
  'stations',
  'campaigns',
  'rewards',
  'honourees',
  'topics',
  'activities',
]);

export function createStaticServer({ demoDir = DEFAULT_DEMO_DIR, bare = false } = {}) {
  const read = (file) => {
    const full = path.join(demoDir, file);
    return existsSync(full) ? JSON.parse(readFileSync(full, 'utf8')) : null;
  };

  return http.createServer((req, res) => {
    const headers = {
      'Access-Control-Allow-Origin': '*',
      // Hosts and CDNs answer 429/503 with Retry-After too; the app may read it.
      'Access-Control-Expose-Headers': 'Retry-After',
    };
    const reply = (status, body) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const notFound = () => reply(404, { error: { code: 'not_found', message: '未找到该内容' } });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      return res.end();
    }
    const url = new URL(req.url, 'http://static.invalid');
    const rest = url.pathname.replace(/^\/v1\//, '');
    if (rest === url.pathname) return notFound();

    if (FILES[rest]) {
      const data = read(FILES[rest]);
      if (data == null) return notFound();
      // A static file knows no cursor: ?cursor= is ignored, as a file host ignores it.
      return reply(200, bare && Array.isArray(data.items) ? data.items : data);
    }
    const detail = /^([a-z]+)\/([^/]+)$/.exec(rest);
    if (detail && WITH_DETAILS.has(detail[1])) {
      let id;
      try {
        id = decodeURIComponent(detail[2]);
      } catch {
        return notFound();
      }
      const list = read(FILES[detail[1]]);
      const item = (Array.isArray(list) ? list : (list?.items ?? [])).find((x) => x.id === id);
      return item ? reply(200, item) : notFound();
    }
    return notFound();
  });
}

function parseArgs(argv) {
  const options = { port: 8789, host: '127.0.0.1', bare: false, demo: DEFAULT_DEMO_DIR };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--bare') options.bare = true;
    else if (flag === '--port') options.port = Number(argv[++i]);
    else if (flag === '--host') options.host = argv[++i];
    else if (flag === '--demo') options.demo = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${flag}; use --port N, --host H, --bare, --demo DIR`);
  }
  if (!Number.isInteger(options.port) || options.port < 0) throw new Error('--port wants a number');
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const server = createStaticServer({ demoDir: options.demo, bare: options.bare });
    server.listen(options.port, options.host, () => {
      console.log(`static backend on http://${options.host}:${server.address().port}`);
    });
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
    process.on('SIGINT', () => server.close(() => process.exit(0)));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

// Serves a build with Debian's nginx and exactly deploy/nginx.conf: only its
// site values (ports, folder, backend origin) are replaced. The end-to-end
// suite's `nginx` project runs against the app's server block, its `subpath`
// project against the sub-path one (--sub-port, which serves /youxin/).
//
//   node scripts/nginx.mjs [--port 8090] [--sub-port 8091] [--dir dist] [--api-origin https://api.example.cn]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const port = Number(option('port', 8090));
const subPort = Number(option('sub-port', port + 1));
const root = resolve(option('dir', 'dist'));
const apiOrigin = new URL(option('api-origin', 'https://api.example.cn')).origin;
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** `text` with `from` replaced, which must be there: the block and this script must agree. */
function replaceIn(text, from, to) {
  if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains ${from}`);
  return text.replaceAll(from, to);
}

let server = readFileSync(new URL('../deploy/nginx.conf', import.meta.url), 'utf8');
server = replaceIn(server, 'listen 8080;', `listen 127.0.0.1:${port};`);
server = replaceIn(server, 'listen 8081;', `listen 127.0.0.1:${subPort};`);
server = replaceIn(server, 'proxy_pass http://127.0.0.1:8080/;', `proxy_pass http://127.0.0.1:${port}/;`);
server = replaceIn(server, 'root /srv/youxin/dist;', `root ${root};`);
server = replaceIn(server, 'https://api.example.cn', apiOrigin);

// What Debian's /etc/nginx/nginx.conf would wrap around it, in a folder of our own.
const prefix = mkdtempSync(join(tmpdir(), 'youxin-nginx-'));
for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, name));
const config = `
daemon off;
worker_processes 1;
${process.getuid?.() === 0 ? 'user root;' : ''}
pid ${prefix}/nginx.pid;
error_log stderr warn;
load_module ${BROTLI_MODULE};
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
${server}
}
`;
writeFileSync(join(prefix, 'nginx.conf'), config);

const nginx = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
nginx.on('error', (error) => {
  console.error(`nginx: ${error.message} (scripts/setup.sh installs it)`);
  process.exit(1);
});
const cleanUp = () => rmSync(prefix, { recursive: true, force: true });
nginx.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => nginx.kill('SIGQUIT'));

// Ready once it answers.
for (let attempt = 0; ; attempt++) {
  try {
    await fetch(`http://127.0.0.1:${subPort}/youxin/index.html`);
    break;
  } catch (error) {
    if (attempt >= 100) throw new Error(`nginx does not answer on port ${port}: ${error.message}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
console.log(`serving ${root} with deploy/nginx.conf on http://127.0.0.1:${port}/ and http://127.0.0.1:${subPort}/youxin/`);

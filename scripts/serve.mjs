// A small static file server for dist/, used by the demo and by the tests.
//
//   node scripts/serve.mjs [port]    serves dist/ on 127.0.0.1 and prints the URL.
//
// As a module, `serve({ root, port, cors, routes, headers })` starts one and resolves to
// { url, port, close, requests }: `routes` maps a path to { body, headers } (test pages),
// `cors` adds Access-Control-Allow-Origin (a CDN on another origin), `mount` serves root
// under a path prefix (a CDN path), and `requests` records every request path.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const DIST = resolve(fileURLToPath(new URL('../dist', import.meta.url)));

export function serve({ root = DIST, port = 0, cors = false, mount = '/', routes = new Map(), headers = {}, proxy = null } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (proxy && path.startsWith(proxy.prefix)) return forward(req, res, proxy);
    const common = { 'Cache-Control': 'no-store', ...headers };
    if (cors) common['Access-Control-Allow-Origin'] = '*';
    if (path === '/favicon.ico') {
      res.writeHead(204, common);
      res.end();
      return;
    }
    const route = routes.get(path);
    if (route) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], ...common, ...(route.headers || {}) });
      res.end(route.body);
      return;
    }
    if (!path.startsWith(mount)) return notFound(res, common);
    let file = normalize(join(root, path.slice(mount.length)));
    if (!file.startsWith(root)) return notFound(res, common);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', ...common });
      res.end(body);
    } catch {
      notFound(res, common);
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      done({
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        requests,
        close: () => new Promise((closed) => { server.closeAllConnections(); server.close(closed); }),
      });
    });
  });
}

async function forward(req, res, { prefix, target }) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const url = target + req.url.slice(prefix.length - 1);
  const headers = { ...req.headers };
  delete headers.host;
  try {
    const answer = await fetch(url, {
      method: req.method,
      headers,
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : Buffer.concat(chunks),
    });
    const out = {};
    answer.headers.forEach((value, name) => { if (name !== 'content-encoding' && name !== 'content-length') out[name] = value; });
    res.writeHead(answer.status, out);
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch {
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(`the inbox at ${target} is not answering`);
  }
}

function notFound(res, headers) {
  res.writeHead(404, { 'Content-Type': 'text/plain', ...headers });
  res.end('not found');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || 8080);
  const inbox = process.argv[3];
  const proxy = inbox ? { prefix: '/api/', target: inbox } : null;
  const { url } = await serve({ port, proxy });
  console.log(`\nHandover demo: open ${url}/ in your browser (Ctrl+C stops it)`);
  if (inbox) console.log(`Handoffs land in the inbox: open ${inbox}/ to see them\n`);
}

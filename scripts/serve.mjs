// A tiny static server for the demo EHR pages and the test fixtures, bound to 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MOUNTS = { '/demo/': join(ROOT, 'demo/pages'), '/fixtures/': join(ROOT, 'test/fixtures/pages') };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * @param {number} port 0 for any free port
 * @param {Record<string, string>} extraMounts more URL prefixes ('/name/') and the folders they serve, e.g. a
 *   page an end-to-end test built at setup
 */
export async function startServer(port = 0, extraMounts = {}) {
  const mounts = { ...MOUNTS, ...extraMounts };
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/') {
        response.writeHead(302, { location: '/demo/index.html' }).end();
        return;
      }
      const mount = Object.keys(mounts).find((prefix) => url.pathname.startsWith(prefix));
      if (!mount) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const base = mounts[mount];
      const path = normalize(join(base, decodeURIComponent(url.pathname.slice(mount.length))));
      if (!path.startsWith(base)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const file = (await stat(path)).isDirectory() ? join(path, 'index.html') : path;
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch (error) {
      response
        .writeHead(error?.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' })
        .end('Not found');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address();
  return { origin: `http://127.0.0.1:${actual}`, close: () => new Promise((done) => server.close(done)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const port = Number(process.argv[2] ?? 8765);
  const { origin } = await startServer(port);
  console.log(`Demo EHR pages: ${origin}/demo/index.html (Ctrl+C to stop)`);
}

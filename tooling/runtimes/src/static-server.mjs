// A tiny static server on 127.0.0.1 for the browser page: its own port, so the page's origin
// differs from the mock API's and every call is a real cross-origin (CORS) request.
import { createServer } from 'node:http';

/**
 * Serves `files` (path -> { type, body }) and answers 404 for anything else.
 *
 * @example
 * const site = await serveStatic({ '/': { type: 'text/html', body: '<p>hi</p>' } });
 * await site.close();
 */
export async function serveStatic(files) {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    // 204 for the favicon a page asks for, so a 404 does not show up among the page's errors.
    if (!file) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

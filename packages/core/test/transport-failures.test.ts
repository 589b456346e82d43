/** Every failure mode against a real HTTP server on 127.0.0.1, through the real fetch transport. */
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from '@integrations/test-kit';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAICore, NetworkError, RequestError, ResponseError, ServerError, type OpenAIError } from '../src/index.js';
import { caught, TEST_API_KEY } from './helpers.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function coreFor(handler: LoopbackHandler, options: { timeout?: number } = {}) {
  server = await startLoopbackServer(handler);
  return createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0, ...options });
}

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('typed failures over a real socket', () => {
  it('reports a refused connection as connection_failed', async () => {
    const port = await unusedPort();
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: `http://127.0.0.1:${port}/v1`, logLevel: 'off' });
    const error = await caught<NetworkError>(() => core.get('/models'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'connection_failed', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toMatch(/CORS/);
  });

  it('says CORS may be the cause of a failed connection when running in a browser', async () => {
    const port = await unusedPort();
    vi.stubGlobal('document', {});
    try {
      const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: `http://127.0.0.1:${port}/v1`, logLevel: 'off', maxRetries: 0 });
      const error = await caught<NetworkError>(() => core.get('/models'));
      expect(error).toMatchObject({ kind: 'connection_failed' });
      expect(error.message).toMatch(/CORS refusal/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses a redirect answered to an upload with a typed error, never re-sending the body', async () => {
    let uploads = 0;
    const core = await coreFor((request, response) => {
      if (request.url?.startsWith('/v1/files')) uploads++;
      request.resume();
      response.writeHead(307, { location: `${server!.baseUrl}/elsewhere` });
      response.end();
    });
    const error = await caught<RequestError>(() => core.postMultipart('/files', { body: { purpose: 'batch', file: new Blob(['{"a":1}\n']) } }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ kind: 'redirect_refused', retryable: false }); // fetch refuses it before a status is seen
    expect(uploads).toBe(1);
    expect(server!.requestCount).toBe(1);
  });

  it('reports a connection reset before any response as connection_reset', async () => {
    const core = await coreFor((request) => { request.socket.destroy(); });
    const error = await caught<NetworkError>(() => core.get('/models'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'connection_reset', retryable: true });
  });

  it('reports a reset in the middle of a JSON body as connection_reset while reading the body', async () => {
    const core = await coreFor((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"object":"list","data":[{"id":"gpt');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const error = await caught<NetworkError>(() => core.get('/models'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.kind).toBe('connection_reset');
    expect(error.message).toContain('reading the response body');
  });

  it('reports a body that ends early but cleanly as invalid_json (truncated)', async () => {
    const core = await coreFor((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"object":"list","data":[{"id":"gpt');
    });
    const error = await caught<ResponseError>(() => core.get('/models'));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.kind).toBe('invalid_json');
    expect(error.message).toContain('truncated');
  });

  it('reports an empty 200 body as empty_body', async () => {
    const core = await coreFor((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_empty' });
      response.end();
    });
    expect(await caught(() => core.get('/models'))).toMatchObject({ category: 'response', kind: 'empty_body', requestId: 'req_empty' });
  });

  it('reports an HTML page with status 200 as unexpected_content_type', async () => {
    const core = await coreFor((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!DOCTYPE html><html><body>captive portal</body></html>');
    });
    const error = await caught<ResponseError>(() => core.get('/models'));
    expect(error).toMatchObject({ category: 'response', kind: 'unexpected_content_type' });
    expect(error.message).toContain('HTML');
  });

  it('reports a non-JSON content type as unexpected_content_type', async () => {
    const core = await coreFor((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('OK');
    });
    expect(await caught(() => core.get('/models'))).toMatchObject({ category: 'response', kind: 'unexpected_content_type' });
  });

  it('reports an HTML error page from a proxy as a server error that says so', async () => {
    const core = await coreFor((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const error = await caught<ServerError>(() => core.get('/models'));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ kind: 'bad_gateway', status: 502 });
    expect(error.message).toContain('HTML page');
  });

  it('ends a call at once with kind aborted when the caller aborts', async () => {
    const core = await coreFor(() => undefined); // never answers
    const controller = new AbortController();
    const pending = caught<RequestError>(() => core.get('/models', {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user left')), 30);
    const started = Date.now();
    const error = await pending;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ kind: 'aborted', retryable: false });
  });

  it('refuses to start when the signal is already aborted, sending nothing', async () => {
    const core = await coreFor((_request, response) => { response.end('{}'); });
    const error = await caught<OpenAIError>(() => core.get('/models', {}, { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(server!.requestCount).toBe(0);
  });

  it('times out waiting for headers with a typed timeout naming the option', async () => {
    const core = await coreFor(() => undefined, { timeout: 100 });
    const error = await caught<NetworkError>(() => core.get('/models'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'request', retryable: true });
    expect(error.message).toContain('waiting for response headers');
  });

  it('times out while a body trickles, because the timeout covers the body too', async () => {
    const core = await coreFor((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":'); // and never finishes
    });
    const error = await caught<NetworkError>(() => core.get('/models', {}, { timeout: 150 }));
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'request' });
    expect(error.message).toContain('reading the response body');
  });
});

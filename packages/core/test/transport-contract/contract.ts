/**
 * The transport contract: what any `Transport` must do under core, against real servers on
 * 127.0.0.1. Core's fetch transport runs it (fetch.test.ts), and so does every other transport
 * package (`@integrations/openai-undici` imports this file by relative path). Failures must
 * reach `classifyFailure` in a shape it reads, so the same typed errors come out of every one.
 */
import { apiError, startMockServer, type MockServer } from '@integrations/openai-testing';
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from '@integrations/test-kit';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createOpenAICore,
  getResponseMeta,
  NetworkError,
  RateLimitError,
  RequestError,
  type ClientOptions,
  type CoreInternals,
  type OpenAIError,
  type Transport,
  type UploadProgress,
} from '../../src/index.js';
import { caught, TEST_API_KEY, virtualClock } from '../helpers.js';
import { checksumUploadHandler, closeWatcher, unusedPort, writeRandomFile, type ReceivedUpload } from './loopback-helpers.js';

/** A transport under test; `close()`, when it has one, runs after each test. */
export type ContractTransport = Transport & { close?(): Promise<void> };

const UPLOAD_BYTES = 32 * 1024 * 1024;

/**
 * Registers the contract suite for one transport.
 *
 * @example
 * transportContract('undici', () => undiciTransport());
 */
export function transportContract(name: string, makeTransport: () => ContractTransport): void {
  describe(`transport contract: ${name}`, () => {
    let server: LoopbackServer | MockServer | undefined;
    let transport: ContractTransport | undefined;
    let directory: string;
    let bigFile: string;
    let bigFileSha256: string;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), `transport-contract-${name}-`));
      bigFile = join(directory, 'big.bin');
      bigFileSha256 = await writeRandomFile(bigFile, UPLOAD_BYTES);
    });
    afterAll(() => rm(directory, { recursive: true, force: true }));
    afterEach(async () => {
      await Promise.all([server?.close(), transport?.close?.()]);
      server = undefined;
      transport = undefined;
    });

    /** A core on a fresh transport: one attempt, no breaker, unless the test asks otherwise. */
    function coreAt(baseUrl: string, options: ClientOptions = {}, internals: CoreInternals = {}) {
      transport = makeTransport();
      return createOpenAICore({ apiKey: TEST_API_KEY, baseUrl, logLevel: 'off', maxRetries: 0, circuitBreaker: false, transport, ...options }, internals);
    }

    async function serve(handler: LoopbackHandler): Promise<LoopbackServer> {
      const started = await startLoopbackServer(handler);
      server = started;
      return started;
    }

    it('round-trips JSON with request headers, response headers and metadata', async () => {
      let seen: { method?: string; url?: string; headers: Record<string, unknown>; body: unknown } | undefined;
      const loopback = await serve(async (request, response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        seen = { method: request.method, url: request.url, headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
        response.setHeader('set-cookie', ['session=1; Path=/', 'region=eu; Path=/']);
        response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_contract', 'x-ratelimit-remaining-requests': '41' });
        response.end(JSON.stringify({ id: 'chatcmpl-1', echo: 'héllo 👋' }));
      });
      let cookies: string[] = [];
      const core = coreAt(loopback.baseUrl, {
        defaultHeaders: { 'x-tenant': 'acme' },
        middleware: [{ onResponse: (response) => void (cookies = response.headers.getSetCookie()) }],
      });
      const result = await core.post<{ id: string; echo: string }>('/chat/completions', { body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'héllo 👋' }] } });
      expect(result).toEqual({ id: 'chatcmpl-1', echo: 'héllo 👋' });
      expect(seen).toMatchObject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', 'x-tenant': 'acme', accept: 'application/json' },
        body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'héllo 👋' }] },
      });
      expect(seen?.headers['idempotency-key']).toMatch(/^idem-/);
      expect(getResponseMeta(result)).toMatchObject({ requestId: 'req_contract', status: 200, attempts: 1, rateLimit: { remainingRequests: 41 } });
      expect(cookies).toEqual(['session=1; Path=/', 'region=eu; Path=/']);
    });

    it('reads a large body that arrives in many chunks, byte for byte', async () => {
      const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, index) => (index * 31) % 251);
      const loopback = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        for (let offset = 0; offset < bytes.byteLength; offset += 100_000) response.write(bytes.subarray(offset, offset + 100_000));
        response.end();
      });
      const binary = await coreAt(loopback.baseUrl).getBinary('/files/file-1/content');
      expect(binary.contentType).toBe('application/octet-stream');
      expect(Buffer.from(binary.data).equals(Buffer.from(bytes))).toBe(true);
    });

    it('yields each SSE event before the body ends', async () => {
      let write!: (text: string) => void;
      let end!: () => void;
      const loopback = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: {"n":0}\n\n');
        write = (text) => void response.write(text);
        end = () => response.end();
      });
      const events = coreAt(loopback.baseUrl).stream<{ n: number }>('/chat/completions', { body: {} })[Symbol.asyncIterator]();
      // Each event is written only after the previous one was read: a buffering transport hangs here.
      expect(await events.next()).toEqual({ done: false, value: { n: 0 } });
      write('data: {"n":1}\n\n');
      expect(await events.next()).toEqual({ done: false, value: { n: 1 } });
      write('data: [DONE]\n\n');
      end();
      expect(await events.next()).toEqual({ done: true, value: undefined });
    });

    it('streams a 32 MiB { path } upload intact, with progress events', async () => {
      let received: ReceivedUpload | undefined;
      const loopback = await serve(checksumUploadHandler((upload) => (received = upload)));
      const progress: UploadProgress[] = [];
      const result = await coreAt(loopback.baseUrl).postMultipart<{ id: string; bytes: number }>(
        '/files',
        { body: { file: { path: bigFile } } },
        { onUploadProgress: (event) => void progress.push(event) },
      );
      expect(result).toEqual({ id: 'file-contract', bytes: UPLOAD_BYTES });
      expect(received).toEqual({ fileBytes: UPLOAD_BYTES, sha256: bigFileSha256, closedCleanly: true });
      expect(progress.length).toBeGreaterThan(100);
      expect(progress.every((event, index) => index === 0 || event.loaded > progress[index - 1]!.loaded)).toBe(true);
      const last = progress.at(-1)!;
      expect(last.total).toBeGreaterThan(UPLOAD_BYTES);
      expect(last.loaded).toBe(last.total);
    });

    it('ends a request the caller aborts while waiting for headers as aborted, closing the socket', async () => {
      const watcher = closeWatcher();
      let arrived!: () => void;
      const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
      const loopback = await serve((request) => {
        watcher.watch(request);
        arrived(); // and never answers
      });
      const controller = new AbortController();
      const pending = caught<RequestError>(() => coreAt(loopback.baseUrl).get('/models', {}, { signal: controller.signal }));
      await requestArrived;
      controller.abort(new Error('user left'));
      const error = await pending;
      expect(error).toBeInstanceOf(RequestError);
      expect(error).toMatchObject({ kind: 'aborted', retryable: false });
      await watcher.closed;
    });

    it('ends a request the caller aborts in the middle of its body as aborted, closing the socket', async () => {
      const watcher = closeWatcher();
      const loopback = await serve((request, response) => {
        watcher.watch(request);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        response.write('{"object":"list","data":['); // and never finishes
      });
      const controller = new AbortController();
      let headersArrived!: () => void;
      const arrived = new Promise<void>((resolve) => (headersArrived = resolve));
      const inner = makeTransport();
      transport = inner;
      // Wrapped so the test knows the response head is in, and the abort lands mid-body.
      const watched = createOpenAICore({
        apiKey: TEST_API_KEY, baseUrl: loopback.baseUrl, logLevel: 'off', maxRetries: 0, circuitBreaker: false,
        transport: { send: (request) => inner.send(request).then((response) => (headersArrived(), response)) },
      });
      const pending = caught<RequestError>(() => watched.get('/models', {}, { signal: controller.signal }));
      await arrived;
      controller.abort();
      expect(await pending).toMatchObject({ kind: 'aborted' });
      await watcher.closed;
    });

    it('ends a stream the caller aborts mid-stream as aborted, closing the socket', async () => {
      const watcher = closeWatcher();
      const loopback = await serve((request, response) => {
        watcher.watch(request);
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: {"n":0}\n\n'); // then silence
      });
      const controller = new AbortController();
      const seen: unknown[] = [];
      const error = await caught<RequestError>(async () => {
        for await (const chunk of coreAt(loopback.baseUrl).stream('/chat/completions', { body: {} }, { signal: controller.signal })) {
          seen.push(chunk);
          controller.abort();
        }
      });
      expect(seen).toEqual([{ n: 0 }]);
      expect(error).toMatchObject({ kind: 'aborted' });
      await watcher.closed;
    });

    it('closes the socket when the consumer breaks out of a stream', async () => {
      const watcher = closeWatcher();
      const loopback = await serve((request, response) => {
        watcher.watch(request);
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: {"n":0}\n\ndata: {"n":1}\n\n'); // then silence
      });
      for await (const _chunk of coreAt(loopback.baseUrl).stream('/chat/completions', { body: {} })) break;
      await watcher.closed;
    });

    it('keeps the connection for the next request when a stream ends at [DONE] before its body does', async () => {
      const sockets: unknown[] = [];
      const loopback = await serve((request, response) => {
        sockets.push(request.socket);
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(`data: {"n":${sockets.length}}\n\ndata: [DONE]\n\n`);
        // The end of the body comes in a later packet, as it may from a real server.
        setTimeout(() => response.end(), 30);
      });
      const core = coreAt(loopback.baseUrl);
      const seen: unknown[] = [];
      for await (const chunk of core.stream('/chat/completions', { body: {} })) seen.push(chunk);
      // The loop ended with the body; the client puts the socket back in its pool a turn later.
      await new Promise((resolve) => setImmediate(resolve));
      for await (const chunk of core.stream('/chat/completions', { body: {} })) seen.push(chunk);
      expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
      expect(sockets).toHaveLength(2);
      expect(sockets[1]).toBe(sockets[0]);
    });

    it('times out an attempt that gets no answer with kind timeout', async () => {
      const loopback = await serve(() => undefined);
      const error = await caught<NetworkError>(() => coreAt(loopback.baseUrl, { timeout: 100 }).get('/models'));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'request', retryable: true });
    });

    it('times out a stream that goes silent with timeoutKind stream_idle, closing the socket', async () => {
      const watcher = closeWatcher();
      const loopback = await serve((request, response) => {
        watcher.watch(request);
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: {"n":0}\n\n'); // then silence
      });
      const seen: unknown[] = [];
      const error = await caught<NetworkError>(async () => {
        for await (const chunk of coreAt(loopback.baseUrl, { streamIdleTimeout: 100 }).stream('/chat/completions', { body: {} })) seen.push(chunk);
      });
      expect(seen).toEqual([{ n: 0 }]);
      expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
      await watcher.closed;
    });

    it('reports a refused connection as connection_failed', async () => {
      const error = await caught<NetworkError>(async () => coreAt(`http://127.0.0.1:${await unusedPort()}/v1`).get('/models'));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ kind: 'connection_failed', retryable: true });
      expect(error.message).toContain('ECONNREFUSED');
    });

    it('reports a connection reset before headers as connection_reset', async () => {
      const loopback = await serve((request) => void request.socket.destroy());
      expect(await caught(() => coreAt(loopback.baseUrl).get('/models'))).toMatchObject({ category: 'network', kind: 'connection_reset', retryable: true });
    });

    it('reports a connection reset in the middle of a JSON body as connection_reset', async () => {
      const loopback = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        response.write('{"object":"list","data":[{"id":"gpt', () => response.socket?.destroy());
      });
      const error = await caught<NetworkError>(() => coreAt(loopback.baseUrl).get('/models'));
      expect(error).toMatchObject({ category: 'network', kind: 'connection_reset' });
      expect(error.message).toContain('reading the response body');
    });

    it('reports a connection reset in the middle of a stream as stream_interrupted', async () => {
      const loopback = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: {"n":0}\n\ndata: {"n":1}\n\n', () => response.socket?.destroy());
      });
      const seen: unknown[] = [];
      const error = await caught(async () => {
        for await (const chunk of coreAt(loopback.baseUrl).stream('/chat/completions', { body: {} })) seen.push(chunk);
      });
      expect(seen).toEqual([{ n: 0 }, { n: 1 }]);
      expect(error).toMatchObject({ category: 'network', kind: 'stream_interrupted' });
    });

    it('refuses a 307 answered to a { path } upload with redirect_refused, sending it once', async () => {
      const loopback = await serve((request, response) => {
        request.resume();
        response.writeHead(307, { location: '/v1/elsewhere' });
        response.end();
      });
      const error = await caught<RequestError>(() => coreAt(loopback.baseUrl, { maxRetries: 2 }).postMultipart('/files', { body: { purpose: 'batch', file: { path: bigFile } } }));
      expect(error).toBeInstanceOf(RequestError);
      expect(error).toMatchObject({ kind: 'redirect_refused', retryable: false }); // fetch refuses it before a status is seen
      expect(loopback.requestCount).toBe(1);
    });

    it('retries a 429 with retry-after-ms as told, then fails with RateLimitError', async () => {
      const mock = await startMockServer();
      server = mock;
      mock.faults.always({ status: 429, body: apiError('slow down', 'requests', 'rate_limit_exceeded'), headers: { 'retry-after-ms': '25' } });
      const clock = virtualClock();
      const core = coreAt(mock.baseUrl, { maxRetries: 2, retry: { jitter: 0 } }, { clock });
      const error = await caught<OpenAIError>(() => core.post('/chat/completions', { body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } }));
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ kind: 'too_many_requests', status: 429, attempts: 3, retryAfterMs: 25 });
      expect(mock.requests).toHaveLength(3);
      expect(clock.sleeps).toEqual([25, 25]);
    });
  });
}

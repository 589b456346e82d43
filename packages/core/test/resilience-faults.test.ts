/**
 * Retry behaviour against the real fault-injecting mock server on 127.0.0.1. Faults apply to the
 * next requests in order, then the server answers normally. Backoff waits go through a virtual
 * clock, so each test asserts the exact waits without sleeping through them.
 */
import { apiError, startMockServer, type Fault, type MockServer } from '@integrations/openai-testing';
import { startLoopbackServer } from '@integrations/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAICore, NetworkError, RateLimitError, RequestError, ServerError, toFile, type ClientOptions, type RetryHook } from '../src/index.js';
import { caught, TEST_API_KEY, virtualClock } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => server?.close());

/** Starts the server with `faults` queued (and `always` repeating after them). */
async function setup(faults: Fault[], options: ClientOptions = {}, always?: Fault) {
  server = await startMockServer();
  server.faults.next(...faults);
  if (always) server.faults.always(always);
  const clock = virtualClock();
  const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', retry: { jitter: 0 }, ...options }, { clock });
  return { core, clock, server };
}

const post = (core: ReturnType<typeof createOpenAICore>, options = {}) =>
  core.post<{ id: string }>('/chat/completions', { body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } }, options);
const streamBody = { stream: true, messages: [{ role: 'user', content: 'one two three' }] };

describe('retries under faults (real server)', () => {
  it.each([
    ['retry-after-ms', { 'retry-after-ms': '1250' }, 1_250],
    ['retry-after in seconds', { 'retry-after': '2' }, 2_000],
    ['x-ratelimit-reset-requests', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1.5s' }, 1_500],
    ['x-ratelimit-reset-tokens', { 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '0m20s' }, 20_000],
  ])('answers a 429 with %s by waiting exactly as told, then succeeds', async (_name, headers, wait) => {
    const { core, clock, server } = await setup([{ status: 429, body: apiError('slow down', 'requests', 'rate_limit_exceeded'), headers }]);
    const result = await post(core);
    expect(result.id).toMatch(/^chatcmpl-/);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([wait]);
  });

  it('answers a 429 with retry-after as an HTTP date', async () => {
    const { core, clock, server } = await setup([]);
    // An HTTP date is read against the wall clock (the virtual clock only counts the waits).
    server.faults.next({ status: 429, body: apiError('slow'), headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } });
    await post(core);
    expect(clock.sleeps).toHaveLength(1);
    // A second's resolution, plus whatever passed between building the header and reading it.
    expect(clock.sleeps[0]).toBeGreaterThan(25_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(30_000);
  });

  it('does not retry a 429 for insufficient_quota', async () => {
    const { core, server } = await setup([{ status: 429, body: apiError('quota', 'insufficient_quota', 'insufficient_quota') }]);
    expect(await caught(() => post(core))).toMatchObject({ kind: 'quota_exceeded', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('rides out a burst of 5xx with exponential backoff and succeeds', async () => {
    const { core, clock, server } = await setup([{ status: 503, body: apiError('busy') }, { status: 502 }, { status: 500, body: apiError('oops') }]);
    const result = await post(core);
    expect(result.id).toMatch(/^chatcmpl-/);
    expect(server.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([500, 1_000, 2_000]);
  });

  it('gives up after maxRetries on a permanent 5xx, with the typed error and attempt count', async () => {
    const onExhausted = vi.fn();
    const { core, server } = await setup([], { hooks: { retry: { onExhausted } } }, { status: 503, body: apiError('down') });
    const error = await caught<ServerError>(() => post(core));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ kind: 'service_unavailable', attempts: 4, status: 503 });
    expect(server.requests).toHaveLength(4);
    expect(onExhausted).toHaveBeenCalledWith(expect.objectContaining({ attempts: 4, reason: 'max_retries' }));
  });

  it('honours maxRetries per call', async () => {
    const { core, server } = await setup([], {}, { status: 503, body: apiError('down') });
    await caught(() => post(core, { maxRetries: 1 }));
    expect(server.requests).toHaveLength(2);
  });

  it('never retries a 4xx', async () => {
    const { core, server } = await setup([{ status: 400, body: apiError('bad', 'invalid_request_error') }]);
    expect(await caught(() => post(core))).toMatchObject({ category: 'request', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('obeys x-should-retry before the status: false stops a 503, true retries a 400', async () => {
    const first = await setup([{ status: 503, body: apiError('no'), headers: { 'x-should-retry': 'false' } }]);
    await caught(() => post(first.core));
    expect(first.server.requests).toHaveLength(1);
    await first.server.close();
    const second = await setup([{ status: 400, body: apiError('yes'), headers: { 'x-should-retry': 'true' } }]);
    await post(second.core);
    expect(second.server.requests).toHaveLength(2);
  });

  it('retries a connection reset before the response', async () => {
    const { core, server } = await setup([{ reset: 'before-headers' }]);
    await post(core);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a reset in the middle of a JSON body', async () => {
    const { core, server } = await setup([{ reset: 'mid-body', partial: '{"id":"chatcmpl-' }]);
    expect((await post(core)).id).toMatch(/^chatcmpl-/);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a server slower than the timeout, and reports a typed timeout when it stays slow', async () => {
    // Generous margins (a 500 ms timeout against a 10 s answer) so a busy machine cannot flip it,
    // and the count is awaited: the last request may reach the server after the client gave up.
    const { core, server } = await setup([], { timeout: 500, maxRetries: 2 }, { delayMs: 10_000 });
    const error = await caught<NetworkError>(() => post(core));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'request', attempts: 3 });
    await vi.waitFor(() => expect(server.requests).toHaveLength(3));
  });

  it('sends the same Idempotency-Key on every attempt of one call, and a new one per call', async () => {
    const { core, server } = await setup([{ status: 503 }, { status: 503 }]);
    await post(core);
    await post(core);
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toBeDefined();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
    expect(server.requests.map((request) => request.headers['x-retry-count'])).toEqual(['0', '1', '2', '0']);
  });

  it('lets RetryHook.onRetry change the delay or stop retrying', async () => {
    const decisions: RetryHook['onRetry'] = ({ attempt }) => (attempt === 1 ? { action: 'retry', delayMs: 42 } : { action: 'abort' });
    const { core, clock, server } = await setup([], { hooks: { retry: { onRetry: decisions } } }, { status: 503 });
    await caught(() => post(core));
    expect(clock.sleeps).toEqual([42]);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry an upload whose body cannot be sent twice', async () => {
    const { core, server } = await setup([{ status: 503 }]);
    async function* once() { yield new TextEncoder().encode('data'); }
    await caught(() => core.postMultipart('/files', { body: { purpose: 'batch', file: toFile(once(), 'a.jsonl') } }));
    expect(server.requests).toHaveLength(1);
  });

  it('re-sends a file from disk on retry', async () => {
    const { core, server } = await setup([{ status: 503 }]);
    await core.postMultipart('/files', { body: { purpose: 'batch', file: toFile(new Blob(['{"a":1}\n']), 'a.jsonl') } });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.text).toContain('{"a":1}');
  });
});

describe('aborts end every wait at once (real clock)', () => {
  // Each abort fires on an event (the server has the request), never after a guessed delay;
  // a wait that ignored the abort would outlast the test's timeout (30 s backoff, 1 rpm queue).
  const whenServerHas = (count: number) => vi.waitFor(() => expect(server!.requests).toHaveLength(count));

  it('during a request: one request, kind aborted, no retry', async () => {
    server = await startMockServer();
    server.faults.always({ stall: true });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off' });
    const controller = new AbortController();
    const pending = caught<RequestError>(() => post(core, { signal: controller.signal }));
    await whenServerHas(1);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('during a backoff wait: ends at once although the server asked for 30 s', async () => {
    server = await startMockServer();
    server.faults.always({ status: 503, headers: { 'retry-after': '30' } });
    const onRetry = vi.fn();
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', hooks: { retry: { onRetry } } });
    const controller = new AbortController();
    const pending = caught<RequestError>(() => post(core, { signal: controller.signal }));
    await vi.waitFor(() => expect(onRetry).toHaveBeenCalledOnce()); // now sleeping 30 s
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('during a rate-limiter queue wait: ends at once and sends nothing', async () => {
    server = await startMockServer();
    const onWait = vi.fn();
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', rateLimit: { requestsPerMinute: 1 }, hooks: { rateLimit: { onWait } } });
    await post(core);
    const controller = new AbortController();
    const pending = caught(() => post(core, { signal: controller.signal }));
    await vi.waitFor(() => expect(onWait).toHaveBeenCalledOnce()); // queued for about a minute
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
    expect(server.requests).toHaveLength(1);
  });

  it('during a stream: ends with kind aborted and frees the connection', async () => {
    server = await startMockServer();
    server.faults.next({ sse: [{ n: 0 }, { n: 1 }], stallAfter: 2 });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off' });
    const controller = new AbortController();
    const seen: unknown[] = [];
    const error = await caught(async () => {
      for await (const chunk of core.stream('/chat/completions', { body: {} }, { signal: controller.signal })) {
        seen.push(chunk);
        if (seen.length === 2) queueMicrotask(() => controller.abort()); // while the next read waits on a stalled server
      }
    });
    expect(seen).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'aborted' });
  });
});

describe('streams under faults (real server)', () => {
  it('retries a stream that breaks before its first event', async () => {
    const { core, server } = await setup([{ sse: [{ n: 0 }], resetAfter: 0 }, { sse: [{ n: 0 }, { n: 1 }] }]);
    const seen: unknown[] = [];
    for await (const chunk of core.stream('/chat/completions', { body: {} })) seen.push(chunk);
    expect(seen).toEqual([{ n: 0 }, { n: 1 }]);
    expect(server.requests).toHaveLength(2);
  });

  it('never retries a stream once an event was delivered', async () => {
    const { core, server } = await setup([{ sse: [{ n: 0 }, { n: 1 }, { n: 2 }], resetAfter: 1 }, { sse: [{ n: 0 }] }]);
    const seen: unknown[] = [];
    const error = await caught(async () => {
      for await (const chunk of core.stream('/chat/completions', { body: {} })) seen.push(chunk);
    });
    expect(seen).toEqual([{ n: 0 }]);
    expect(error).toMatchObject({ category: 'network', kind: 'stream_interrupted' });
    expect(server.requests).toHaveLength(1);
  });

  it('ends a stream that stalls with a typed stream_idle timeout', async () => {
    const { core } = await setup([{ sse: [{ n: 0 }, { n: 1 }], stallAfter: 1 }], { streamIdleTimeout: 150 });
    const seen: unknown[] = [];
    const started = Date.now();
    const error = await caught<NetworkError>(async () => {
      for await (const chunk of core.stream('/chat/completions', { body: {} })) seen.push(chunk);
    });
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('counts comments as activity for the idle timeout', async () => {
    const loopback = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":0}\n\n');
      // 25 comments 50 ms apart: 1.25 s of stream against a 1 s idle limit, so only the comments
      // keep it alive, with a 20x margin per gap for a busy machine.
      let pings = 0;
      const timer = setInterval(() => {
        if (++pings === 25) {
          clearInterval(timer);
          response.end('data: {"n":1}\n\ndata: [DONE]\n\n');
        } else response.write(': keep-alive\n\n');
      }, 50);
    });
    try {
      const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: loopback.baseUrl, logLevel: 'off', streamIdleTimeout: 1_000 });
      const seen: unknown[] = [];
      for await (const chunk of core.stream('/chat/completions', { body: {} })) seen.push(chunk);
      expect(seen).toEqual([{ n: 0 }, { n: 1 }]);
    } finally {
      await loopback.close();
    }
  });

  it('retries a stream whose first event is slower than the attempt timeout', async () => {
    const { core, server } = await setup([{ stall: true }, { sse: [{ n: 0 }] }], { timeout: 600 });
    const seen: unknown[] = [];
    for await (const chunk of core.stream('/chat/completions', { body: {} })) seen.push(chunk);
    expect(seen).toEqual([{ n: 0 }]);
    expect(server.requests).toHaveLength(2);
  });

  it('raises a 429 on a stream request as RateLimitError after retries', async () => {
    const { core, server } = await setup([], { maxRetries: 1 }, { status: 429, body: apiError('slow') });
    expect(await caught(() => core.stream('/chat/completions', { body: {} }).responseMeta)).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(2);
  });
});
